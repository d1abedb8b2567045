import { describe, expect, it } from "vitest";
import { describeRefusedCall } from "./write-refusal-audit";

describe("describeRefusedCall", () => {
  it.each([
    ["handover.get", "query", { id: "A0000000-0000-4000-8000-000000000001" }, "handover", "read", "handover"],
    ["handover.list", "query", undefined, "handover", "read", "handover.list"],
    ["case.update", "mutation", {}, "handover", "update", "case.update"],
    ["table.removeItem", "mutation", {}, "handover_table", "delete", "handover_table.removeItem"],
    ["table.decide", "mutation", {}, "handover_table", "execute", "handover_table.decide"],
    ["vv.addCondition", "mutation", {}, "vv", "create", "vv_trajectory.addCondition"],
    ["admin.mail.retry", "mutation", {}, "beheer", "execute", "mail.retry"],
    ["admin.audit.search", "query", {}, "beheer", "read", "audit_log.search"],
    ["admin.regions.update", "mutation", {}, "beheer", "execute", "region"],
    ["admin.regions.list", "query", undefined, "beheer", "read", "region.list"],
    [
      "admin.regions.setContactFrequencies",
      "mutation",
      {},
      "beheer",
      "execute",
      "waiting_list_contact_frequencies.setContactFrequencies",
    ],
    ["me", "query", undefined, "authentication", "read", "user"],
  ] as const)("%s", (path, type, rawInput, purpose, action, objectType) => {
    expect(describeRefusedCall({ path, type, rawInput })).toMatchObject({ purpose, action, objectType });
  });

  it("takes only UUIDs from the raw input, lower-cased, and never free text", () => {
    expect(
      describeRefusedCall({
        path: "vv.addTimelineEntry",
        type: "mutation",
        rawInput: { trajectoryId: "A0000000-0000-4000-8000-000000000001", text: "Naam van een kind" },
      }),
    ).toMatchObject({ objectId: "a0000000-0000-4000-8000-000000000001", caseId: null });
    expect(describeRefusedCall({ path: "handover.get", type: "query", rawInput: { id: "Jan Jansen" } })).toMatchObject({
      objectId: null,
      caseId: null,
    });
    expect(describeRefusedCall({ path: "handover.get", type: "query", rawInput: "x" }).objectId).toBeNull();
    // Beheer of people names the person (a partner coördinator refused on another organisation's medewerker).
    expect(
      describeRefusedCall({
        path: "admin.people.deactivate",
        type: "mutation",
        rawInput: { userId: "B0000000-0000-4000-8000-000000000002" },
      }).objectId,
    ).toBe("b0000000-0000-4000-8000-000000000002");
  });
});
