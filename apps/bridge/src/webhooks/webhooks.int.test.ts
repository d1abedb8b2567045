import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedDemoRegion } from "@ketenportaal/api";
import { callerForServiceAccount } from "@ketenportaal/api/testing";
import { createDatabase, executeRows, outbox } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { verifyWebhookRequest } from "@ketenportaal/events";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkers } from "../workers";
import { deliverDueWebhooks, measureWebhookBacklog, retryAfterMs, webhookBackoffMs } from "./deliver-webhooks";
import { fanOutWebhookEvents } from "./fan-out-webhooks";

const API = "https://ketenportaal.test";
const SOURCE = "urn:nld:oin:00000009999999990001:systeem:ketenportaal";
const testing = { allowHttp: true, allowPrivateTargets: true };

type Arrival = {
  path: string;
  at: number;
  status: number;
  id: string;
  subject: string;
  sequence: number;
  type: string;
};
let test: TestDatabase;
let receiver: Server;
let base = "";
const arrivals: Arrival[] = [];
/** Per path: the statuses to answer the next POSTs with (then 204). */
const script: Record<string, { status: number; retryAfter?: string }[]> = {};
const secrets: Record<string, string> = {};
const forged: string[] = [];
const org: Record<string, string> = {};
const team: Record<string, string> = {};

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  for (const row of await executeRows<{ slug: string; id: string }>(test.db, sql`select slug, id from organisations`)) {
    org[row.slug] = row.id;
  }
  for (const row of await executeRows<{ name: string; id: string }>(test.db, sql`select name, id from teams`)) {
    team[row.name] = row.id;
  }
  receiver = createServer((request, response) => {
    const path = request.url ?? "/";
    if (request.method === "OPTIONS") {
      response.setHeader("WebHook-Allowed-Origin", String(request.headers["webhook-request-origin"]));
      response.end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const verified = verifyWebhookRequest({ secret: secrets[path] ?? "", body, headers: request.headers });
      if (!verified.ok) forged.push(path);
      const event = JSON.parse(body) as Record<string, string>;
      const next = script[path]?.shift() ?? { status: 204 };
      arrivals.push({
        path,
        at: Date.now(),
        status: next.status,
        id: String(event.id),
        subject: String(event.subject),
        sequence: Number(event.sequence),
        type: String(event.type),
      });
      response.writeHead(next.status, next.retryAfter ? { "retry-after": next.retryAfter } : {});
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
  await test?.drop();
});

/** A handover event as `applyHandoverCommand` writes it: ids, status, organisations, gemeente, deadlines. */
async function writeHandoverEvent(options: {
  aggregateId: string;
  sequence: number;
  target: string;
  teamName: string;
  municipalityCode?: string;
  event?: string;
}): Promise<string> {
  const event = options.event ?? "offered";
  const [row] = await test.db
    .insert(outbox)
    .values({
      aggregateType: "handover",
      aggregateId: options.aggregateId,
      eventType: `nl.ketenportaal.handover.${event}.v1`,
      sequence: options.sequence,
      source: SOURCE,
      topic: "ketenportaal.handovers.local-teams",
      payload: {
        handoverId: options.aggregateId,
        caseId: crypto.randomUUID(),
        status: event,
        version: options.sequence,
        organisationId: org["vt-kennemerland"],
        targetOrganisationId: org[options.target],
        targetTeamId: team[options.teamName],
        municipalityCode: options.municipalityCode ?? "GM0392",
        regionId: crypto.randomUUID(),
        acceptanceDueOn: "2026-12-01",
        firstContactDueOn: null,
        occurredAt: new Date().toISOString(),
      },
    })
    .returning({ id: outbox.id });
  await test.db.execute(sql`select pg_notify('ketenportaal_outbox', ${options.aggregateId})`);
  return row?.id ?? "";
}

async function subscribe(path: string, slug: string, filters: Record<string, unknown> = {}) {
  const system = await callerForServiceAccount({ db: test.db, organisationSlug: slug });
  const created = await system.webhook.subscriptions.create({
    callbackUrl: `${base}${path}`,
    contactEmail: `koppelingen@${slug}.example`,
    ...filters,
  });
  secrets[path] = created.signingSecret;
  return created;
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function startTestWorkers(database: Awaited<ReturnType<typeof createDatabase>>) {
  return startWorkers({
    database,
    logger: { info: () => {}, error: () => {} },
    publicUrl: API,
    mail: { mailDir: join(tmpdir(), `kp-webhook-mail-${process.pid}`), from: "test@ketenportaal.example" },
    pollIntervalMs: 100,
    webhooks: { policy: testing, delivery: { baseBackoffMs: 100, random: () => 0 } },
  });
}

describe("webhook delivery by the bridge", () => {
  it("gets every event to a real receiver once per id, in order per aggregate, across 429, 500 and a restart", async () => {
    await subscribe("/wijkteam", "swt-haarlem");
    // The receiver is unwell at first: rate limited (with Retry-After), then failing, then rate limited again.
    script["/wijkteam"] = [{ status: 429, retryAfter: "1" }, { status: 500 }, { status: 503, retryAfter: "1" }];
    const aggregates = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const expected: string[] = [];
    const write = async (from: number, to: number) => {
      for (let sequence = from; sequence <= to; sequence++) {
        for (const aggregateId of aggregates) {
          expected.push(
            await writeHandoverEvent({ aggregateId, sequence, target: "swt-haarlem", teamName: "Wijkteam Haarlem" }),
          );
        }
      }
    };
    await write(1, 3);
    // Addressed to another organisation: never reaches the wijkteam.
    const foreign = await writeHandoverEvent({
      aggregateId: crypto.randomUUID(),
      sequence: 1,
      target: "cjg-haarlemmermeer",
      teamName: "CJG Haarlemmermeer",
    });

    const first = await createDatabase({ databaseUrl: test.url, poolSize: 2 });
    const workers = await startTestWorkers(first);
    await waitFor(() => arrivals.filter((a) => a.path === "/wijkteam" && a.status === 204).length >= 4, "4 deliveries");
    await workers.stop();
    await first.close();

    // While no bridge runs, more events; a new bridge process takes over where the old one stopped.
    await write(4, 5);
    const second = await createDatabase({ databaseUrl: test.url, poolSize: 2 });
    const restarted = await startTestWorkers(second);
    try {
      await waitFor(
        () => arrivals.filter((a) => a.path === "/wijkteam" && a.status === 204).length >= expected.length,
        "every event",
      );
      await new Promise((resolve) => setTimeout(resolve, 300)); // nothing more may come
    } finally {
      await restarted.stop();
      await second.close();
    }

    const mine = arrivals.filter((a) => a.path === "/wijkteam");
    const accepted = mine.filter((a) => a.status === 204);
    expect(accepted.map((a) => a.id).sort()).toEqual([...expected].sort());
    expect(new Set(accepted.map((a) => a.id)).size).toBe(accepted.length); // exactly once per id
    expect(mine.map((a) => a.id)).not.toContain(foreign);
    for (const aggregateId of aggregates) {
      const sequences = accepted.filter((a) => a.subject === aggregateId).map((a) => a.sequence);
      expect(sequences).toEqual([1, 2, 3, 4, 5]);
    }
    // The refused attempts were retried with the same event, the 429's Retry-After honoured (1 s, not the 100 ms backoff).
    const [limited, retried] = mine;
    expect(limited?.status).toBe(429);
    expect(retried?.id).toBe(limited?.id);
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(forged).toEqual([]);
    expect((await measureWebhookBacklog({ db: test.db })).pending).toBe(0);
  }, 90_000);

  it("lets a subscription's filters limit what arrives", async () => {
    await subscribe("/alleen-haarlem", "swt-haarlem", {
      eventTypes: ["nl.ketenportaal.handover.accepted.v1"],
      municipalityCodes: ["GM0392"],
      teamIds: [team["Wijkteam Haarlem"]],
    });
    const aggregateId = crypto.randomUUID();
    const wanted = await writeHandoverEvent({
      aggregateId,
      sequence: 2,
      event: "accepted",
      target: "swt-haarlem",
      teamName: "Wijkteam Haarlem",
    });
    await writeHandoverEvent({ aggregateId, sequence: 1, target: "swt-haarlem", teamName: "Wijkteam Haarlem" });
    await writeHandoverEvent({
      aggregateId: crypto.randomUUID(),
      sequence: 1,
      event: "accepted",
      target: "swt-haarlem",
      teamName: "Wijkteam Haarlem",
      municipalityCode: "GM0453",
    });
    await fanOutWebhookEvents({ db: test.db });
    for (let i = 0; i < 5; i++) await deliverDueWebhooks({ db: test.db, apiBaseUrl: API, policy: testing });
    expect(arrivals.filter((a) => a.path === "/alleen-haarlem").map((a) => a.id)).toEqual([wanted]);
  });

  it("parks an event after its last attempt, lets the next one through, and suspends an abonnement that keeps failing", async () => {
    const subscription = await subscribe("/stuk", "swt-haarlem", { municipalityCodes: ["GM0394"] });
    script["/stuk"] = Array.from({ length: 10 }, () => ({ status: 500 }));
    const firstEvent = await writeHandoverEvent({
      aggregateId: crypto.randomUUID(),
      sequence: 1,
      target: "swt-haarlem",
      teamName: "Wijkteam Haarlem",
      municipalityCode: "GM0394",
    });
    await writeHandoverEvent({
      aggregateId: crypto.randomUUID(),
      sequence: 1,
      target: "swt-haarlem",
      teamName: "Wijkteam Haarlem",
      municipalityCode: "GM0394",
    });
    await fanOutWebhookEvents({ db: test.db });
    let clock = Date.now();
    const run = () =>
      deliverDueWebhooks({
        db: test.db,
        apiBaseUrl: API,
        policy: testing,
        now: () => new Date(clock),
        maxAttempts: 2,
        suspendAfter: 3,
      });
    await run(); // event 1, attempt 1
    clock += 3_600_000;
    await run(); // event 1, attempt 2: parked; event 2, attempt 1: third failure in a row, suspended
    const rows = await executeRows<{ outbox_event_id: string; status: string; attempts: number; last_error: string }>(
      test.db,
      sql`select outbox_event_id, status::text, attempts, last_error from webhook_deliveries
          where subscription_id = ${subscription.id} order by outbox_position`,
    );
    expect(rows).toEqual([
      { outbox_event_id: firstEvent, status: "failed", attempts: 2, last_error: "HTTP_500" },
      expect.objectContaining({ status: "pending", attempts: 1 }),
    ]);
    const [state] = await executeRows<{ status: string; consecutive_failures: number }>(
      test.db,
      sql`select status::text, consecutive_failures from webhook_subscriptions where id = ${subscription.id}`,
    );
    expect(state).toEqual({ status: "suspended", consecutive_failures: 3 });
    const mail = await executeRows<{ to_address: string; subject: string; body_text: string }>(
      test.db,
      sql`select to_address, subject, body_text from mail_outbox where template = 'webhook_suspended'`,
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]?.to_address).toBe("koppelingen@swt-haarlem.example");
    expect(mail[0]?.body_text).toContain(subscription.id);
    // Suspended: nothing more is tried.
    const before = arrivals.length;
    clock += 3_600_000;
    await run();
    expect(arrivals.length).toBe(before);
  });
});

describe("backoff", () => {
  it("brings VT's continuity plan to every partner's abonnement, whatever organisation it belongs to", async () => {
    await subscribe("/continuiteit", "cjg-haarlemmermeer");
    const planId = crypto.randomUUID();
    const [row] = await test.db
      .insert(outbox)
      .values({
        aggregateType: "continuity_plan",
        aggregateId: planId,
        eventType: "nl.ketenportaal.continuity_plan.started.v1",
        sequence: 2,
        source: SOURCE,
        topic: "ketenportaal.continuity-plan",
        payload: {
          planId,
          organisationId: org["vt-kennemerland"],
          startsOn: "2026-12-01",
          expectedEndOn: "2027-01-31",
          services: ["crisis_service"],
          version: 2,
          occurredAt: new Date().toISOString(),
        },
      })
      .returning({ id: outbox.id });
    await fanOutWebhookEvents({ db: test.db });
    for (let i = 0; i < 5; i++) await deliverDueWebhooks({ db: test.db, apiBaseUrl: API, policy: testing });
    expect(arrivals.filter((a) => a.path === "/continuiteit").map((a) => a.id)).toEqual([row?.id]);
  });

  it("doubles from the base with jitter up to 20%, and reads Retry-After as seconds or a date", () => {
    expect(webhookBackoffMs(1, 10_000, () => 0)).toBe(10_000);
    expect(webhookBackoffMs(3, 10_000, () => 0)).toBe(40_000);
    expect(webhookBackoffMs(3, 10_000, () => 1)).toBe(48_000);
    expect(webhookBackoffMs(30, 10_000, () => 0)).toBe(3_600_000);
    const now = new Date("2026-11-25T10:00:00Z");
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs("Wed, 25 Nov 2026 10:01:00 GMT", now)).toBe(60_000);
    expect(retryAfterMs(undefined, now)).toBeNull();
  });
});
