import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createServiceAccount, seedDemoCases, seedDemoRegion } from "@ketenportaal/api";
import { callerForUser, createTestClock } from "@ketenportaal/api/testing";
import { auditLog } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { desc, gt } from "drizzle-orm";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_VERSION } from "./openapi";
import { createRestApi } from "./rest-api";

const now = new Date("2026-11-25T10:00:00Z");
let test: TestDatabase;
let app: Hono;
let swt: string;
let cjg: string;
type Vt = Awaited<ReturnType<typeof callerForUser>>;
let vt: Vt;
const ids: Record<string, string> = {};
/** A webhook receiver on loopback: agrees to the validation handshake, except on `/weigert`. */
let receiver: Server;
let receiverUrl = "";

async function tokenFor(organisationSlug: string) {
  const { token } = await createServiceAccount({
    db: test.db,
    organisationSlug,
    name: `Registratiesysteem ${organisationSlug}`,
    operator: { onBehalfOf: "test" },
  });
  return token;
}

function call(method: string, path: string, options: { token?: string | null; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (options.token !== null) headers.authorization = `Bearer ${options.token ?? swt}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  return app.request(`/api/v1${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
}

async function json(response: Response) {
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions and by ajv
  return (await response.json()) as Record<string, any>;
}

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  // Loopback callbacks over http: the test switch of the API config (never outside tests).
  const config = {
    publicUrl: "https://ketenportaal.test",
    webhooks: { targetPolicy: { allowHttp: true, allowPrivateTargets: true } },
  };
  receiver = createServer((request, response) => {
    if (!request.url?.startsWith("/weigert")) {
      response.setHeader("WebHook-Allowed-Origin", String(request.headers["webhook-request-origin"] ?? ""));
    }
    response.end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  await seedDemoCases({ db: test.db, now, config });
  const clock = createTestClock(now);
  vt = await callerForUser({ db: test.db, email: "medewerker@vt-kennemerland.example", clock });
  for (const item of (await vt.handover.list({ limit: 100 })).items) ids[item.caseReference] = item.id;
  // A second offer to the wijkteam, so it can accept one and decline another.
  const draft = await vt.handover.get({ id: ids["VT-2026-0112"] ?? "" });
  await vt.handover.offer({ id: draft.id, version: draft.version });
  swt = await tokenFor("swt-haarlem");
  cjg = await tokenFor("cjg-haarlemmermeer");
  app = new Hono().route(
    "/api/v1",
    createRestApi({
      db: test.db,
      config,
      now: clock.now,
      meta: () => ({ requestId: "rest-test", clientAddress: "127.0.0.1" }),
    }),
  );
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
  await test?.drop();
});

describe("a partner system on /api/v1", () => {
  it("lists its inbox, reads one, accepts, registers first contact and completes", async () => {
    const inbox = await call("GET", "/overdrachten?inbox=true&limit=10");
    expect(inbox.status).toBe(200);
    expect(inbox.headers.get("api-version")).toBe(API_VERSION);
    const page = await json(inbox);
    expect(page.items.map((i: { caseReference: string }) => i.caseReference).sort()).toEqual([
      "VT-2026-0102",
      "VT-2026-0112",
    ]);

    const read = await call("GET", `/overdrachten/${ids["VT-2026-0102"]}`);
    expect(read.status).toBe(200);
    const handover = await json(read);
    expect(read.headers.get("etag")).toBe(`"${handover.version}"`);
    expect(handover.allowedActions).toEqual(expect.arrayContaining(["accept", "decline"]));
    expect(handover.case.persons.length).toBeGreaterThan(0);

    const accepted = await call("POST", `/overdrachten/${handover.id}/acceptatie`, {
      body: { version: handover.version },
    });
    expect(accepted.status).toBe(200);
    const afterAccept = await json(accepted);
    expect(afterAccept).toMatchObject({ id: handover.id, status: "accepted", version: handover.version + 1 });

    const started = await call("POST", `/overdrachten/${handover.id}/eerste-contact`, {
      body: { version: afterAccept.version, firstContactOn: "2026-11-25" },
    });
    expect(started.status).toBe(200);
    const afterStart = await json(started);
    expect(afterStart.status).toBe("started");

    const completed = await call("POST", `/overdrachten/${handover.id}/afronding`, {
      body: { version: afterStart.version, outcomeCode: "help_started" },
    });
    expect(completed.status).toBe(200);
    expect((await json(completed)).status).toBe("completed");
  });

  it("declines another with a reason code, and hands an accepted one back to VT", async () => {
    const other = await json(await call("GET", `/overdrachten/${ids["VT-2026-0112"]}`));
    const declined = await call("POST", `/overdrachten/${other.id}/afwijzing`, {
      body: { version: other.version, reasonCode: "no_capacity", reasonText: "Wachtlijst tot februari." },
    });
    expect(declined.status).toBe(200);
    expect((await json(declined)).status).toBe("declined");

    const accepted = await json(await call("GET", `/overdrachten/${ids["VT-2026-0105"]}`));
    expect(accepted.status).toBe("accepted");
    const returned = await call("POST", `/overdrachten/${accepted.id}/terugmelding`, {
      body: { version: accepted.version, reasonText: "Nieuwe signalen; de veiligheid is in het geding." },
    });
    expect(returned.status).toBe(200);
    expect((await json(returned)).status).toBe("returned");
    // VT sees what the partner system did, through its own path.
    expect((await vt.handover.get({ id: accepted.id })).status).toBe("returned");
  });

  it("answers a stale version or a transition that is not allowed with 409 problem+json", async () => {
    const handover = await json(await call("GET", `/overdrachten/${ids["VT-2026-0102"]}`));
    const stale = await call("POST", `/overdrachten/${handover.id}/terugmelding`, {
      body: { version: handover.version - 1, reasonText: "Te laat." },
    });
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toBe("application/problem+json");
    const problem = await json(stale);
    expect(problem).toMatchObject({ status: 409, title: "Conflict" });
    expect(problem.detail.length).toBeGreaterThan(10);

    const notAllowed = await call("POST", `/overdrachten/${handover.id}/acceptatie`, {
      body: { version: handover.version },
    });
    expect(notAllowed.status).toBe(409);
    expect((await json(notAllowed)).status).toBe(409);
  });

  it("lists every invalid field of a request at once", async () => {
    const response = await call("POST", "/overdrachten/niet-een-id/afronding", {
      body: { version: "twee", outcomeCode: "weet niet", referredTo: "x".repeat(300) },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = await json(response);
    expect(problem).toMatchObject({ status: 400, title: "Ongeldige invoer" });
    expect(problem.errors.map((e: { in: string; location: Record<string, string> }) => [e.in, e.location])).toEqual([
      ["path", { name: "id" }],
      ["body", { pointer: "#/version" }],
      ["body", { pointer: "#/outcomeCode" }],
      ["body", { pointer: "#/referredTo" }],
    ]);
    expect(
      problem.errors.find((e: { location: { pointer?: string } }) => e.location.pointer === "#/outcomeCode")?.detail,
    ).toBe("Kies een uitkomst.");

    const query = await call("GET", "/overdrachten?limit=0&overdue=misschien&achternaam=Bakker");
    expect(query.status).toBe(400);
    expect((await json(query)).errors.map((e: { location: { name: string } }) => e.location.name).sort()).toEqual([
      "achternaam",
      "limit",
      "overdue",
    ]);
  });

  it("does not show another organisation's handover, and wants a token", async () => {
    const other = await call("GET", `/overdrachten/${ids["VT-2026-0103"]}`);
    expect(other.status).toBe(404);
    expect((await json(other)).status).toBe(404);
    const cjgAccept = await call("POST", `/overdrachten/${ids["VT-2026-0102"]}/acceptatie`, {
      token: cjg,
      body: { version: 1 },
    });
    expect(cjgAccept.status).toBe(404);
    const cjgList = await json(await call("GET", "/overdrachten", { token: cjg }));
    expect(cjgList.items.every((i: { targetOrganisation: { name: string } }) => i.targetOrganisation.name)).toBe(true);
    expect(cjgList.items.some((i: { id: string }) => i.id === ids["VT-2026-0102"])).toBe(false);

    const anonymous = await call("GET", "/overdrachten", { token: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toContain("Bearer");
    expect(anonymous.headers.get("content-type")).toBe("application/problem+json");
    const badToken = await call("GET", "/overdrachten", { token: "x".repeat(43) });
    expect(badToken.status).toBe(401);
  });

  it("records a refused read in the audit log, as the procedure does for the portal (NEN 7513)", async () => {
    const [last] = await test.db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    const other = await call("GET", `/overdrachten/${ids["VT-2026-0103"]}`);
    expect(other.status).toBe(404);
    const rows = await test.db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, last?.id ?? 0));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: null,
      purpose: "handover",
      action: "read",
      objectType: "handover",
      objectId: ids["VT-2026-0103"],
      outcome: "failure",
      requestId: "rest-test",
      clientAddress: "127.0.0.1",
    });
    expect(rows[0]?.serviceAccountId).toBeTruthy();
  });

  it("follows the API Design Rules at the edges: 405 with Allow, no trailing-slash redirect, public document", async () => {
    const wrongMethod = await call("DELETE", `/overdrachten/${ids["VT-2026-0102"]}`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET, HEAD");
    expect(wrongMethod.headers.get("api-version")).toBe(API_VERSION);
    const getAction = await call("GET", `/overdrachten/${ids["VT-2026-0102"]}/acceptatie`);
    expect(getAction.status).toBe(405);
    expect(getAction.headers.get("allow")).toBe("POST");

    const slash = await call("GET", "/overdrachten/");
    expect(slash.status).toBe(404);
    expect(slash.headers.get("location")).toBeNull();
    expect(slash.headers.get("content-type")).toBe("application/problem+json");

    const document = await call("GET", "/openapi.json", { token: null });
    expect(document.status).toBe(200);
    expect(document.headers.get("access-control-allow-origin")).toBe("*");
    expect(document.headers.get("api-version")).toBe(API_VERSION);
    expect((await json(document)).servers).toEqual([
      { url: "https://ketenportaal.test/api/v1", description: "Ketenportaal" },
    ]);
  });
});

describe("a partner system's webhook abonnementen on /api/v1", () => {
  it("registers one after the handshake (201, Location, the secret once), lists, reads and ends it (204)", async () => {
    const created = await call("POST", "/abonnementen", {
      body: {
        callbackUrl: `${receiverUrl}/ketenportaal`,
        authorization: "Bearer ontvanger-token",
        contactEmail: "koppelingen@swt-haarlem.example",
        eventTypes: ["nl.ketenportaal.handover.offered.v1"],
        municipalityCodes: ["GM0392"],
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("api-version")).toBe(API_VERSION);
    const subscription = await json(created);
    expect(created.headers.get("location")).toBe(`/api/v1/abonnementen/${subscription.id}`);
    expect(subscription).toMatchObject({
      callbackUrl: `${receiverUrl}/ketenportaal`,
      status: "active",
      organisation: { name: "Sociaal Wijkteam Haarlem" },
      eventTypes: ["nl.ketenportaal.handover.offered.v1"],
      deliveries: { pending: 0, delivered: 0, failed: 0 },
    });
    expect(subscription.signingSecret).toMatch(/^whsec_/);
    expect(JSON.stringify(subscription)).not.toContain("ontvanger-token");

    const list = await json(await call("GET", "/abonnementen"));
    expect(list.items.map((item: { id: string }) => item.id)).toContain(subscription.id);
    const read = await call("GET", `/abonnementen/${subscription.id}`);
    expect(read.status).toBe(200);
    const again = await json(read);
    expect(again.signingSecret).toBeUndefined();
    expect(JSON.stringify(again)).not.toContain("ontvanger-token");
    // Another organisation's system does not see it.
    expect((await call("GET", `/abonnementen/${subscription.id}`, { token: cjg })).status).toBe(404);
    expect((await call("DELETE", `/abonnementen/${subscription.id}`, { token: cjg })).status).toBe(404);
    expect(
      (await json(await call("GET", "/abonnementen", { token: cjg }))).items.some(
        (item: { id: string }) => item.id === subscription.id,
      ),
    ).toBe(false);

    const deleted = await call("DELETE", `/abonnementen/${subscription.id}`);
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe("");
    expect(deleted.headers.get("api-version")).toBe(API_VERSION);
    expect((await call("GET", `/abonnementen/${subscription.id}`)).status).toBe(404);
    expect((await call("DELETE", `/abonnementen/${subscription.id}`)).status).toBe(404);
  });

  it("refuses a callback that does not confirm the handshake, and lists every invalid field at once", async () => {
    const refused = await call("POST", "/abonnementen", {
      body: { callbackUrl: `${receiverUrl}/weigert`, contactEmail: "koppelingen@swt-haarlem.example" },
    });
    expect(refused.status).toBe(400);
    const problem = await json(refused);
    expect(problem.errors).toEqual([expect.objectContaining({ in: "body", location: { pointer: "#/callbackUrl" } })]);
    expect(problem.errors[0].detail).toContain("WebHook-Allowed-Origin");
    expect((await json(await call("GET", "/abonnementen"))).items).toEqual([]);

    const invalid = await call("POST", "/abonnementen", {
      body: { callbackUrl: "", contactEmail: "geen adres", eventTypes: ["iets"], geheim: "x" },
    });
    expect(invalid.status).toBe(400);
    expect(
      (await json(invalid)).errors.map((e: { location: { pointer: string } }) => e.location.pointer).sort(),
    ).toEqual(["#/callbackUrl", "#/contactEmail", "#/eventTypes/0", "#/geheim"]);

    const wrongMethod = await call("PUT", "/abonnementen/00000000-0000-4000-8000-000000000000", { body: {} });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET, DELETE, HEAD");
  });
});

describe("every route in the document answers as documented", () => {
  /**
   * A request that should succeed; a handover action's body gets the handover's current `version`. `invalid`: the
   * 400 request where a broken id in the path or `limit=0` in the query does not fit.
   */
  type Sample = { path: string; body?: unknown; versioned?: false; invalid?: { path: string; body?: unknown } };
  /** Per operation: a request that should succeed on the demo data (in document order, so a state is reached). */
  const samples: Record<string, () => Promise<Sample>> = {
    openapiDocument: async () => ({ path: "/openapi.json" }),
    lijstOverdrachten: async () => ({ path: "/overdrachten?status=offered&status=accepted&limit=5" }),
    haalOverdrachtOp: async () => ({ path: `/overdrachten/${ids["VT-2026-0102"]}` }),
    accepteerOverdracht: async () => {
      ids.contract = await offeredAgain();
      return { path: `/overdrachten/${ids.contract}/acceptatie`, body: {} };
    },
    registreerEersteContact: async () => ({
      path: `/overdrachten/${ids.contract}/eerste-contact`,
      body: { firstContactOn: "2026-11-25" },
    }),
    rondOverdrachtAf: async () => ({
      path: `/overdrachten/${ids.contract}/afronding`,
      body: { outcomeCode: "referred_on", referredTo: "Huisarts" },
    }),
    wijsOverdrachtAf: async () => ({
      path: `/overdrachten/${await offeredAgain()}/afwijzing`,
      body: { reasonCode: "outside_area" },
    }),
    meldOverdrachtTerug: async () => {
      const id = await offeredAgain();
      const handover = await json(await call("GET", `/overdrachten/${id}`));
      await call("POST", `/overdrachten/${id}/acceptatie`, { body: { version: handover.version } });
      return { path: `/overdrachten/${id}/terugmelding`, body: { reasonText: "De veiligheid is in het geding." } };
    },
    lijstAbonnementen: async () => ({ path: "/abonnementen", invalid: { path: "/abonnementen?limit=5" } }),
    registreerAbonnement: async () => ({
      path: "/abonnementen",
      body: { callbackUrl: `${receiverUrl}/contract`, contactEmail: "koppelingen@swt-haarlem.example" },
      versioned: false,
      invalid: { path: "/abonnementen", body: { callbackUrl: "ftp://x", contactEmail: "-" } },
    }),
    haalAbonnementOp: async () => {
      const [first] = (await json(await call("GET", "/abonnementen"))).items as { id: string }[];
      ids.subscription = first?.id ?? "";
      return { path: `/abonnementen/${ids.subscription}` };
    },
    verwijderAbonnement: async () => ({ path: `/abonnementen/${ids.subscription}` }),
  };

  /** VT offers the household of VT-2026-0112 (declined above) to the wijkteam again, with the same package. */
  async function offeredAgain(): Promise<string> {
    const previous = await vt.handover.get({ id: ids["VT-2026-0112"] ?? "" });
    const created = await vt.handover.create({
      caseId: previous.caseId,
      targetTeamId: previous.targetTeam.id,
      concerns: previous.concerns,
      safetyConditions: previous.safetyConditions,
      householdView: previous.householdView,
      vtContactUserId: previous.vtContact?.id ?? null,
      vtJoinsFirstVisit: previous.vtJoinsFirstVisit,
    });
    return (await vt.handover.offer({ id: created.id, version: created.version })).id;
  }

  it("for each path and method: the success and the errors, each validated against its schema", async () => {
    const document = await json(await call("GET", "/openapi.json", { token: null }));
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = (schema: object, body: unknown) => {
      const check = ajv.compile({ allOf: [schema], components: document.components });
      if (!check(body)) throw new Error(`${JSON.stringify(check.errors, null, 1)}\n${JSON.stringify(body)}`);
    };
    const seen: string[] = [];
    type DocumentedOperation = {
      operationId: string;
      security?: unknown[];
      responses: Record<string, { headers?: Record<string, unknown>; content: Record<string, { schema: object }> }>;
    };
    for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, DocumentedOperation>>)) {
      for (const [method, operation] of Object.entries(item)) {
        seen.push(operation.operationId);
        const sample = samples[operation.operationId];
        expect(sample, `a sample request for ${operation.operationId}`).toBeDefined();
        const request = await (sample as () => Promise<Sample>)();
        let body = request.body;
        if (body !== undefined && request.versioned !== false) {
          const id = request.path.split("/")[2] ?? "";
          const current = await json(await call("GET", `/overdrachten/${id}`));
          body = { ...(body as object), version: current.version };
        }
        const success = Number(Object.keys(operation.responses).find((status) => status.startsWith("2")));
        const attempts: [number, Response][] = [[success, await call(method.toUpperCase(), request.path, { body })]];
        if (operation.security?.length !== 0) {
          attempts.push([401, await call(method.toUpperCase(), request.path, { token: null, body })]);
          const invalid =
            request.invalid ??
            (path.includes("{id}")
              ? { path: request.path.replace(/[0-9a-f-]{36}/, "geen-id"), body }
              : { path: `${request.path}&limit=0`, body });
          attempts.push([400, await call(method.toUpperCase(), invalid.path, { body: invalid.body })]);
        }
        if (path.includes("{id}")) {
          const unknown = request.path.replace(/[0-9a-f-]{36}/, "00000000-0000-4000-8000-000000000000");
          attempts.push([404, await call(method.toUpperCase(), unknown, { body })]);
        }
        for (const [expected, response] of attempts) {
          const label = `${method.toUpperCase()} ${path} → ${expected}`;
          expect(response.status, label).toBe(expected);
          const documented = operation.responses[String(expected)];
          expect(documented, `${label} is documented`).toBeDefined();
          expect(response.headers.get("api-version"), label).toBe(API_VERSION);
          for (const header of Object.keys(documented?.headers ?? {})) {
            expect(response.headers.get(header), `${label}: ${header}`).toBeTruthy();
          }
          const [contentType, media] = Object.entries(documented?.content ?? {})[0] ?? [];
          if (!contentType) {
            // Documented without content (204): nothing comes back.
            expect(await response.text(), label).toBe("");
            continue;
          }
          expect(response.headers.get("content-type"), label).toContain(contentType);
          validate(media?.schema ?? {}, await response.json());
        }
      }
    }
    expect(seen.sort()).toEqual(Object.keys(samples).sort());
  });
});
