import { describe, expect, it } from "vitest";
import {
  assertAgendaEditable,
  assertDecisionAllowed,
  assertItemRemovable,
  assertMeetingClosable,
  findMissingDecisionFields,
  nextMeetingMoment,
  type TableDecisionDraft,
  TableRuleError,
  tableDecisionKinds,
} from "./decisions";

const complete: Record<(typeof tableDecisionKinds)[number], TableDecisionDraft> = {
  handover: { kind: "handover", targetTeamId: "team", acceptedByUserId: "partner" },
  vv: { kind: "vv", partnerOrganisationId: "org", partnerWorkerUserId: "partner", vtWorkerUserId: "vt" },
  vt_keeps: { kind: "vt_keeps" },
  raad_request: { kind: "raad_request", note: "Zorgen blijven ondanks hulp; onderzoek naar een maatregel." },
  postpone: { kind: "postpone" },
};

function refusal(run: () => void): TableRuleError {
  try {
    run();
  } catch (error) {
    if (error instanceof TableRuleError) return error;
    throw error;
  }
  throw new Error("expected a TableRuleError");
}

describe("table decisions", () => {
  it.each(tableDecisionKinds)("accepts a complete %s decision on an open item", (kind) => {
    expect(findMissingDecisionFields(complete[kind])).toEqual([]);
    expect(() =>
      assertDecisionAllowed({ meetingStatus: "planned", currentDecision: null, decision: complete[kind] }),
    ).not.toThrow();
  });

  it.each([
    ["handover", ["targetTeamId", "acceptedByUserId"]],
    ["vv", ["partnerOrganisationId", "partnerWorkerUserId", "vtWorkerUserId"]],
    ["raad_request", ["note"]],
    ["vt_keeps", []],
    ["postpone", []],
  ] as const)("lists what a bare %s decision lacks", (kind, fields) => {
    expect(findMissingDecisionFields({ kind }).map((m) => m.field)).toEqual(fields);
  });

  it("treats blank text as missing", () => {
    const missing = findMissingDecisionFields({
      kind: "vv",
      partnerOrganisationId: "org",
      vtWorkerUserId: "vt",
      partnerWorkerUserId: "  ",
    });
    expect(missing.map((m) => m.field)).toEqual(["partnerWorkerUserId"]);
  });

  it("refuses a V&V decision without a partner worker, in Dutch", () => {
    const error = refusal(() =>
      assertDecisionAllowed({
        meetingStatus: "planned",
        currentDecision: null,
        decision: { kind: "vv", partnerOrganisationId: "org", vtWorkerUserId: "vt" },
      }),
    );
    expect(error.code).toBe("missing_fields");
    expect(error.message).toContain("medewerker van de ketenpartner");
  });

  it("refuses a second decision on one item and any decision in a closed meeting", () => {
    expect(
      refusal(() =>
        assertDecisionAllowed({ meetingStatus: "planned", currentDecision: "vt_keeps", decision: complete.postpone }),
      ).code,
    ).toBe("item_already_decided");
    expect(
      refusal(() =>
        assertDecisionAllowed({ meetingStatus: "closed", currentDecision: null, decision: complete.vt_keeps }),
      ).code,
    ).toBe("meeting_closed");
  });

  it("closes a meeting only when every item has a decision", () => {
    const error = refusal(() =>
      assertMeetingClosable({
        meetingStatus: "planned",
        items: [
          { id: "a", decision: "handover" },
          { id: "b", decision: null },
          { id: "c", decision: null },
        ],
      }),
    );
    expect(error.code).toBe("undecided_items");
    expect(error.undecidedItemIds).toEqual(["b", "c"]);
    expect(error.message).toContain("2 casussen zonder besluit");
    expect(() =>
      assertMeetingClosable({ meetingStatus: "planned", items: [{ id: "a", decision: "postpone" }] }),
    ).not.toThrow();
    expect(() => assertMeetingClosable({ meetingStatus: "planned", items: [] })).not.toThrow();
    expect(refusal(() => assertMeetingClosable({ meetingStatus: "closed", items: [] })).code).toBe("meeting_closed");
  });

  it("keeps decided items on the agenda and the agenda of a closed meeting as it is", () => {
    expect(() => assertItemRemovable({ meetingStatus: "planned", decision: null })).not.toThrow();
    expect(refusal(() => assertItemRemovable({ meetingStatus: "planned", decision: "vv" })).code).toBe("item_decided");
    expect(refusal(() => assertAgendaEditable({ meetingStatus: "closed" })).code).toBe("meeting_closed");
  });

  it("plans the next meeting two weeks later by default", () => {
    const after = new Date("2026-12-01T13:00:00Z");
    expect(nextMeetingMoment({ after }).toISOString()).toBe("2026-12-15T13:00:00.000Z");
    expect(nextMeetingMoment({ after, intervalDays: 7 }).toISOString()).toBe("2026-12-08T13:00:00.000Z");
  });
});
