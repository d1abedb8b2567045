import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generateWebhookSecret, toWebhookRequest } from "@ketenportaal/events";
import {
  type ArrivedHandover,
  startPartnerConsumer,
  startWebhookConsumer,
} from "@ketenportaal/example-partner-consumer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getChildBaseEnv, type KafkaMockHandle, type ServerHandle, startKafkaMock, startServer } from "../support";

const cli = resolve(import.meta.dirname, "../../apps/server/dist/cli.js");
const dataDir = mkdtempSync(join(tmpdir(), "kp-e2e-consumer-"));
let kafka: KafkaMockHandle;
let server: ServerHandle;
let token: string;

beforeAll(async () => {
  // A partner system's account, made with the CLI before the server holds the embedded database.
  const created = spawnSync(
    process.execPath,
    [cli, "service-account", "create", "--organisation", "swt-haarlem", "--name", "Registratiesysteem SWT"],
    { env: { ...getChildBaseEnv(), DATA_DIR: dataDir }, encoding: "utf8", timeout: 60_000 },
  );
  expect(created.status, created.stderr).toBe(0);
  token = created.stdout.trim().split("\n").at(-1) ?? "";
  kafka = await startKafkaMock({ brokers: 3 });
  // The webhook receiver runs on loopback: only the test switch lets the server call it (never in production).
  server = await startServer({
    dataDir,
    env: { KAFKA_BROKERS: kafka.brokers.join(","), WEBHOOK_ALLOW_PRIVATE_TARGETS: "1" },
  });
});
afterAll(async () => {
  await server?.stop();
  await kafka?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a partner's consumer", () => {
  it("receives its handovers from Kafka as CloudEvents and fetches the details with its token", async () => {
    const arrived: ArrivedHandover[] = [];
    const consumer = await startPartnerConsumer({
      brokers: kafka.brokers,
      topic: "ketenportaal.handovers.local-teams",
      groupId: "swt-haarlem-registratie",
      apiUrl: server.url,
      token,
      fromBeginning: true,
      onHandover: (handover) => {
        arrived.push(handover);
      },
    });
    try {
      // The demo region's handovers to Sociaal Wijkteam Haarlem: offered, accepted, withdrawn after the offer.
      await expect
        .poll(() => arrived.map((a) => (a.details as { caseReference: string }).caseReference).sort(), {
          timeout: 30_000,
        })
        .toEqual(expect.arrayContaining(["VT-2026-0102", "VT-2026-0105", "VT-2026-0110"]));
      const offered = arrived.find((a) => (a.details as { caseReference: string }).caseReference === "VT-2026-0102");
      expect(offered?.event).toMatchObject({
        type: "nl.ketenportaal.handover.offered.v1",
        source: "urn:nld:oin:00000009999999990001:systeem:ketenportaal",
        sequencetype: "Integer",
      });
      expect(offered?.details).toMatchObject({
        status: "offered",
        targetOrganisation: { name: "Sociaal Wijkteam Haarlem" },
      });
      // Events for other local teams (Wijkteam Velsen) share the topic but are not fetched.
      expect(
        arrived.every(
          (a) =>
            (a.details as { targetOrganisation: { name: string } }).targetOrganisation.name ===
            "Sociaal Wijkteam Haarlem",
        ),
      ).toBe(true);
      expect(new Set(arrived.map((a) => a.event.id)).size).toBe(arrived.length);
    } finally {
      await consumer.stop();
    }
  });
});

/** tRPC over HTTP as a demo person of VT, with the session cookie (and the Origin the CSRF check wants). */
async function asVtCaseworker() {
  const login = await fetch(`${server.url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "medewerker@vt-kennemerland.example", password: "ketenportaal-demo" }),
  });
  const { result } = (await login.json()) as { result: { data: { token: string } } };
  const headers = { cookie: `kp_session=${result.data.token}`, origin: server.url };
  return async <T>(procedure: string, input: unknown, method: "GET" | "POST" = "GET"): Promise<T> => {
    const response =
      method === "GET"
        ? await fetch(`${server.url}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
        : await fetch(`${server.url}/trpc/${procedure}`, {
            method,
            headers: { ...headers, "content-type": "application/json" },
            body: JSON.stringify(input),
          });
    expect(response.status, `${procedure}: ${await response.clone().text()}`).toBe(200);
    return ((await response.json()) as { result: { data: T } }).result.data;
  };
}

describe("a partner's consumer in webhook mode", () => {
  it("registers through REST, gets an offered handover's event signed, fetches it, and refuses a forgery", async () => {
    const arrived: ArrivedHandover[] = [];
    const consumer = await startWebhookConsumer({
      apiUrl: server.url,
      token,
      contactEmail: "koppelingen@swt-haarlem.example",
      onHandover: (handover) => {
        arrived.push(handover);
      },
    });
    let stopped = false;
    try {
      // It registered itself with POST /api/v1/abonnementen (the portal did the handshake with it first).
      expect(consumer.subscriptionId).toMatch(/^[0-9a-f-]{36}$/);
      const registered = await fetch(`${server.url}/api/v1/abonnementen/${consumer.subscriptionId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(registered.status).toBe(200);
      expect(await registered.json()).toMatchObject({ status: "active", callbackUrl: consumer.url });

      // VT offers the wijkteam a handover after the registration: that event reaches the consumer by webhook.
      const vt = await asVtCaseworker();
      const page = await vt<{ items: { id: string; caseReference: string }[] }>("handover.list", { limit: 100 });
      const draft = page.items.find((item) => item.caseReference === "VT-2026-0112");
      const current = await vt<{ id: string; version: number }>("handover.get", { id: draft?.id });
      await vt("handover.offer", { id: current.id, version: current.version }, "POST");

      await expect
        .poll(() => arrived.map((a) => `${a.event.type} ${(a.details as { caseReference: string }).caseReference}`), {
          timeout: 30_000,
        })
        .toContain("nl.ketenportaal.handover.offered.v1 VT-2026-0112");
      const offered = arrived.find((a) => (a.details as { caseReference: string }).caseReference === "VT-2026-0112");
      expect(offered?.event).toMatchObject({
        source: "urn:nld:oin:00000009999999990001:systeem:ketenportaal",
        subject: current.id,
        sequencetype: "Integer",
      });
      expect(String(offered?.event.dataref)).toMatch(new RegExp(`/api/v1/overdrachten/${current.id}$`));
      expect(offered?.details).toMatchObject({ id: current.id, status: "offered" });
      // Only what was committed after the registration: none of the demo's earlier handovers.
      expect(arrived.every((a) => (a.details as { caseReference: string }).caseReference === "VT-2026-0112")).toBe(
        true,
      );

      // A well-formed delivery of a new event signed with another secret, and the same without a signature: 401.
      const forgery = toWebhookRequest({
        event: (offered as ArrivedHandover).event.cloneWith({ id: crypto.randomUUID() }),
        secret: generateWebhookSecret(),
        now: new Date(),
      });
      const forged = await fetch(consumer.url, { method: "POST", headers: forgery.headers, body: forgery.body });
      expect(forged.status).toBe(401);
      const { "webhook-signature": _, ...unsignedHeaders } = forgery.headers;
      const unsigned = await fetch(consumer.url, { method: "POST", headers: unsignedHeaders, body: forgery.body });
      expect(unsigned.status).toBe(401);
      const count = arrived.length;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(arrived.length).toBe(count);

      // The portal counts it as delivered; stopping ends the abonnement (DELETE, 204).
      await expect
        .poll(
          async () => {
            const response = await fetch(`${server.url}/api/v1/abonnementen/${consumer.subscriptionId}`, {
              headers: { authorization: `Bearer ${token}` },
            });
            return ((await response.json()) as { deliveries: { delivered: number } }).deliveries.delivered;
          },
          { timeout: 10_000 },
        )
        .toBeGreaterThanOrEqual(1);
      await consumer.stop();
      stopped = true;
      const gone = await fetch(`${server.url}/api/v1/abonnementen/${consumer.subscriptionId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(gone.status).toBe(404);
    } finally {
      if (!stopped) await consumer.stop();
    }
  });
});
