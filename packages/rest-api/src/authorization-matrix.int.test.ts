import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createServiceAccount, seedDemoCases, seedDemoRegion } from "@ketenportaal/api";
import { type Database, executeRows } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRestCallAllowed, REST_AUTHORIZATION_POLICY, type RestRelation } from "./authorization-policy";
import { buildOpenApiDocument } from "./openapi";
import { createRestApi } from "./rest-api";

/**
 * The authorisation matrix of `/api/v1`: every operation of the OpenAPI document, called by a partner system of
 * each relation to the record (VT's own system, the addressed partner's, another partner's; for a webhook
 * abonnement the owning organisation's system and the others), compared with `REST_AUTHORIZATION_POLICY`. Each call
 * runs in a transaction that is rolled back, so every call meets the seeded demo as it is and the inputs can be
 * valid ones.
 */

const now = new Date("2026-11-25T10:00:00Z");
// Registering an abonnement needs a receiver that answers the handshake: one on loopback, which only tests allow.
const config = {
  publicUrl: "https://ketenportaal.test",
  webhooks: { targetPolicy: { allowHttp: true, allowPrivateTargets: true } },
};
const today = "2026-11-25";

type Handover = { id: string; version: number };
/** Records the calls are about besides handovers: the wijkteam's webhook abonnement, a receiver for new ones. */
type Others = { subscriptionId: string; receiverUrl: string };
type Fixture = {
  /** The state of the handover the call is about, as the demo has one offered to the wijkteam. */
  handover?: string;
  /** The call is about the wijkteam's webhook abonnement (relation: its organisation's system, or another's). */
  subscription?: true;
  /** Brings that handover into the state the call needs, as the table owner inside the rolled-back transaction. */
  setup?: (tx: Database, h: Handover) => Promise<unknown>;
  request: (h: Handover, o: Others) => { path: string; body?: unknown };
};

// The demo has no started handover for the wijkteam: its accepted one gets a first contact for these calls.
const startAccepted = (tx: Database, h: Handover) =>
  executeRows(tx, sql`update handovers set status = 'started', first_contact_on = ${today} where id = ${h.id}`);

/** How each operation is called: the handover state it needs and a valid request for it. */
const FIXTURES: Record<string, Fixture> = {
  openapiDocument: { request: () => ({ path: "/openapi.json" }) },
  lijstOverdrachten: { request: () => ({ path: "/overdrachten?limit=5" }) },
  haalOverdrachtOp: { handover: "offered", request: (h) => ({ path: `/overdrachten/${h.id}` }) },
  accepteerOverdracht: {
    handover: "offered",
    request: (h) => ({ path: `/overdrachten/${h.id}/acceptatie`, body: { version: h.version } }),
  },
  wijsOverdrachtAf: {
    handover: "offered",
    request: (h) => ({
      path: `/overdrachten/${h.id}/afwijzing`,
      body: { version: h.version, reasonCode: "no_capacity" },
    }),
  },
  registreerEersteContact: {
    handover: "accepted",
    request: (h) => ({
      path: `/overdrachten/${h.id}/eerste-contact`,
      body: { version: h.version, firstContactOn: today },
    }),
  },
  rondOverdrachtAf: {
    handover: "accepted",
    setup: startAccepted,
    request: (h) => ({
      path: `/overdrachten/${h.id}/afronding`,
      body: { version: h.version, outcomeCode: "help_started" },
    }),
  },
  meldOverdrachtTerug: {
    handover: "accepted",
    setup: startAccepted,
    request: (h) => ({
      path: `/overdrachten/${h.id}/terugmelding`,
      body: { version: h.version, reasonText: "Nieuwe signalen." },
    }),
  },
  lijstAbonnementen: { request: () => ({ path: "/abonnementen" }) },
  registreerAbonnement: {
    request: (_h, o) => ({
      path: "/abonnementen",
      body: { callbackUrl: o.receiverUrl, contactEmail: "koppelingen@partner.example" },
    }),
  },
  haalAbonnementOp: { subscription: true, request: (_h, o) => ({ path: `/abonnementen/${o.subscriptionId}` }) },
  verwijderAbonnement: { subscription: true, request: (_h, o) => ({ path: `/abonnementen/${o.subscriptionId}` }) },
};

const SYSTEMS = [
  { organisationSlug: "vt-kennemerland", relation: "own" },
  { organisationSlug: "swt-haarlem", relation: "addressed" },
  { organisationSlug: "cjg-haarlemmermeer", relation: "other" },
] as const;

let test: TestDatabase;
const tokens = new Map<string, string>();
const organisationIds = new Map<string, string>();
let handovers: Record<string, Handover> = {};
const others: Others = { subscriptionId: "", receiverUrl: "" };
/** A webhook receiver that agrees to every validation handshake. */
let receiver: Server | undefined;

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  await seedDemoCases({ db: test.db, now, config });
  for (const { organisationSlug } of SYSTEMS) {
    const { token } = await createServiceAccount({
      db: test.db,
      organisationSlug,
      name: `Registratiesysteem ${organisationSlug}`,
      operator: { onBehalfOf: "rest-authorization-matrix" },
    });
    tokens.set(organisationSlug, token);
  }
  for (const row of await executeRows<{ slug: string; id: string }>(test.db, sql`select slug, id from organisations`)) {
    organisationIds.set(row.slug, row.id);
  }
  // One handover per state, offered to the sociaal wijkteam Haarlem (the "addressed" system's organisation).
  const rows = await executeRows<{ status: string; id: string; version: number }>(
    test.db,
    sql`select distinct on (h.status) h.status::text as status, h.id, h.version from handovers h
        join organisations o on o.id = h.target_organisation_id
        where o.slug = 'swt-haarlem' order by h.status, h.updated_at desc`,
  );
  handovers = Object.fromEntries(rows.map((row) => [row.status, { id: row.id, version: row.version }]));
  // The wijkteam's webhook abonnement, as its system registered it.
  const [subscription] = await executeRows<{ id: string }>(
    test.db,
    sql`insert into webhook_subscriptions (organisation_id, callback_url, signing_secret, contact_email, status,
          activated_at)
        values (${organisationIds.get("swt-haarlem")}, 'https://wijkteam.example/hook', 'whsec_dGVzdA==',
          'koppelingen@swt-haarlem.example', 'active', ${now.toISOString()}::timestamptz) returning id`,
  );
  others.subscriptionId = subscription?.id ?? "";
  const listening = createServer((request, response) => {
    response.setHeader("WebHook-Allowed-Origin", String(request.headers["webhook-request-origin"] ?? ""));
    response.end();
  });
  receiver = listening;
  await new Promise<void>((resolve) => listening.listen(0, "127.0.0.1", resolve));
  others.receiverUrl = `http://127.0.0.1:${(listening.address() as AddressInfo).port}/hook`;
}, 180_000);
afterAll(async () => {
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
  await test?.drop();
});

/** The relation of an organisation to the call's record, read from the data (not from the code under test). */
async function relationOf(fixture: Fixture, handoverId: string | undefined, organisationId: string) {
  if (fixture.subscription) {
    const [row] = await executeRows<{ relation: RestRelation }>(
      test.db,
      sql`select case when organisation_id = ${organisationId} then 'own' else 'other' end as relation
          from webhook_subscriptions where id = ${others.subscriptionId}`,
    );
    if (!row) throw new Error("webhook abonnement missing");
    return row.relation;
  }
  if (!handoverId) return "none";
  const [row] = await executeRows<{ relation: RestRelation }>(
    test.db,
    sql`select case when h.organisation_id = ${organisationId} then 'own'
          when h.target_organisation_id = ${organisationId} and h.offered_at is not null then 'addressed'
          else 'other' end as relation from handovers h where h.id = ${handoverId}`,
  );
  if (!row) throw new Error(`handover ${handoverId} missing`);
  return row.relation;
}

/** One HTTP call to `/api/v1` in a transaction that is always rolled back; the response status. */
async function statusOf(method: string, fixture: Fixture, handover: Handover, token: string) {
  let status = 0;
  const rollback = new Error("rollback");
  await test.db
    .transaction(async (outer) => {
      await fixture.setup?.(outer as unknown as Database, handover);
      const request = fixture.request(handover, others);
      const api = createRestApi({
        db: outer as unknown as Database,
        config,
        now: () => now,
        meta: () => ({ requestId: "rest-matrix", clientAddress: "127.0.0.1" }),
      });
      const app = new Hono().route("/api/v1", api);
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (request.body !== undefined) headers["content-type"] = "application/json";
      const response = await app.request(`/api/v1${request.path}`, {
        method,
        headers,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
      status = response.status;
      throw rollback;
    })
    .catch((error) => {
      if (error !== rollback) throw error;
    });
  return status;
}

const documentOperations = () =>
  Object.values(buildOpenApiDocument({ publicUrl: config.publicUrl }).paths ?? {}).flatMap((item) =>
    ["get", "put", "post", "delete", "patch"].flatMap((method) => {
      const operation = (item as Record<string, { operationId?: string } | undefined>)[method];
      return operation?.operationId ? [{ method, operationId: operation.operationId }] : [];
    }),
  );

describe("the /api/v1 authorisation matrix", () => {
  it("declares every operation of the OpenAPI document, and nothing else", () => {
    const documented = documentOperations()
      .map((o) => o.operationId)
      .sort();
    expect(documented.length).toBeGreaterThan(0);
    expect(Object.keys(REST_AUTHORIZATION_POLICY).sort()).toEqual(documented);
    expect(Object.keys(FIXTURES).sort()).toEqual(documented);
  });

  it("refuses or allows every operation for a partner system of each relation as the policy says", async () => {
    const mismatches: string[] = [];
    const seen = new Set<string>();
    for (const { method, operationId } of documentOperations()) {
      const fixture = FIXTURES[operationId];
      if (!fixture) throw new Error(`no fixture for ${operationId}`);
      const handover = fixture.handover ? handovers[fixture.handover] : undefined;
      if (fixture.handover && !handover) throw new Error(`the demo has no ${fixture.handover} handover to swt-haarlem`);
      for (const system of SYSTEMS) {
        const relation = await relationOf(fixture, handover?.id, organisationIds.get(system.organisationSlug) ?? "");
        const token = tokens.get(system.organisationSlug) ?? "";
        const status = await statusOf(method.toUpperCase(), fixture, handover ?? { id: "", version: 0 }, token);
        const allowed = isRestCallAllowed(operationId, relation);
        seen.add(`${operationId}:${relation}`);
        // Allowed: a 2xx (every input here is valid). Refused: 403 or 404 — never the record, never a 409 that
        // would tell a stranger what state it is in.
        if (allowed ? status < 200 || status > 299 : status !== 403 && status !== 404) {
          mismatches.push(
            `${method.toUpperCase()} ${operationId} as ${system.organisationSlug} (${relation}): policy ${allowed ? "allows" : "refuses"}, got ${status}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
    for (const [operationId, fixture] of Object.entries(FIXTURES)) {
      const expected = fixture.handover ? ["own", "addressed", "other"] : fixture.subscription ? ["own", "other"] : [];
      const relations = ["own", "addressed", "other"].filter((relation) => seen.has(`${operationId}:${relation}`));
      expect(relations, operationId).toEqual(expected);
    }
  }, 300_000);
});
