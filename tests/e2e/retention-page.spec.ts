import { cases, organisations, retentionRequests } from "@ketenportaal/db";
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
const REFERENCE = "E2E-BEWAAR-1";

/** "26 februari 2027": how the page shows an Amsterdam calendar date. */
const shown = (date: string) =>
  new Intl.DateTimeFormat("nl-NL", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(
    new Date(`${date}T12:00:00Z`),
  );

// On PostgreSQL: the test adds a closed file (a case with nothing in progress) while the server runs.
beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  [server, browser] = await Promise.all([
    startServer({ env: { DATABASE_URL: database.url, DEMO_SEED: "1" } }),
    launchBrowser(),
  ]);
  const [vt] = await database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, "vt-kennemerland"));
  await database.db.insert(cases).values({
    organisationId: vt?.id ?? "",
    reference: REFERENCE,
    municipalityCode: "GM0392",
    reportedAt: new Date(),
    safetyAssessmentDueOn: "2026-01-01",
  });
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
  await database?.drop();
});

describe("the Bewaartermijnen page", () => {
  it("records a Wmo request without JavaScript, shows its deadline, and destroys the file on request", async () => {
    const page = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beheer@vt-kennemerland.example",
      contexts,
      javaScriptEnabled: false,
    });
    await page.goto("/beheer");
    await page.getByRole("link", { name: "Bewaartermijnen" }).click();
    await page.getByRole("heading", { level: 1, name: "Bewaartermijnen en vernietiging" }).waitFor();

    // Nothing filled in: a Dutch message at the field, nothing stored.
    await page.getByLabel("Kenmerk van het dossier").fill("");
    await page.getByRole("button", { name: "Verzoek vastleggen" }).click();
    await page.getByRole("alert").first().waitFor();
    expect(await page.locator("main").textContent()).toContain("Vul het kenmerk van het dossier in.");
    expect(await database.db.select().from(retentionRequests)).toEqual([]);

    await page.getByLabel("Kenmerk van het dossier").fill(REFERENCE);
    await page.getByLabel("Betrokkene zelf").check();
    await page.getByRole("button", { name: "Verzoek vastleggen" }).click();
    await waitForNotice(page, "Het verzoek om vernietiging is vastgelegd.");
    const [request] = await database.db.select().from(retentionRequests);
    expect(request?.status).toBe("open");
    const row = page.getByRole("row", { name: new RegExp(REFERENCE) });
    expect(await row.textContent()).toContain(shown(request?.dueOn ?? ""));

    const withScript = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beheer@vt-kennemerland.example",
      contexts,
    });
    await withScript.goto("/beheer/bewaartermijnen", { waitUntil: "networkidle" });
    await expectAccessible(withScript);
    await withScript
      .getByRole("row", { name: new RegExp(REFERENCE) })
      .getByRole("button", { name: /^Dossier vernietigen/ })
      .click();
    await waitForNotice(withScript, "Het dossier is vernietigd.");
    expect(await database.db.select().from(cases).where(eq(cases.reference, REFERENCE))).toEqual([]);
    const [done] = await database.db.select().from(retentionRequests);
    expect(done?.status).toBe("carried_out");
  });
});
