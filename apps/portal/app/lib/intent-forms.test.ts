import { describe, expect, it } from "vitest";
import { intentFormState, refusedForIntent } from "./intent-forms";

const FIELDS = ["way", "outcome"] as const;

describe("pages with several forms", () => {
  it("answer a refusal at the posted form's fields, with 409 for a conflict", () => {
    const answer = refusedForIntent({
      intent: "contact",
      refusal: { code: "BAD_REQUEST", message: "Controleer", fieldErrors: [{ path: "way", message: "Kies hoe." }] },
      fields: FIELDS,
      values: { outcome: "Gebeld" },
    });
    expect(answer.data).toEqual({
      intent: "contact",
      fieldErrors: { way: "Kies hoe." },
      values: { outcome: "Gebeld" },
    });
    expect(answer.init?.status).toBe(400);
    const conflict = refusedForIntent({
      intent: "contact",
      refusal: { code: "CONFLICT", message: "Iemand was u voor.", fieldErrors: [] },
      fields: FIELDS,
      values: {},
    });
    expect(conflict.init?.status).toBe(409);
    expect(conflict.data.conflict).toBe("Iemand was u voor.");
  });

  it("show errors, values and the summary only on the form that was posted", () => {
    const result = { intent: "contact", fieldErrors: { way: "Kies hoe." }, values: { outcome: "Gebeld" } };
    expect(intentFormState(result, "contact", FIELDS)).toEqual({
      errors: { way: "Kies hoe." },
      values: { outcome: "Gebeld" },
      summary: [{ message: "Kies hoe.", fieldId: "field-way" }],
    });
    expect(intentFormState(result, "signal", FIELDS)).toEqual({ errors: {}, values: {}, summary: [] });
    expect(intentFormState(undefined, "signal", FIELDS).summary).toEqual([]);
  });
});
