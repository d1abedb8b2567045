import { auditLog, regions } from "@ketenportaal/db";
import { eq } from "drizzle-orm";
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

// On PostgreSQL with the demo region (and its handovers); the test changes a demo region in its own database.
beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  [server, browser] = await Promise.all([
    startServer({ env: { DATABASE_URL: database.url, DEMO_SEED: "1" } }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
  await database?.drop();
});

async function regionNamed(name: string) {
  const [region] = await database.db.select().from(regions).where(eq(regions.name, name));
  if (!region) throw new Error(`no region ${name}`);
  return region;
}

describe("the Regio's page", () => {
  it("lets the beheerder change a region's acceptance deadline without JavaScript, for new deadlines only", async () => {
    const page = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beheer@vt-kennemerland.example",
      contexts,
      javaScriptEnabled: false,
    });
    await page.goto("/beheer");
    await page.getByRole("link", { name: "Regio's" }).click();
    await page.getByRole("heading", { level: 1, name: "Regio's" }).waitFor();
    const row = page.getByRole("row", { name: /Haarlem e\.o\./ });
    expect(await row.textContent()).toContain("3 werkdagen");
    await row.getByRole("link", { name: /Bewerken/ }).click();
    await page.getByRole("heading", { level: 2, name: "Regio Haarlem e.o. bewerken" }).waitFor();
    expect(await page.getByText("Een wijziging van de termijnen geldt voor nieuwe termijnen").count()).toBe(1);

    // A bad value: the message at the field (and in the summary), nothing stored.
    await page.getByLabel("Acceptatietermijn in werkdagen").fill("0");
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    const message = "Vul de acceptatietermijn in als een heel aantal werkdagen van 1 tot en met 30.";
    await page.getByText(message).first().waitFor();
    expect(await page.getByText(message).count()).toBe(2);
    expect((await regionNamed("Haarlem e.o.")).acceptanceDeadlineDays).toBe(3);

    await page.getByLabel("Acceptatietermijn in werkdagen").fill("5");
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await waitForNotice(page, "De nieuwe termijnen gelden voor nieuwe termijnen");
    const saved = await regionNamed("Haarlem e.o.");
    expect(saved).toMatchObject({ acceptanceDeadlineDays: 5, firstContactDeadlineDays: 10, version: 2 });
    expect(await page.getByRole("row", { name: /Haarlem e\.o\./ }).textContent()).toContain("5 werkdagen");
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.objectType, "region"));
    expect(audit.map((row) => row.objectId)).toEqual([`${saved.id} acceptanceDeadlineDays: 3 → 5`]);
  });

  it("is refused to a VT medewerker, and passes axe for the beheerder with JavaScript on", async () => {
    const worker = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "medewerker@vt-kennemerland.example",
      contexts,
    });
    const refused = await worker.goto("/beheer/regios");
    expect(refused?.status()).toBe(403);

    const admin = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beheer@vt-kennemerland.example",
      contexts,
    });
    await admin.goto("/beheer/regios", { waitUntil: "networkidle" });
    await expectAccessible(admin);
    await admin
      .getByRole("row", { name: /IJmond/ })
      .getByRole("link", { name: /Bewerken/ })
      .click();
    await admin.getByRole("heading", { level: 2, name: "Regio IJmond bewerken" }).waitFor();
    await expectAccessible(admin);
    // An error summary after a bad deadline takes the focus and passes axe too.
    await admin.getByLabel("Termijn voor het eerste contact in werkdagen").fill("61");
    await admin.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await admin
      .getByText(/van 1 tot en met 60/)
      .first()
      .waitFor();
    await expectAccessible(admin);
  });
});
