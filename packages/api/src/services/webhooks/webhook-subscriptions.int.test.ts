import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { executeRows, withRequest } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiCaller } from "../../router";
import { callerForServiceAccount, callerForUser } from "../../testing/callers";
import { createServiceAccount } from "../accounts/manage-accounts";
import { findServiceAccountPrincipal } from "../auth/service-account-principal";
import { seedDemoRegion } from "../demo/seed-demo-region";

let test: TestDatabase;
let receiver: Server;
let base = "";
const handshakes: string[] = [];

beforeAll(async () => {
  test = await createTestDatabase();
  await seedDemoRegion({ db: test.db });
  receiver = createServer((request, response) => {
    if (request.method === "OPTIONS") handshakes.push(String(request.headers["webhook-request-origin"]));
    if (request.url === "/echo")
      response.setHeader("WebHook-Allowed-Origin", String(request.headers["webhook-request-origin"]));
    response.end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
  await test?.drop();
});

describe("webhook abonnementen", () => {
  it("a partner system registers one after the handshake; the secret is shown once and never readable after", async () => {
    const swt = await callerForServiceAccount({ db: test.db, organisationSlug: "swt-haarlem" });
    const created = await swt.webhook.subscriptions.create({
      callbackUrl: `${base}/echo`,
      authorization: "Bearer ontvanger-token",
      contactEmail: "koppelingen@swt-haarlem.example",
      eventTypes: ["nl.ketenportaal.handover.offered.v1"],
      municipalityCodes: ["GM0392"],
    });
    expect(created).toMatchObject({ status: "active", eventTypes: ["nl.ketenportaal.handover.offered.v1"] });
    expect(created.signingSecret).toMatch(/^whsec_/);
    expect(handshakes).toContain("ketenportaal.test");
    const listed = await swt.webhook.subscriptions.list();
    expect(listed.items.map((item) => item.id)).toEqual([created.id]);
    expect(JSON.stringify(listed)).not.toContain("whsec_");
    expect(JSON.stringify(listed)).not.toContain("ontvanger-token");
    // The database refuses a request that tries to read the secret or the credential back.
    const [org] = await executeRows<{ id: string }>(
      test.db,
      sql`select id from organisations where slug = 'swt-haarlem'`,
    );
    await expect(
      withRequest(test.db, { organisationId: org?.id, requestId: "t" }, (tx) =>
        executeRows(tx, sql`select signing_secret from webhook_subscriptions`),
      ),
    ).rejects.toThrow();
    await expect(
      withRequest(test.db, { organisationId: org?.id, requestId: "t" }, (tx) =>
        executeRows(tx, sql`select "authorization" from webhook_subscriptions`),
      ),
    ).rejects.toThrow();
    // Another organisation does not see it; its owner deletes it.
    const cjg = await callerForServiceAccount({ db: test.db, organisationSlug: "cjg-haarlemmermeer" });
    expect((await cjg.webhook.subscriptions.list()).items).toEqual([]);
    await expect(cjg.webhook.subscriptions.get({ id: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(cjg.webhook.subscriptions.delete({ id: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await swt.webhook.subscriptions.delete({ id: created.id });
    expect((await swt.webhook.subscriptions.list()).items).toEqual([]);
  });

  it("refuses a receiver that does not confirm the handshake, in Dutch, and stores nothing", async () => {
    const swt = await callerForServiceAccount({ db: test.db, organisationSlug: "swt-haarlem" });
    await expect(
      swt.webhook.subscriptions.create({ callbackUrl: `${base}/silent`, contactEmail: "k@swt-haarlem.example" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/niet geregistreerd.*WebHook-Allowed-Origin: ketenportaal\.test/),
    });
    const [row] = await executeRows<{ n: number }>(
      test.db,
      sql`select count(*)::int as n from webhook_subscriptions where callback_url like '%/silent'`,
    );
    expect(row?.n).toBe(0);
  });

  it("refuses loopback, private and plain-http callbacks outside tests (SSRF)", async () => {
    const { token } = await createServiceAccount({
      db: test.db,
      organisationSlug: "swt-haarlem",
      name: "Strikt",
      operator: { onBehalfOf: "test" },
    });
    const principal = await findServiceAccountPrincipal({ db: test.db, token });
    if (!principal) throw new Error("no principal");
    const strict = createApiCaller({
      db: test.db,
      principal,
      meta: { requestId: "t", clientAddress: null },
      config: { publicUrl: "https://ketenportaal.test" },
      now: () => new Date(),
    });
    for (const [callbackUrl, message] of [
      [`${base}/echo`, /https:\/\//],
      ["https://127.0.0.1/hook", /publieke adressen/],
      ["https://169.254.169.254/latest", /publieke adressen/],
      ["https://localhost/hook", /publieke adressen/],
    ] as const) {
      await expect(
        strict.webhook.subscriptions.create({ callbackUrl, contactEmail: "k@swt-haarlem.example" }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(message) });
    }
  });

  it("lets only the organisation's coördinator, its system and the beheerder manage abonnementen", async () => {
    const worker = await callerForUser({ db: test.db, email: "medewerker@swt-haarlem.example" });
    await expect(worker.webhook.subscriptions.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const coordinator = await callerForUser({ db: test.db, email: "coordinator@swt-haarlem.example" });
    const [cjg] = await executeRows<{ id: string }>(
      test.db,
      sql`select id from organisations where slug = 'cjg-haarlemmermeer'`,
    );
    await expect(
      coordinator.webhook.subscriptions.create({
        organisationId: cjg?.id,
        callbackUrl: `${base}/echo`,
        contactEmail: "k@swt-haarlem.example",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await callerForUser({ db: test.db, email: "beheer@vt-kennemerland.example" });
    const forCjg = await admin.webhook.subscriptions.create({
      organisationId: cjg?.id,
      callbackUrl: `${base}/echo`,
      contactEmail: "koppelingen@cjg-haarlemmermeer.example",
    });
    expect(forCjg.organisation.id).toBe(cjg?.id);
    const cjgSystem = await callerForServiceAccount({ db: test.db, organisationSlug: "cjg-haarlemmermeer" });
    expect((await cjgSystem.webhook.subscriptions.list()).items.map((item) => item.id)).toEqual([forCjg.id]);
  });

  it("lets the beheerder re-send a parked delivery, which reactivates a suspended abonnement", async () => {
    const [row] = await executeRows<{ subscription_id: string; delivery_id: string }>(
      test.db,
      sql`with s as (
            insert into webhook_subscriptions (organisation_id, callback_url, signing_secret, contact_email, status,
              suspended_at, consecutive_failures)
            select id, 'https://wijkteam.example/hook', 'whsec_dGVzdA==', 'k@swt-haarlem.example', 'suspended', now(), 20
            from organisations where slug = 'swt-haarlem' returning id),
          o as (insert into outbox (aggregate_type, aggregate_id, event_type, sequence, source, topic, payload)
                values ('handover', gen_random_uuid(), 'nl.ketenportaal.handover.offered.v1', 1, 'urn:test', 't', '{}')
                returning id, position),
          d as (insert into webhook_deliveries (subscription_id, outbox_event_id, outbox_position, status, attempts,
                  failed_at, last_error)
                select s.id, o.id, o.position, 'failed', 8, now(), 'HTTP_500' from s, o returning id, subscription_id)
          select subscription_id, id as delivery_id from d`,
    );
    const admin = await callerForUser({ db: test.db, email: "beheer@vt-kennemerland.example" });
    const listed = await admin.admin.webhooks.deliveries.list({ status: "failed", limit: 10 });
    expect(listed.items.map((item) => item.id)).toContain(row?.delivery_id);
    const resent = await admin.admin.webhooks.deliveries.resend({ id: row?.delivery_id ?? "" });
    expect(resent).toMatchObject({ status: "pending", subscriptionReactivated: true });
    await expect(admin.admin.webhooks.deliveries.resend({ id: row?.delivery_id ?? "" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const coordinator = await callerForUser({ db: test.db, email: "coordinator@swt-haarlem.example" });
    await expect(coordinator.admin.webhooks.deliveries.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
