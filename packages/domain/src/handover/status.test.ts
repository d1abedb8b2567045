import { describe, expect, it } from "vitest";
import {
  closedHandoverStatuses,
  handoverStatuses,
  handoverStatusLabels,
  isOpenHandoverStatus,
  openHandoverStatuses,
} from "./status";

describe("handover statuses", () => {
  it("splits every status into exactly one of open and closed", () => {
    expect([...openHandoverStatuses, ...closedHandoverStatuses].sort()).toEqual([...handoverStatuses].sort());
  });

  it.each(handoverStatuses)("knows whether %s is open", (status) => {
    expect(isOpenHandoverStatus({ status })).toBe(["draft", "offered", "accepted", "started"].includes(status));
  });

  it("has a Dutch label for every status", () => {
    expect(handoverStatuses.map((status) => handoverStatusLabels[status])).toEqual([
      "concept",
      "aangeboden",
      "geaccepteerd",
      "gestart",
      "afgerond",
      "afgewezen",
      "ingetrokken",
      "teruggemeld",
    ]);
  });
});
