import { organisations, outbox, webhookDeliveries, webhookSubscriptions } from "@ketenportaal/db";
import { asc, eq } from "drizzle-orm";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  expectAccessible,
  launchBrowser,
  openPortalAs,
  type ServerHandle,
  startServer,
  type TestDatabase,
  waitForNotice,
} from "../support";

let database: TestDatabase;
let server: ServerHandle;
let browser: Browser;
const contexts: BrowserContext[] = [];
let subscriptionId = "";
const delivery = { parked: "", race: "", delivered: "" };

// On PostgreSQL: the test gives an abonnement the state the bridge leaves after ten failed attempts (hours of
// backoff for real), as the table owner while the server runs. With DATABASE_URL the server runs no workers, so no
// delivery is attempted behind our back.
beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  [server, browser] = await Promise.all([
    startServer({ env: { DATABASE_URL: database.url, DEMO_SEED: "1" } }),
    launchBrowser(),
  ]);
  const [swt] = await database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, "swt-haarlem"));
  const [subscription] = await database.db
    .insert(webhookSubscriptions)
    .values({
      organisationId: swt?.id ?? "",
      // A token in the query: the page must not show it.
      callbackUrl: "https://hooks.wijkteam.example/ketenportaal/in?token=geheim-e2e",
      signingSecret: "whsec_ZTJlLXdlYmhvb2stcGFnZQ==",
      contactEmail: "koppelingen@swt-haarlem.example",
      status: "suspended",
      activatedAt: new Date(Date.now() - 86_400_000),
      consecutiveFailures: 25,
      lastFailureAt: new Date(),
      suspendedAt: new Date(),
    })
    .returning({ id: webhookSubscriptions.id });
  subscriptionId = subscription?.id ?? "";
  const events = await database.db
    .select({ id: outbox.id, position: outbox.position })
    .from(outbox)
    .orderBy(asc(outbox.position))
    .limit(3);
  const [parked, race, delivered] = await database.db
    .insert(webhookDeliveries)
    .values(
      events.map((event, index) => ({
        subscriptionId,
        outboxEventId: event.id,
        outboxPosition: event.position,
        status: index < 2 ? ("failed" as const) : ("delivered" as const),
        attempts: index < 2 ? 10 : 1,
        lastStatusCode: index < 2 ? 503 : 204,
        lastError: index < 2 ? "HTTP_503" : null,
        failedAt: index < 2 ? new Date() : null,
        deliveredAt: index < 2 ? null : new Date(),
      })),
    )
    .returning({ id: webhookDeliveries.id });
  Object.assign(delivery, { parked: parked?.id, race: race?.id, delivered: delivered?.id });
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
  await database?.drop();
});

async function deliveryRow(id: string) {
  const [row] = await database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row;
}

describe("the Webhooks page", () => {
  it("shows the beheerder the abonnementen and the parked deliveries, without the callback's query", async () => {
    const page = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beheer@vt-kennemerland.example",
      contexts,
    });
    await page.goto("/beheer", { waitUntil: "networkidle" });
    await page.getByRole("link", { name: "Webhooks" }).click();
    await page.waitForURL(/\/beheer\/webhooks$/);
    await page.getByRole("heading", { level: 1, name: "Webhooks" }).waitFor();
    await page.getByText("Abonnementen en afleveringen").first().waitFor();
    await page.waitForLoadState("networkidle");
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).not.toContain("geheim-e2e");
    expect(main).not.toContain("whsec_");
    const subscriptions = page.getByRole("table", { name: "Webhook-abonnementen per organisatie" });
    const row = subscriptions.getByRole("row", { name: /Sociaal Wijkteam Haarlem/ });
    expect(await row.textContent()).toContain("https://hooks.wijkteam.example/ketenportaal/in");
    expect(await row.textContent()).toContain("Opgeschort");
    expect(await row.textContent()).toContain("0 wachtend, 1 afgeleverd, 2 geparkeerd");
    await expectAccessible(page);

    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Geparkeerd" });
    await page.getByRole("button", { name: "Filters toepassen" }).click();
    await page.waitForURL(/status=geparkeerd/);
    await page.waitForLoadState("networkidle");
    const deliveries = page.getByRole("table", { name: "Webhook-afleveringen, de nieuwste eerst" });
    // The address changes before the filtered rows are rendered: wait until the unfiltered third row is gone.
    await deliveries.locator("tbody tr").nth(2).waitFor({ state: "detached" });
    expect(await deliveries.locator("tbody tr").count()).toBe(2);
    expect(await deliveries.locator("tbody tr").first().textContent()).toContain("HTTP 503");
    await expectAccessible(page);
  });

  it("re-sends a parked delivery without JavaScript, and the suspended abonnement is active again", async () => {
    const page = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beheer@vt-kennemerland.example",
      contexts,
      javaScriptEnabled: false,
    });
    await page.goto("/beheer/webhooks?status=geparkeerd");
    const deliveries = page.getByRole("table", { name: "Webhook-afleveringen, de nieuwste eerst" });
    const [event] = await database.db
      .select({ id: outbox.id })
      .from(outbox)
      .innerJoin(webhookDeliveries, eq(webhookDeliveries.outboxEventId, outbox.id))
      .where(eq(webhookDeliveries.id, delivery.parked));
    const row = deliveries.locator("tbody tr", { hasText: event?.id ?? "-" });
    await row.getByRole("button", { name: /^Opnieuw versturen \(nl\.ketenportaal\./ }).click();
    await waitForNotice(page, "het opgeschorte abonnement is weer actief");
    expect(new URL(page.url()).searchParams.get("status")).toBe("geparkeerd");
    expect(await deliveries.locator("tbody tr").count()).toBe(1);

    expect(await deliveryRow(delivery.parked)).toMatchObject({ status: "pending", attempts: 0, failedAt: null });
    const [subscription] = await database.db
      .select()
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.id, subscriptionId));
    expect(subscription).toMatchObject({ status: "active", consecutiveFailures: 0, suspendedAt: null });
  });

  it("says so when the delivery was no longer parked, and shows it as it is now", async () => {
    const page = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beheer@vt-kennemerland.example",
      contexts,
    });
    await page.goto("/beheer/webhooks?status=geparkeerd", { waitUntil: "networkidle" });
    // Meanwhile another beheerder re-sent it and the bridge delivered it.
    await database.db
      .update(webhookDeliveries)
      .set({ status: "delivered", failedAt: null, deliveredAt: new Date(), attempts: 1 })
      .where(eq(webhookDeliveries.id, delivery.race));
    await page.getByRole("button", { name: /^Opnieuw versturen \(/ }).click();
    await page.getByRole("alert").filter({ hasText: "al afgeleverd" }).waitFor();
    await page.getByText("Er zijn geen afleveringen die bij dit filter passen.").waitFor();
    expect((await deliveryRow(delivery.race))?.status).toBe("delivered");
    await expectAccessible(page);
  });
});
