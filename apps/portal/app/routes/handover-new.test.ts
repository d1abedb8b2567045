import type { AppLoadContext } from "@remix-run/node";
import { TRPCError } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { nl } from "../messages/nl";
import { action } from "./handover-new";

type Me = Awaited<ReturnType<AppLoadContext["api"]["me"]>>;

const TEAM = "5f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f";
const CONTACT = "8f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f";
const CASE = "1f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f";
const HANDOVER = "0f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f";

const vtWorker: Me = {
  kind: "user",
  user: { id: "00000000-0000-4000-8000-000000000001", email: "mira@vt.example", name: "Mira de Vries" },
  serviceAccount: null,
  organisation: { id: "00000000-0000-4000-8000-000000000002", slug: "vt", name: "Veilig Thuis", kind: "vt" },
  team: null,
  roles: ["vt_worker"],
};

const formOptions = {
  teams: [
    {
      id: TEAM,
      name: "Wijkteam Haarlem",
      organisation: { id: "o", name: "SWT", kind: "local_team" },
      municipalityCodes: [],
    },
  ],
  vtContacts: [{ id: CONTACT, name: "Hanna Jansen", regionNames: [] }],
  municipalities: [{ code: "GM0392", name: "Haarlem", regionId: "r", regionName: "Haarlem e.o." }],
  regions: [],
};

function fakeApi(overrides: { caseCreate?: () => Promise<unknown>; handoverCreate?: () => Promise<unknown> } = {}) {
  return {
    me: vi.fn(async () => vtWorker),
    handover: {
      formOptions: vi.fn(async () => formOptions),
      create: vi.fn(overrides.handoverCreate ?? (async () => ({ id: HANDOVER, status: "draft", version: 1 }))),
    },
    case: {
      create: vi.fn(overrides.caseCreate ?? (async () => ({ id: CASE, version: 1 }))),
      update: vi.fn(async () => ({ id: CASE, version: 2 })),
    },
  };
}

function post(fields: Record<string, string>): Request {
  return new Request("http://localhost/overdrachten/nieuw", { method: "POST", body: new URLSearchParams(fields) });
}

const filled = {
  intent: "save",
  reference: "VT-2026-0042",
  municipalityCode: "GM0392",
  priority: "normal",
  reportedAt: "2020-01-06",
  personCount: "3",
  "persons-0-role": "parent",
  "persons-0-name": "Fatima",
  "persons-2-role": "child",
  "persons-2-name": "Noah",
  targetTeamId: TEAM,
};

async function run(api: ReturnType<typeof fakeApi>, fields: Record<string, string>) {
  const context = { api, requestId: "req-1" } as unknown as AppLoadContext;
  try {
    const result = (await action({ request: post(fields), context, params: {} })) as unknown as {
      data: {
        values: { persons: unknown[] };
        fieldErrors: Record<string, string>;
        formErrors: string[];
        savedCase: unknown;
      };
      init: { status: number };
    };
    return { status: result.init.status, data: result.data, location: null };
  } catch (thrown) {
    if (thrown instanceof Response)
      return { status: thrown.status, data: null, location: thrown.headers.get("location") };
    throw thrown;
  }
}

describe("the new-handover action", () => {
  it("adds a person row without calling the API", async () => {
    const api = fakeApi();
    const result = await run(api, { ...filled, intent: "add-person" });
    expect(result.status).toBe(200);
    expect(result.data?.values.persons).toHaveLength(4);
    expect(api.case.create).not.toHaveBeenCalled();
  });

  it("answers its own checks without calling the API", async () => {
    const api = fakeApi();
    const result = await run(api, { ...filled, reference: "" });
    expect(result.status).toBe(400);
    expect(result.data?.fieldErrors).toEqual({ reference: nl.handoverForm.referenceRequired });
    expect(api.case.create).not.toHaveBeenCalled();
  });

  it("registers the case, then the handover, and goes to it with a notice", async () => {
    const api = fakeApi();
    const result = await run(api, filled);
    expect(result).toMatchObject({ status: 302, location: `/overdrachten/${HANDOVER}?gelukt=opgeslagen` });
    expect(api.case.create).toHaveBeenCalledWith(
      expect.objectContaining({
        reference: "VT-2026-0042",
        reportedAt: new Date("2020-01-06T12:00:00Z"),
        persons: [
          expect.objectContaining({ role: "parent", name: "Fatima" }),
          expect.objectContaining({ role: "child", name: "Noah" }),
        ],
      }),
    );
    expect(api.handover.create).toHaveBeenCalledWith(expect.objectContaining({ caseId: CASE, targetTeamId: TEAM }));
  });

  it("puts the API's validation errors at the right person row", async () => {
    const cause = z
      .object({ persons: z.array(z.object({ name: z.string().max(3, "De naam is te lang.") })) })
      .safeParse({ persons: [{ name: "Fatima" }, { name: "Noah" }] }).error;
    const api = fakeApi({ caseCreate: () => Promise.reject(new TRPCError({ code: "BAD_REQUEST", cause })) });
    const result = await run(api, filled);
    expect(result.status).toBe(400);
    expect(result.data?.fieldErrors).toEqual({
      "persons-0-name": "De naam is te lang.",
      "persons-2-name": "De naam is te lang.",
    });
    expect(result.data?.formErrors).toEqual([]);
  });

  it("keeps the saved case when the handover is refused, and updates it on the next attempt", async () => {
    const refusal = Object.assign(new Error("Kies een team."), { fieldErrors: { targetTeamId: ["Kies een team."] } });
    const api = fakeApi({
      handoverCreate: () =>
        Promise.reject(new TRPCError({ code: "BAD_REQUEST", message: "Kies een team.", cause: refusal })),
    });
    const first = await run(api, filled);
    expect(first.status).toBe(400);
    expect(first.data?.savedCase).toEqual({ id: CASE, version: 1 });
    expect(first.data?.fieldErrors).toEqual({ targetTeamId: "Kies een team." });

    const retry = fakeApi();
    const second = await run(retry, { ...filled, caseId: CASE, caseVersion: "1" });
    expect(second.status).toBe(302);
    expect(retry.case.create).not.toHaveBeenCalled();
    expect(retry.case.update).toHaveBeenCalledWith(expect.objectContaining({ id: CASE, version: 1 }));
  });
});
