import { describe, expect, it } from "vitest";
import {
  checkFirstContactDate,
  declineReasonCodes,
  declineReasonLabels,
  outcomeCodes,
  outcomeLabels,
  ZCompleteInput,
  ZDeclineInput,
  ZReturnInput,
  ZStartInput,
} from "./reasons";

function issuesOf(result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return result.error?.issues.map(({ path, message }) => ({ path, message }));
}

describe("ZDeclineInput", () => {
  it.each(declineReasonCodes.filter((code) => code !== "other"))("accepts %s without a text", (reasonCode) => {
    expect(ZDeclineInput.parse({ reasonCode })).toEqual({ reasonCode });
  });

  it("trims the text and drops a blank one", () => {
    expect(ZDeclineInput.parse({ reasonCode: "no_capacity", reasonText: "  Wachtlijst tot juni.  " })).toEqual({
      reasonCode: "no_capacity",
      reasonText: "Wachtlijst tot juni.",
    });
    expect(ZDeclineInput.parse({ reasonCode: "no_capacity", reasonText: "   " })).toEqual({
      reasonCode: "no_capacity",
    });
  });

  it.each([undefined, "", "   "])("asks for a text when the reason is 'other' (%j)", (reasonText) => {
    expect(issuesOf(ZDeclineInput.safeParse({ reasonCode: "other", reasonText }))).toEqual([
      { path: ["reasonText"], message: "Licht toe waarom u de overdracht afwijst." },
    ]);
  });

  it("accepts 'other' with a text", () => {
    expect(ZDeclineInput.safeParse({ reasonCode: "other", reasonText: "Gezin verhuist naar Duitsland." }).success).toBe(
      true,
    );
  });

  it("refuses an unknown or missing reason code", () => {
    for (const input of [{}, { reasonCode: "busy" }]) {
      expect(issuesOf(ZDeclineInput.safeParse(input))).toEqual([
        { path: ["reasonCode"], message: "Kies een reden om de overdracht af te wijzen." },
      ]);
    }
  });

  it("limits the text to 2000 characters", () => {
    expect(ZDeclineInput.safeParse({ reasonCode: "other", reasonText: "x".repeat(2000) }).success).toBe(true);
    expect(issuesOf(ZDeclineInput.safeParse({ reasonCode: "other", reasonText: "x".repeat(2001) }))).toEqual([
      { path: ["reasonText"], message: "Gebruik maximaal 2000 tekens." },
    ]);
  });

  it("has a Dutch label for every code", () => {
    expect(declineReasonCodes.map((code) => declineReasonLabels[code])).toEqual([
      "Geen capaciteit",
      "Buiten ons werkgebied",
      "Specialistische hulp nodig",
      "Er is al hulpverlening betrokken",
      "Onvoldoende informatie",
      "Anders",
    ]);
  });
});

describe("ZReturnInput", () => {
  it.each([{}, { reasonText: "" }, { reasonText: " \n " }])("asks why safety is at stake (%j)", (input) => {
    expect(issuesOf(ZReturnInput.safeParse(input))).toEqual([
      { path: ["reasonText"], message: "Beschrijf waarom de veiligheid in het geding is." },
    ]);
  });

  it("accepts a trimmed reason of at most 2000 characters", () => {
    expect(ZReturnInput.parse({ reasonText: " Nieuwe melding van geweld. " })).toEqual({
      reasonText: "Nieuwe melding van geweld.",
    });
    expect(issuesOf(ZReturnInput.safeParse({ reasonText: "x".repeat(2001) }))).toEqual([
      { path: ["reasonText"], message: "Gebruik maximaal 2000 tekens." },
    ]);
  });
});

describe("ZCompleteInput", () => {
  it.each(outcomeCodes.filter((code) => code !== "referred_on"))("accepts %s on its own", (outcomeCode) => {
    expect(ZCompleteInput.parse({ outcomeCode })).toEqual({ outcomeCode });
  });

  it.each([undefined, "", "  "])("asks where the household was referred to (%j)", (referredTo) => {
    expect(issuesOf(ZCompleteInput.safeParse({ outcomeCode: "referred_on", referredTo }))).toEqual([
      { path: ["referredTo"], message: "Vul in naar welke organisatie het huishouden is doorverwezen." },
    ]);
  });

  it("accepts a referral with the receiving organisation", () => {
    expect(ZCompleteInput.parse({ outcomeCode: "referred_on", referredTo: " GGZ-instelling " })).toEqual({
      outcomeCode: "referred_on",
      referredTo: "GGZ-instelling",
    });
  });

  it("refuses an unknown outcome", () => {
    expect(issuesOf(ZCompleteInput.safeParse({ outcomeCode: "done" }))).toEqual([
      { path: ["outcomeCode"], message: "Kies de uitkomst van de overdracht." },
    ]);
  });

  it("has a Dutch label for every outcome", () => {
    expect(outcomeCodes.map((code) => outcomeLabels[code])).toEqual([
      "Hulp is gestart",
      "Geen hulp nodig",
      "Doorverwezen",
      "Huishouden niet bereikbaar",
    ]);
  });
});

describe("ZStartInput", () => {
  it.each(["2026-03-02", "2028-02-29"])("accepts the calendar date %s", (firstContactOn) => {
    expect(ZStartInput.parse({ firstContactOn })).toEqual({ firstContactOn });
  });

  it.each(["2026-02-30", "2027-02-29", "2026-13-01", "2026-3-2", "02-03-2026", "2026-03-02T10:00:00Z", ""])(
    "refuses %j",
    (firstContactOn) => {
      expect(issuesOf(ZStartInput.safeParse({ firstContactOn }))).toEqual([
        { path: ["firstContactOn"], message: "Vul een geldige datum in (JJJJ-MM-DD)." },
      ]);
    },
  );

  it("asks for a date when there is none", () => {
    expect(issuesOf(ZStartInput.safeParse({}))).toEqual([{ path: ["firstContactOn"], message: "Vul een datum in." }]);
  });
});

describe("checkFirstContactDate", () => {
  const acceptedOn = "2026-05-12";
  const today = "2026-05-20";

  it.each(["2026-05-12", "2026-05-15", "2026-05-20"])("accepts %s, between acceptance and today", (firstContactOn) => {
    expect(checkFirstContactDate({ firstContactOn, acceptedOn, today })).toBeNull();
  });

  it("refuses a date before the acceptance", () => {
    expect(checkFirstContactDate({ firstContactOn: "2026-05-11", acceptedOn, today })).toBe(
      "Het eerste contact kan niet eerder zijn dan de acceptatie van de overdracht op 12 mei 2026.",
    );
  });

  it("refuses a date in the future", () => {
    expect(checkFirstContactDate({ firstContactOn: "2026-05-21", acceptedOn, today })).toBe(
      "De datum van het eerste contact kan niet in de toekomst liggen.",
    );
  });

  it("refuses a date that does not exist", () => {
    expect(checkFirstContactDate({ firstContactOn: "2026-02-30", acceptedOn, today })).toBe(
      "Vul een geldige datum in (JJJJ-MM-DD).",
    );
  });
});
