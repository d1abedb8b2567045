import { mailOutbox, organisations, outbox, serviceAccounts } from "@ketenportaal/db";
import { asc, eq, isNull } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  expectAccessible,
  launchBrowser,
  openPortalAs,
  type ServerHandle,
  startServer,
  type TestDatabase,
} from "../support";

let database: TestDatabase;
let server: ServerHandle;
let browser: Browser;
const contexts: BrowserContext[] = [];
let failedId = "";
let raceId = "";

// On PostgreSQL rather than the embedded database: the test must write to the database while the server runs (to
// give a message the state the bridge leaves after eight failed attempts, which takes hours for real), and PGlite
// serves one process. With DATABASE_URL the server runs no workers, so nothing is sent or published behind our back.
beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  [server, browser] = await Promise.all([
    startServer({ env: { DATABASE_URL: database.url, DEMO_SEED: "1" } }),
    launchBrowser(),
  ]);
  const rows = await database.db.select().from(mailOutbox).orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.id));
  [failedId, raceId] = rows.map((row) => row.id) as [string, string];
  for (const id of [failedId, raceId]) {
    await database.db
      .update(mailOutbox)
      .set({ attempts: 8, failedAt: new Date(), lastError: "ECONNECTION" })
      .where(eq(mailOutbox.id, id));
  }
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
  await database?.drop();
});

const logIn = (email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> =>
  openPortalAs({ browser, baseUrl: server.url, email, contexts, ...options });

async function mailRow(id: string) {
  const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row;
}

describe("the beheer pages", () => {
  let admin: Page;

  it("show the functioneel beheerder the events waiting in the outbox", async () => {
    admin = await logIn("beheer@vt-kennemerland.example");
    await admin.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Beheer" }).click();
    await admin.waitForURL(/\/beheer$/);
    await admin.getByRole("heading", { level: 1, name: "Beheer" }).waitFor();
    await expectAccessible(admin);

    await admin.getByRole("link", { name: "Gebeurtenissen" }).click();
    await admin.waitForURL(/\/beheer\/gebeurtenissen$/);
    await admin.getByRole("heading", { level: 1, name: "Gebeurtenissen" }).waitFor();
    await admin.waitForLoadState("networkidle");
    const unpublished = (await database.db.select({ id: outbox.id }).from(outbox).where(isNull(outbox.publishedAt)))
      .length;
    expect(unpublished).toBeGreaterThan(0);
    expect(await admin.locator("main").textContent()).toContain(
      `${unpublished} gebeurtenissen zijn nog niet gepubliceerd.`,
    );
    const table = admin.getByRole("table", { name: "Gebeurtenissen, de nieuwste eerst" });
    expect(await table.locator("tbody tr").count()).toBe(Math.min(unpublished, 50));
    await table.getByText("Inhoud tonen").first().click();
    const payload: unknown = JSON.parse((await table.locator("pre").first().textContent()) ?? "");
    expect(payload).toEqual(expect.any(Object));
    await expectAccessible(admin);

    // Follow one handover's events, and keep only those still waiting.
    await table.locator("tbody tr").first().getByRole("link").click();
    await admin.waitForURL(/onderwerp=[0-9a-f-]{36}/);
    await admin.getByLabel("Publicatie").selectOption({ label: "Nog niet gepubliceerd" });
    await admin.getByRole("button", { name: "Filters toepassen" }).click();
    await admin.waitForURL(/publicatie=wachtend/);
    await admin.waitForLoadState("networkidle");
    const aggregateId = new URL(admin.url()).searchParams.get("onderwerp");
    const links = await admin.getByRole("table").locator("tbody tr a").allTextContents();
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((text) => text.startsWith(aggregateId ?? "-"))).toBe(true);
  });

  it("send a failed e-mail again, also without JavaScript, under the same id", async () => {
    const page = await logIn("beheer@vt-kennemerland.example", { javaScriptEnabled: false });
    await page.goto("/beheer/e-mail?status=mislukt");
    const table = page.getByRole("table", { name: "E-mailberichten, de nieuwste eerst" });
    expect(await table.locator("tbody tr").count()).toBe(2);
    const before = await mailRow(failedId);
    const row = table.locator("tbody tr", { hasText: `<${failedId}@ketenportaal>` });
    expect(await row.textContent()).toContain("ECONNECTION");
    const button = row.getByRole("button", { name: /^Opnieuw versturen \(bericht "/ });
    expect(await button.textContent()).toContain(before?.toAddress);
    await button.click();
    await page.waitForURL(/gelukt=opnieuw-verstuurd/);
    expect(new URL(page.url()).searchParams.get("status")).toBe("mislukt");
    expect(await page.getByRole("status").textContent()).toContain("Het bericht staat weer klaar om te versturen.");
    expect(await table.locator("tbody tr").count()).toBe(1);

    const after = await mailRow(failedId);
    expect(after).toMatchObject({ id: failedId, failedAt: null, sentAt: null, attempts: 0, lastError: null });
    expect(after?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("say so when the message was no longer failed, and show it as it is now", async () => {
    await admin.goto("/beheer/e-mail?status=mislukt", { waitUntil: "networkidle" });
    await expectAccessible(admin);
    // Meanwhile it went out after all (another beheerder, or the bridge after a retry elsewhere).
    await database.db
      .update(mailOutbox)
      .set({ failedAt: null, sentAt: new Date(), attempts: 1, lastError: null })
      .where(eq(mailOutbox.id, raceId));
    await admin.getByRole("button", { name: /^Opnieuw versturen \(bericht "/ }).click();
    const alert = admin.getByRole("alert").filter({ hasText: "al verzonden" });
    await alert.waitFor();
    await admin.getByText("Er zijn geen berichten met deze status.").waitFor();
    expect((await mailRow(raceId))?.sentAt).not.toBeNull();
    await expectAccessible(admin);

    await admin.goto("/beheer/e-mail?status=wachtend");
    expect(await admin.locator("main").textContent()).toContain(`<${failedId}@ketenportaal>`);
  });

  it("let the functioneel beheerder revoke a partner system's access", async () => {
    const [swt] = await database.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, "swt-haarlem"));
    const [account] = await database.db
      .insert(serviceAccounts)
      .values({ organisationId: swt?.id ?? "", name: "Registratiesysteem SWT", tokenHash: `e2e-${Date.now()}` })
      .returning({ id: serviceAccounts.id });
    const page = await logIn("beheer@vt-kennemerland.example");
    await page.goto("/beheer", { waitUntil: "networkidle" });
    await page.getByRole("link", { name: "Koppelingen" }).click();
    await page.getByRole("heading", { level: 1, name: "Koppelingen met systemen van ketenpartners" }).waitFor();
    const row = page.getByRole("row", { name: /Registratiesysteem SWT/ });
    expect(await row.textContent()).toContain("Sociaal Wijkteam Haarlem");
    expect(await row.textContent()).toContain("Actief");
    await expectAccessible(page);

    await row.getByRole("button", { name: /^Toegang intrekken/ }).click();
    await page.getByText("De toegang van de koppeling is ingetrokken.").waitFor();
    expect(await page.getByRole("row", { name: /Registratiesysteem SWT/ }).textContent()).toContain("Ingetrokken");
    const [stored] = await database.db
      .select()
      .from(serviceAccounts)
      .where(eq(serviceAccounts.id, account?.id ?? ""));
    expect(stored?.revokedAt).not.toBeNull();
  });

  it("refuse a partner coördinator with a proper page", async () => {
    const coordinator = await logIn("coordinator@swt-haarlem.example");
    const landing = await coordinator.goto("/beheer");
    expect(landing?.status()).toBe(200);
    // Only the Teams page (their own teams' notification address) and Mensen (their own people) are theirs.
    const links = await coordinator.locator("main").getByRole("link").allTextContents();
    expect(links.some((text) => text.includes("Teams"))).toBe(true);
    expect(links.some((text) => text.includes("Mensen"))).toBe(true);
    expect(links.some((text) => text.includes("Gebeurtenissen") || text.includes("Organisaties"))).toBe(false);
    for (const path of ["/beheer/e-mail", "/beheer/gebeurtenissen", "/beheer/koppelingen", "/beheer/organisaties"]) {
      const response = await coordinator.goto(path);
      expect(response?.status()).toBe(403);
      await coordinator.getByRole("heading", { level: 1, name: "Geen toegang" }).waitFor();
    }
  });
});
