import type { AppLoadContext } from "@remix-run/node";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiRefusalOf, tryApi } from "./api-errors.server";

const FALLBACK = "Controleer de gemarkeerde velden.";

/** Shaped like the API's DomainRefusal, without importing it: the portal only sees the API's errors. */
class FakeRefusal extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly missingItems?: unknown[],
  ) {
    super(message);
  }
}

function zodErrorOf(schema: z.ZodType, value: unknown): z.ZodError {
  const result = schema.safeParse(value);
  if (result.success) throw new Error("expected a validation error");
  return result.error;
}

describe("apiRefusalOf", () => {
  it("turns a validation error of the input into field errors, with a Dutch message instead of zod's", () => {
    const schema = z.object({
      reference: z.string().min(1, "Vul het VT-registratienummer in."),
      persons: z.array(z.object({ name: z.string().min(1, "Vul de naam in.") })),
    });
    const cause = zodErrorOf(schema, { reference: "", persons: [{ name: "Ada" }, { name: "" }] });
    const refusal = apiRefusalOf(new TRPCError({ code: "BAD_REQUEST", cause }), FALLBACK);
    expect(refusal).toEqual({
      code: "BAD_REQUEST",
      message: FALLBACK,
      fieldErrors: [
        { path: "reference", message: "Vul het VT-registratienummer in." },
        { path: "persons.1.name", message: "Vul de naam in." },
      ],
      missingItems: [],
    });
  });

  it("reads a domain refusal's field errors and missing items", () => {
    const cause = new FakeRefusal("Het pakket is nog niet compleet.", { userId: ["Kies een medewerker."] }, [
      { code: "concerns_missing", field: "concerns", message: "Beschrijf de zorgen." },
      { code: "person_spoken_status_missing", field: "involvedPersons.spokenStatus", personId: "p1", message: "X" },
      "nonsense",
    ]);
    const refusal = apiRefusalOf(
      new TRPCError({ code: "BAD_REQUEST", message: "Het pakket is nog niet compleet.", cause }),
      FALLBACK,
    );
    expect(refusal).toEqual({
      code: "BAD_REQUEST",
      message: "Het pakket is nog niet compleet.",
      fieldErrors: [{ path: "userId", message: "Kies een medewerker." }],
      missingItems: [
        { field: "concerns", message: "Beschrijf de zorgen." },
        { field: "involvedPersons.spokenStatus", personId: "p1", message: "X" },
      ],
    });
  });

  it("keeps the Dutch message of a conflict", () => {
    const message = "Iemand anders was u voor: de overdracht is geaccepteerd door Sanne Smit.";
    const refusal = apiRefusalOf(new TRPCError({ code: "CONFLICT", message, cause: new FakeRefusal(message) }), "");
    expect(refusal).toEqual({ code: "CONFLICT", message, fieldErrors: [], missingItems: [] });
  });

  it("recognises an error from another copy of @trpc/server by its shape", () => {
    const error = Object.assign(new Error("Kies een gemeente."), { name: "TRPCError", code: "BAD_REQUEST" });
    expect(apiRefusalOf(error, FALLBACK)?.message).toBe("Kies een gemeente.");
  });

  it("is null for everything a form does not show", () => {
    expect(apiRefusalOf(new TRPCError({ code: "NOT_FOUND" }), FALLBACK)).toBeNull();
    expect(apiRefusalOf(new TRPCError({ code: "FORBIDDEN" }), FALLBACK)).toBeNull();
    expect(apiRefusalOf(new Error("boom"), FALLBACK)).toBeNull();
    expect(apiRefusalOf("boom", FALLBACK)).toBeNull();
  });
});

describe("tryApi", () => {
  const args = { context: { api: {} } as unknown as AppLoadContext, request: new Request("http://localhost/x") };

  it("passes the answer on", async () => {
    await expect(tryApi(args, async () => 42, FALLBACK)).resolves.toEqual({ ok: true, value: 42 });
  });

  it("hands a refusal back to the form", async () => {
    const result = await tryApi(
      args,
      () => Promise.reject(new TRPCError({ code: "CONFLICT", message: "Al geaccepteerd." })),
      FALLBACK,
    );
    expect(result).toMatchObject({ ok: false, refusal: { code: "CONFLICT", message: "Al geaccepteerd." } });
  });

  it("leaves 404 to the error boundary and rethrows real errors", async () => {
    await expect(
      tryApi(args, () => Promise.reject(new TRPCError({ code: "NOT_FOUND" })), FALLBACK),
    ).rejects.toMatchObject({ init: { status: 404 } });
    await expect(tryApi(args, () => Promise.reject(new Error("boom")), FALLBACK)).rejects.toThrow("boom");
  });
});
