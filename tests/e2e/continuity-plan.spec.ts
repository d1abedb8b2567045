import { continuityPlans, mailOutbox } from "@ketenportaal/db";
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

/** Today and a month on, as Amsterdam calendar dates ("2026-11-26"). */
const amsterdamDate = (instant: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(instant);
const today = amsterdamDate(new Date());
const expectedEnd = amsterdamDate(new Date(Date.now() + 30 * 86_400_000));
/** "26 december 2026": how the portal shows an Amsterdam calendar date. */
const shown = (date: string) =>
  new Intl.DateTimeFormat("nl-NL", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(
    new Date(`${date}T12:00:00Z`),
  );

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

describe("the continuity plan", () => {
  it("is declared without JavaScript, and every signed-in user then sees the banner", async () => {
    const page = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beheer@vt-kennemerland.example",
      contexts,
      javaScriptEnabled: false,
    });
    await page.goto("/beheer");
    await page.getByRole("link", { name: "Continuïteitsplan" }).click();
    await page.getByRole("heading", { level: 1, name: "Continuïteitsplan" }).waitFor();

    // No service chosen: a Dutch message at the field, nothing stored.
    await page.getByLabel("Verwachte einddatum").fill(expectedEnd);
    await page.getByRole("button", { name: "Periode afkondigen" }).click();
    await page.getByRole("alert").first().waitFor();
    expect(await page.locator("main").textContent()).toContain("Kies ten minste één dienst die doorgaat.");
    expect(await database.db.select().from(continuityPlans)).toEqual([]);

    await page.getByLabel("Startdatum").fill(today);
    await page.getByLabel("Verwachte einddatum").fill(expectedEnd);
    await page.getByLabel("Crisisdienst").check();
    await page.getByLabel("Bureaudienst").check();
    await page.getByRole("button", { name: "Periode afkondigen" }).click();
    await waitForNotice(page, "Het continuïteitsplan is afgekondigd.");
    const [plan] = await database.db.select().from(continuityPlans);
    expect(plan).toMatchObject({
      startsOn: today,
      expectedEndOn: expectedEnd,
      services: ["crisis_service", "duty_desk"],
    });
    const mail = await database.db.select().from(mailOutbox).where(eq(mailOutbox.template, "continuity_plan_started"));
    expect(mail.length).toBeGreaterThan(0);

    // A partner's medewerker, with JavaScript: the banner names the expected end and the services.
    const partner = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "medewerker@swt-haarlem.example",
      contexts,
    });
    await partner.goto("/", { waitUntil: "networkidle" });
    const banner = partner.getByRole("status").filter({ hasText: "Continuïteitsplan van kracht" });
    await banner.waitFor();
    const text = await banner.textContent();
    expect(text).toContain(`tot en met ${shown(expectedEnd)}`);
    expect(text).toContain("Crisisdienst, Bureaudienst");
    await expectAccessible(partner);

    const admin = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beheer@vt-kennemerland.example",
      contexts,
    });
    await admin.goto("/beheer/continuiteitsplan", { waitUntil: "networkidle" });
    await expectAccessible(admin);

    // Ended early: the partners are told, and the banner is gone.
    await admin.getByRole("button", { name: /^Beëindigen/ }).click();
    await waitForNotice(admin, "Het continuïteitsplan is beëindigd.");
    const [ended] = await database.db.select().from(continuityPlans);
    expect(ended).toMatchObject({ endedOn: today, endReason: "declared" });
    await partner.goto("/", { waitUntil: "networkidle" });
    expect(await partner.getByText("Continuïteitsplan van kracht").count()).toBe(0);

    // Declaring is VT's beheerder's: a partner's coördinator gets a proper refusal page.
    const coordinator = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "coordinator@swt-haarlem.example",
      contexts,
    });
    const refused = await coordinator.goto("/beheer/continuiteitsplan");
    expect(refused?.status()).toBe(403);
    await coordinator.getByRole("heading", { level: 1, name: "Geen toegang" }).waitFor();
  });
});
