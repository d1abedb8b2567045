import { readFile } from "node:fs/promises";
import { auditLog, cases, organisations } from "@ketenportaal/db";
import { and, eq, sql } from "drizzle-orm";
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
} from "../support";

let database: TestDatabase;
let server: ServerHandle;
let browser: Browser;
const contexts: BrowserContext[] = [];

// A period in the past that the demo data does not touch, so every figure is the test's own.
const FROM = "2025-03-03";
const TO = "2025-03-16";

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
  const melding = (index: number, municipalityCode: string, completedAt: Date | null) => ({
    organisationId: vt?.id ?? "",
    reference: `E2E-RAPPORT-${index}`,
    municipalityCode,
    reportedAt: new Date("2025-03-04T09:00:00Z"),
    safetyAssessmentDueOn: "2025-03-11",
    safetyAssessmentCompletedAt: completedAt,
  });
  // Haarlem: 6 meldingen, 5 assessed in time and 1 a day late (83,3%: below the 90% norm). Zandvoort: 2.
  await database.db
    .insert(cases)
    .values([
      ...[1, 2, 3, 4, 5].map((i) => melding(i, "GM0392", new Date("2025-03-10T12:00:00Z"))),
      melding(6, "GM0392", new Date("2025-03-12T12:00:00Z")),
      melding(7, "GM0473", null),
      melding(8, "GM0473", null),
    ]);
  // A continuity plan that covered three days of the period.
  await database.db.execute(sql`insert into continuity_plans (organisation_id, starts_on, expected_end_on, services,
      declared_by_user_id, declared_at, start_notified_at, ended_on, end_reason, end_notified_at)
    select ${vt?.id ?? ""}::uuid, '2025-03-10', '2025-03-12', array['crisis_service', 'duty_desk'], u.id,
           '2025-03-07T09:00:00Z', '2025-03-10T06:00:00Z', '2025-03-12', 'reached', '2025-03-13T06:00:00Z'
    from users u where u.email = 'beheer@vt-kennemerland.example'`);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
  await database?.drop();
});

describe("the gemeente report", () => {
  it("shows a gemeente its own figures and its region's, with charts and their tables, accessibly", async () => {
    const page = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beleid@gemeente-haarlem.example",
      contexts,
    });
    await page.getByRole("link", { name: "Werkvoorraad en rapportages" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Werkvoorraad en doorlooptijden" }).waitFor();
    await page.getByLabel("Van", { exact: true }).fill(FROM);
    await page.getByLabel("Tot en met", { exact: true }).fill(TO);
    await page.getByRole("button", { name: "Toon cijfers" }).click();
    await page.waitForURL(/van=2025-03-03&tot=2025-03-16/);
    await page.getByRole("heading", { name: "Periode: 3 maart 2025 tot en met 16 maart 2025" }).waitFor();

    const table = page.getByRole("table", { name: "Meldingen en veiligheidsbeoordelingen" });
    const rows = await table.locator("tbody tr").allTextContents();
    expect(rows).toHaveLength(2); // the region and Haarlem: no other gemeente
    expect(await table.getByRole("row", { name: /Regio Haarlem e\.o\./ }).textContent()).toContain("8");
    const haarlem = table.getByRole("row", { name: /^Haarlem/ });
    const cells = await haarlem.getByRole("cell").allTextContents();
    expect(cells.slice(0, 3)).toEqual(["6", "6", "83,3% (onder de norm)"]);
    expect(await page.locator("main").textContent()).not.toContain("Zandvoort");
    expect(await page.locator("main").textContent()).toContain(
      "Van 10 maart 2025 tot en met 12 maart 2025 draaide Veilig Thuis alleen: Crisisdienst, Bureaudienst.",
    );

    await page.getByRole("img", { name: /Triages ouder dan 5 werkdagen, per regio/ }).waitFor();
    await page.getByRole("img", { name: /Doorlooptijden van overdrachten, per regio/ }).waitFor();
    await page.getByRole("table", { name: /Triages ouder dan 5 werkdagen, per regio \(de cijfers/ }).waitFor();
    await expectAccessible(page);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download als CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("werkvoorraad-2025-03-03-2025-03-16.csv");
    const csv = await readFile((await download.path()) ?? "", "utf8");
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]?.startsWith("Soort;Regio;Gemeentecode;Naam;Van;Tot en met;Meldingen ontvangen;")).toBe(true);
    expect(lines.slice(1).map((line) => line.split(";").slice(0, 9))).toEqual([
      ["regio", "Haarlem e.o.", "", "Haarlem e.o.", FROM, TO, "8", "6", "83,3"],
      ["gemeente", "Haarlem e.o.", "GM0392", "Haarlem", FROM, TO, "6", "6", "83,3"],
    ]);

    const reads = await database.db
      .select({ objectId: auditLog.objectId })
      .from(auditLog)
      .where(and(eq(auditLog.objectType, "report.gemeente"), eq(auditLog.role, "policy_officer")));
    expect(reads.map((row) => row.objectId)).toContain(`${FROM}/${TO} GM0392`);
  });

  it("says in Dutch what is wrong with a period, without JavaScript, and shows the last two weeks meanwhile", async () => {
    const page = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beleid@gemeente-haarlem.example",
      contexts,
      javaScriptEnabled: false,
    });
    await page.goto(`/rapportages?van=${TO}&tot=${FROM}`);
    await page.getByRole("heading", { level: 1, name: "Werkvoorraad en doorlooptijden" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("De einddatum ligt voor de begindatum.");
    await page.getByRole("table", { name: "Meldingen en veiligheidsbeoordelingen" }).waitFor();
  });

  it("lets a VT teamcoördinator write a region's knelpunten without JavaScript, and the gemeente reads them", async () => {
    const coordinator = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "coordinator.haarlem@vt-kennemerland.example",
      contexts,
      javaScriptEnabled: false,
    });
    await coordinator.goto("/rapportages");
    const field = coordinator.getByLabel(/^Knelpunten Haarlem e\.o\., /);
    await field.fill("Wachttijd in Zandvoort loopt op; zie BSN 111222333.");
    await field.locator("xpath=ancestor::form").getByRole("button", { name: "Knelpunt opslaan" }).click();
    expect(await coordinator.locator("main").textContent()).toContain("Er staat een BSN in de tekst.");
    const text = "Wachttijd in Zandvoort loopt op door ziekte in het team; extra inzet vanaf maandag.";
    await coordinator.getByLabel(/^Knelpunten Haarlem e\.o\., /).fill(text);
    await coordinator
      .getByLabel(/^Knelpunten Haarlem e\.o\., /)
      .locator("xpath=ancestor::form")
      .getByRole("button", { name: "Knelpunt opslaan" })
      .click();
    await coordinator.getByText("Het knelpunt is opgeslagen.").waitFor();
    expect(new URL(coordinator.url()).hash).toBe("#knelpunten");

    const gemeente = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beleid@gemeente-haarlem.example",
      contexts,
    });
    await gemeente.goto("/rapportages");
    const section = gemeente.getByRole("region", { name: "Knelpunten" });
    expect(await section.textContent()).toContain(text);
    // A gemeente reads them and has no form to write one.
    expect(await section.getByRole("button").count()).toBe(0);
    await expectAccessible(gemeente);
  });

  it("prints without the site's navigation, and refuses a partner", async () => {
    const page = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beleid@gemeente-haarlem.example",
      contexts,
    });
    await page.goto(`/rapportages?van=${FROM}&tot=${TO}&afdrukken`);
    await page.getByRole("link", { name: "Terug naar de rapportage" }).waitFor();
    expect(await page.locator(".kp-main-nav").isVisible()).toBe(false);

    const partner = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "medewerker@swt-haarlem.example",
      contexts,
    });
    const response = await partner.goto("/rapportages");
    expect(response?.status()).toBe(403);
    const csv = await partner.goto(`/rapportages/werkvoorraad.csv?van=${FROM}&tot=${TO}`);
    expect(csv?.status()).toBe(403);
  });
});
