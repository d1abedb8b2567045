import { describe, expect, it } from "vitest";
import { nl } from "../messages/nl";
import { actionFieldOf, parseHandoverAction } from "./handover-actions";

const m = nl.handoverDetail;
const TODAY = "2026-11-25";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const parse = (fields: Record<string, string>) => parseHandoverAction(form(fields), { today: TODAY });

describe("parseHandoverAction", () => {
  it("reads the buttons without fields", () => {
    expect(parse({ intent: "offer", version: "3" })).toEqual({ ok: true, command: { intent: "offer", version: 3 } });
    expect(parse({ intent: "accept", version: "4" })).toEqual({ ok: true, command: { intent: "accept", version: 4 } });
  });

  it("refuses an unknown intent or a missing version", () => {
    expect(parse({ intent: "delete", version: "1" })).toMatchObject({
      ok: false,
      intent: null,
      formErrors: [m.unknownIntent],
    });
    expect(parse({ intent: "offer" })).toMatchObject({ ok: false, intent: "offer", formErrors: [m.versionMissing] });
    expect(parse({ intent: "offer", version: "0" })).toMatchObject({ ok: false, formErrors: [m.versionMissing] });
  });

  it("sends an optional reason only when there is one", () => {
    expect(parse({ intent: "withdraw", version: "2", reasonText: "  " })).toEqual({
      ok: true,
      command: { intent: "withdraw", version: 2 },
    });
    expect(parse({ intent: "withdraw", version: "2", reasonText: " Dubbel ingevoerd. " })).toEqual({
      ok: true,
      command: { intent: "withdraw", version: 2, reasonText: "Dubbel ingevoerd." },
    });
  });

  it("asks for a decline reason, and for an explanation with 'Anders'", () => {
    expect(parse({ intent: "decline", version: "2" })).toMatchObject({
      ok: false,
      intent: "decline",
      fieldErrors: { reasonCode: m.declineReasonRequired },
    });
    expect(parse({ intent: "decline", version: "2", reasonCode: "other", reasonText: "" })).toMatchObject({
      ok: false,
      fieldErrors: { reasonText: m.declineTextRequired },
      values: { reasonCode: "other", reasonText: "" },
    });
    expect(parse({ intent: "decline", version: "2", reasonCode: "no_capacity" })).toEqual({
      ok: true,
      command: { intent: "decline", version: 2, reasonCode: "no_capacity" },
    });
  });

  it("asks whom to assign", () => {
    expect(parse({ intent: "assign", version: "5", userId: "" })).toMatchObject({
      fieldErrors: { userId: m.assigneeRequired },
    });
  });

  it("checks the first-contact date", () => {
    expect(parse({ intent: "start", version: "5", firstContactOn: "" })).toMatchObject({
      fieldErrors: { firstContactOn: m.firstContactRequired },
    });
    expect(parse({ intent: "start", version: "5", firstContactOn: "2026-11-31" })).toMatchObject({
      fieldErrors: { firstContactOn: m.firstContactInvalid },
    });
    expect(parse({ intent: "start", version: "5", firstContactOn: "2026-11-26" })).toMatchObject({
      fieldErrors: { firstContactOn: m.firstContactFuture },
    });
    expect(parse({ intent: "start", version: "5", firstContactOn: TODAY })).toEqual({
      ok: true,
      command: { intent: "start", version: 5, firstContactOn: TODAY },
    });
  });

  it("asks for an outcome, and where a referral went", () => {
    expect(parse({ intent: "complete", version: "6" })).toMatchObject({
      fieldErrors: { outcomeCode: m.outcomeRequired },
    });
    expect(parse({ intent: "complete", version: "6", outcomeCode: "referred_on", referredTo: " " })).toMatchObject({
      fieldErrors: { referredTo: m.referredToRequired },
    });
    expect(parse({ intent: "complete", version: "6", outcomeCode: "referred_on", referredTo: "GGZ Haarlem" })).toEqual({
      ok: true,
      command: { intent: "complete", version: 6, outcomeCode: "referred_on", referredTo: "GGZ Haarlem" },
    });
    expect(parse({ intent: "complete", version: "6", outcomeCode: "help_started", referredTo: "vergeten" })).toEqual({
      ok: true,
      command: { intent: "complete", version: 6, outcomeCode: "help_started" },
    });
  });

  it("requires a reason to hand a case back", () => {
    expect(parse({ intent: "return", version: "7", reasonText: "" })).toMatchObject({
      fieldErrors: { reasonText: m.returnReasonRequired },
    });
    expect(parse({ intent: "return", version: "7", reasonText: "x".repeat(2001) })).toMatchObject({
      fieldErrors: { reasonText: m.reasonTooLong },
    });
  });
});

describe("actionFieldOf", () => {
  it("maps only the fields of that form", () => {
    expect(actionFieldOf("decline", "reasonText")).toBe("reasonText");
    expect(actionFieldOf("start", "firstContactOn")).toBe("firstContactOn");
    expect(actionFieldOf("offer", "reasonText")).toBeNull();
    expect(actionFieldOf("assign", "id")).toBeNull();
  });
});
