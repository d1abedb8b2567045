import { describe, expect, it } from "vitest";
import {
  addCalendarMonths,
  computeRetainUntil,
  decideDestructionRequest,
  destructionRequestDeadline,
  findDestructionRequestProblems,
  retentionOf,
} from "./retention";

describe("addCalendarMonths", () => {
  it("keeps the day, or takes the month's last day when it has none", () => {
    expect(addCalendarMonths({ date: "2026-11-26", months: 3 })).toBe("2027-02-26");
    expect(addCalendarMonths({ date: "2026-11-30", months: 3 })).toBe("2027-02-28");
    expect(addCalendarMonths({ date: "2027-11-30", months: 3 })).toBe("2028-02-29");
    expect(addCalendarMonths({ date: "2028-02-29", months: 240 })).toBe("2048-02-29");
    expect(addCalendarMonths({ date: "2024-02-29", months: 12 })).toBe("2025-02-28");
    expect(addCalendarMonths({ date: "2026-10-31", months: 3 })).toBe("2027-01-31");
  });
});

describe("computeRetainUntil", () => {
  it("keeps a file 20 years after it closed", () => {
    expect(computeRetainUntil({ closedOn: "2026-11-26", youngestChildBirthYear: null })).toBe("2046-11-26");
    expect(computeRetainUntil({ closedOn: "2026-11-26", youngestChildBirthYear: 2010 })).toBe("2046-11-26");
  });

  it("keeps it until 31 December of the year the youngest child turns 18 when that is later", () => {
    // Born in 2030 (an expected child): 18 in 2048, later than 2046.
    expect(computeRetainUntil({ closedOn: "2026-11-26", youngestChildBirthYear: 2030 })).toBe("2048-12-31");
    // A newborn at closing turns 18 before the 20 years are over.
    expect(computeRetainUntil({ closedOn: "2026-11-26", youngestChildBirthYear: 2026 })).toBe("2046-11-26");
    expect(computeRetainUntil({ closedOn: "2026-01-01", youngestChildBirthYear: 2028 })).toBe("2046-12-31");
  });
});

describe("retentionOf", () => {
  const closedAt = new Date("2026-11-26T10:00:00Z");
  it("never expires a file that is in progress", () => {
    expect(
      retentionOf({
        facts: { inProgress: true, lastActivityAt: closedAt, youngestChildBirthYear: null },
        today: "2090-01-01",
      }),
    ).toEqual({ status: "in_progress" });
  });

  it("expires the day after the retention ends", () => {
    const facts = { inProgress: false, lastActivityAt: closedAt, youngestChildBirthYear: null };
    expect(retentionOf({ facts, today: "2046-11-26" })).toEqual({
      status: "retained",
      closedOn: "2026-11-26",
      retainUntil: "2046-11-26",
    });
    expect(retentionOf({ facts, today: "2046-11-27" }).status).toBe("expired");
  });

  it("keeps a file while a child is 17", () => {
    const facts = { inProgress: false, lastActivityAt: closedAt, youngestChildBirthYear: 2030 };
    expect(retentionOf({ facts, today: "2047-11-27" }).status).toBe("retained");
    expect(retentionOf({ facts, today: "2049-01-01" }).status).toBe("expired");
  });

  it("takes the closing day in Amsterdam", () => {
    const lateEvening = new Date("2026-11-26T23:30:00Z"); // 00:30 on 27 November in Amsterdam
    const result = retentionOf({
      facts: { inProgress: false, lastActivityAt: lateEvening, youngestChildBirthYear: null },
      today: "2046-11-27",
    });
    expect(result).toEqual({ status: "retained", closedOn: "2026-11-27", retainUntil: "2046-11-27" });
  });
});

describe("a request to destroy a file", () => {
  it("is due three months after it was made", () => {
    expect(destructionRequestDeadline({ requestedOn: "2026-11-26" })).toBe("2027-02-26");
    expect(destructionRequestDeadline({ requestedOn: "2026-11-30" })).toBe("2027-02-28");
  });

  it("cannot be dated in the future", () => {
    expect(findDestructionRequestProblems({ requestedOn: "2026-11-27", today: "2026-11-26" })).toHaveLength(1);
    expect(findDestructionRequestProblems({ requestedOn: "2026-11-26", today: "2026-11-26" })).toEqual([]);
  });

  it("is carried out only when nothing is in progress", () => {
    expect(decideDestructionRequest({ status: "open", inProgress: false, decision: { kind: "carry_out" } })).toEqual({
      ok: true,
    });
    expect(
      decideDestructionRequest({ status: "open", inProgress: true, decision: { kind: "carry_out" } }),
    ).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("is refused for a reason that holds", () => {
    const refuse = (reasonCode: "active_follow_up" | "legal_obligation", inProgress: boolean) =>
      decideDestructionRequest({ status: "open", inProgress, decision: { kind: "refuse", reasonCode } });
    expect(refuse("active_follow_up", true)).toEqual({ ok: true });
    expect(refuse("active_follow_up", false)).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(refuse("legal_obligation", false)).toEqual({ ok: true });
  });

  it("is decided once", () => {
    for (const status of ["carried_out", "refused"] as const) {
      expect(decideDestructionRequest({ status, inProgress: false, decision: { kind: "carry_out" } })).toMatchObject({
        ok: false,
        code: "CONFLICT",
      });
    }
  });
});
