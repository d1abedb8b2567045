import { describe, expect, it } from "vitest";
import {
  decideConditionChange,
  isConditionOverdue,
  VvConditionChangeError,
  type VvConditionStatus,
  vvConditionStatuses,
} from "./conditions";

// Written out rather than derived from the rules table, so the test can disagree with it.
const allowed: [VvConditionStatus, VvConditionStatus][] = [
  ["open", "met"],
  ["open", "not_met"],
  ["open", "dropped"],
  ["met", "not_met"],
  ["met", "dropped"],
  ["not_met", "open"],
  ["not_met", "met"],
  ["not_met", "dropped"],
];

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof VvConditionChangeError) return error.code;
    throw error;
  }
  return "allowed";
}

describe("safety condition changes", () => {
  it.each(allowed)("allows %s → %s with a note", (from, to) => {
    expect(decideConditionChange({ from, to, note: "Besproken bij het huisbezoek." })).toBe(to);
  });

  const refused = vvConditionStatuses.flatMap((from) =>
    vvConditionStatuses
      .filter((to) => from !== to && !allowed.some(([f, t]) => f === from && t === to))
      .map((to) => [from, to] as const),
  );
  it.each(refused)("refuses %s → %s", (from, to) => {
    expect(codeOf(() => decideConditionChange({ from, to, note: "x" }))).toBe("not_allowed");
  });

  it("refuses a change without a note, and asks for the reason when dropping", () => {
    expect(codeOf(() => decideConditionChange({ from: "open", to: "met", note: " " }))).toBe("note_missing");
    expect(() => decideConditionChange({ from: "open", to: "dropped", note: null })).toThrow(
      /waarom de voorwaarde vervalt/,
    );
  });

  it("refuses a change to the same status", () => {
    expect(codeOf(() => decideConditionChange({ from: "open", to: "open", note: "x" }))).toBe("unchanged");
  });

  it("marks open conditions past their due date as overdue", () => {
    expect(isConditionOverdue({ status: "open", dueOn: "2026-12-01", today: "2026-12-02" })).toBe(true);
    expect(isConditionOverdue({ status: "open", dueOn: "2026-12-02", today: "2026-12-02" })).toBe(false);
    expect(isConditionOverdue({ status: "met", dueOn: "2026-12-01", today: "2026-12-02" })).toBe(false);
  });
});
