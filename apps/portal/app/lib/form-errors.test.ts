import { describe, expect, it } from "vitest";
import { fieldErrorSummary, fieldErrorsFromRefusal, problemsFromRefusal, summaryItems } from "./form-errors";

const sameName = (path: string) => (["reference", "userId"].includes(path) ? path : null);

describe("problemsFromRefusal", () => {
  it("puts field errors at their fields and drops the general message they already say", () => {
    expect(
      problemsFromRefusal(
        {
          code: "BAD_REQUEST",
          message: "Controleer de gemarkeerde velden.",
          fieldErrors: [
            { path: "reference", message: "Vul het VT-registratienummer in." },
            { path: "reference", message: "Tweede melding voor hetzelfde veld." },
          ],
        },
        sameName,
      ),
    ).toEqual({ fieldErrors: { reference: "Vul het VT-registratienummer in." }, formErrors: [] });
  });

  it("shows the general message when no field is named", () => {
    expect(
      problemsFromRefusal(
        { code: "BAD_REQUEST", message: "Het pakket is nog niet compleet.", fieldErrors: [] },
        sameName,
      ),
    ).toEqual({ fieldErrors: {}, formErrors: ["Het pakket is nog niet compleet."] });
  });

  it("lists errors about fields the form lacks in the summary", () => {
    expect(
      problemsFromRefusal(
        {
          code: "BAD_REQUEST",
          message: "Controleer de gemarkeerde velden.",
          fieldErrors: [{ path: "id", message: "Ongeldige verwijzing." }],
        },
        sameName,
      ),
    ).toEqual({ fieldErrors: {}, formErrors: ["Ongeldige verwijzing."] });
  });

  it("always shows a conflict, unless a field says the same", () => {
    expect(
      problemsFromRefusal({ code: "CONFLICT", message: "Iemand anders was u voor.", fieldErrors: [] }, sameName),
    ).toEqual({ fieldErrors: {}, formErrors: ["Iemand anders was u voor."] });
    const duplicate = "Er bestaat al een casus met dit registratienummer.";
    expect(
      problemsFromRefusal(
        { code: "CONFLICT", message: duplicate, fieldErrors: [{ path: "reference", message: duplicate }] },
        sameName,
      ),
    ).toEqual({ fieldErrors: { reference: duplicate }, formErrors: [] });
  });
});

describe("summaryItems", () => {
  it("lists general messages first, then fields in page order, linking to each input", () => {
    expect(
      summaryItems(
        { formErrors: ["Algemeen."], fieldErrors: { concerns: "Te lang.", reference: "Vul in." } },
        ["reference", "concerns"],
        (field, message) => (field === "concerns" ? `Zorgen: ${message}` : message),
      ),
    ).toEqual([
      { message: "Algemeen." },
      { message: "Vul in.", fieldId: "field-reference" },
      { message: "Zorgen: Te lang.", fieldId: "field-concerns" },
    ]);
  });
});

describe("a form with a fixed list of fields", () => {
  const FIELDS = ["startsOn", "services"] as const;

  it("takes the first message per field, an item of a list for the list, and renamed paths", () => {
    const refusal = {
      code: "BAD_REQUEST" as const,
      message: "Controleer de invoer.",
      fieldErrors: [
        { path: "services.0", message: "Onbekende dienst." },
        { path: "services", message: "Kies een dienst." },
        { path: "from", message: "Vul een datum in." },
      ],
    };
    expect(fieldErrorsFromRefusal(refusal, FIELDS, { from: "startsOn" })).toEqual({
      fieldErrors: { services: "Onbekende dienst.", startsOn: "Vul een datum in." },
    });
    expect(fieldErrorSummary(FIELDS, { services: "Onbekende dienst." })).toEqual([
      { message: "Onbekende dienst.", fieldId: "field-services" },
    ]);
  });

  it("gives the refusal's message as a conflict when no message is about one of its fields", () => {
    const refusal = { code: "CONFLICT" as const, message: "Iemand was u voor.", fieldErrors: [] };
    expect(fieldErrorsFromRefusal(refusal, FIELDS)).toEqual({ fieldErrors: {}, conflict: "Iemand was u voor." });
    expect(fieldErrorSummary(FIELDS, undefined)).toEqual([]);
  });
});
