import type { AppLoadContext } from "@remix-run/node";
import { TRPCError } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";
import { action } from "./handover";

type Me = Awaited<ReturnType<AppLoadContext["api"]["me"]>>;

const ID = "0f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f";

const partner: Me = {
  kind: "user",
  user: { id: "00000000-0000-4000-8000-000000000001", email: "sanne@swt.example", name: "Sanne Visser" },
  serviceAccount: null,
  organisation: { id: "00000000-0000-4000-8000-000000000002", slug: "swt", name: "SWT", kind: "local_team" },
  team: null,
  roles: ["partner_worker"],
};

const ok = async () => ({ id: ID, status: "x", version: 9 });

function fakeApi(handover: Record<string, () => Promise<unknown>> = {}) {
  const procedures = ["offer", "accept", "withdraw", "decline", "assign", "start", "complete", "returnToVt"];
  return {
    me: vi.fn(async () => partner),
    handover: Object.fromEntries(procedures.map((name) => [name, vi.fn(handover[name] ?? ok)])),
  };
}

async function run(api: ReturnType<typeof fakeApi>, fields: Record<string, string>, id = ID) {
  const context = { api, requestId: "req-1" } as unknown as AppLoadContext;
  const request = new Request(`http://localhost/overdrachten/${id}`, {
    method: "POST",
    body: new URLSearchParams(fields),
  });
  try {
    const result = (await action({ request, context, params: { id } })) as unknown as {
      data: Record<string, unknown>;
      init: { status: number };
    };
    return { status: result.init.status, data: result.data, location: null };
  } catch (thrown) {
    if (thrown instanceof Response)
      return { status: thrown.status, data: null, location: thrown.headers.get("location") };
    if (thrown && typeof thrown === "object" && "init" in thrown) {
      return { status: (thrown as { init: { status: number } }).init.status, data: null, location: null };
    }
    throw thrown;
  }
}

describe("the handover page's action", () => {
  it("calls the procedure of the intent and comes back with its notice", async () => {
    const api = fakeApi();
    const result = await run(api, { intent: "return", version: "4", reasonText: "Vader is teruggekeerd." });
    expect(result).toMatchObject({ status: 302, location: `/overdrachten/${ID}?gelukt=teruggemeld` });
    expect(api.handover.returnToVt).toHaveBeenCalledWith({ id: ID, version: 4, reasonText: "Vader is teruggekeerd." });
  });

  it("shows a conflict with the API's message and no field errors", async () => {
    const message = "Iemand anders was u voor: de overdracht is geaccepteerd door Karim El Amrani.";
    const api = fakeApi({ accept: () => Promise.reject(new TRPCError({ code: "CONFLICT", message })) });
    const result = await run(api, { intent: "accept", version: "2" });
    expect(result.status).toBe(409);
    expect(result.data).toMatchObject({ conflict: message, intent: null, fieldErrors: {} });
  });

  it("points to what is missing when an offer is refused", async () => {
    const cause = Object.assign(new Error("Het pakket is nog niet compleet."), {
      missingItems: [{ code: "concerns_missing", field: "concerns", message: "Beschrijf de zorgen." }],
    });
    const api = fakeApi({
      offer: () => Promise.reject(new TRPCError({ code: "BAD_REQUEST", message: cause.message, cause })),
    });
    const result = await run(api, { intent: "offer", version: "1" });
    expect(result.status).toBe(400);
    expect(result.data).toMatchObject({ intent: "offer", incomplete: true, formErrors: [] });
  });

  it("puts the API's field errors at the field of the submitted form", async () => {
    const cause = Object.assign(new Error("x"), { fieldErrors: { firstContactOn: ["Niet voor de acceptatie."] } });
    const api = fakeApi({ start: () => Promise.reject(new TRPCError({ code: "BAD_REQUEST", message: "x", cause })) });
    const result = await run(api, { intent: "start", version: "3", firstContactOn: "2020-01-06" });
    expect(result.data).toMatchObject({
      intent: "start",
      values: { firstContactOn: "2020-01-06" },
      fieldErrors: { firstContactOn: "Niet voor de acceptatie." },
      formErrors: [],
    });
  });

  it("answers 404 for an id that cannot exist, without asking the API", async () => {
    const api = fakeApi();
    expect((await run(api, { intent: "accept", version: "1" }, "123")).status).toBe(404);
    expect(api.handover.accept).not.toHaveBeenCalled();
  });
});
