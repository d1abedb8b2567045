import {
  caseChangeSignals,
  cases,
  organisations,
  waitingListContactFrequencies,
  waitingListContacts,
  waitingListEntries,
} from "@ketenportaal/db";
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
const REFERENCE = "E2E-WACHT-1";
const SIGNAL = "School meldt een nieuw incident.";
let caseId = "";

// On PostgreSQL: an assessed case on the wachtlijst since January, its contact moment long missed.
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
  const [created] = await database.db
    .insert(cases)
    .values({
      organisationId: vt?.id ?? "",
      reference: REFERENCE,
      municipalityCode: "GM0392",
      priority: "normal",
      reportedAt: new Date("2026-01-05T09:00:00Z"),
      safetyAssessmentDueOn: "2026-01-12",
      safetyAssessmentCompletedAt: new Date("2026-01-09T09:00:00Z"),
      conclusion: "Wacht op inzet van VT.",
    })
    .returning({ id: cases.id });
  caseId = created?.id ?? "";
  await database.db.insert(waitingListEntries).values({
    caseId,
    organisationId: vt?.id ?? "",
    priority: "normal",
    enteredOn: "2026-01-09",
    enteredAt: new Date("2026-01-09T10:00:00Z"),
    nextContactDueOn: "2026-01-23",
  });
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
  await database?.drop();
});

describe("the Wachtlijst page", () => {
  it("shows the missed contact first in words and records a letter without JavaScript", async () => {
    const page = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "medewerker@vt-kennemerland.example",
      contexts,
      javaScriptEnabled: false,
    });
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Wachtlijst" }).click();
    await page.getByRole("heading", { level: 1, name: "Wachtlijst: zicht op veiligheid" }).waitFor();
    const firstRow = page.locator("tbody tr").first();
    expect(await firstRow.textContent()).toContain(REFERENCE);
    expect(await firstRow.textContent()).toMatch(/Contact te laat: .* gemist \(\d+ werkdagen over de termijn\)/);

    // Filtered to another region the case is gone; to Haarlem it is there.
    await page.getByLabel("Gemeente").selectOption("GM0453");
    await page.getByRole("button", { name: "Filteren" }).click();
    await page.getByText("Er staan geen casussen op de wachtlijst").waitFor();
    await page.getByLabel("Gemeente").selectOption("GM0392");
    await page.getByRole("button", { name: "Filteren" }).click();
    await page.getByRole("link", { name: `Wachtlijst van casus ${REFERENCE}: contact of signaal vastleggen` }).click();
    await page.getByRole("heading", { level: 1, name: `Wachtlijst: casus ${REFERENCE}` }).waitFor();

    // No way chosen: the message is at the field and nothing is stored.
    await page.getByLabel("Uitkomst van het contact").fill("Brief: het gezin wacht langer dan gebruikelijk.");
    await page.getByRole("button", { name: "Contactmoment vastleggen" }).click();
    await page.getByRole("alert").first().waitFor();
    expect(await page.locator("main").textContent()).toContain("Kies hoe er contact was");
    expect(await database.db.select().from(waitingListContacts)).toHaveLength(0);

    await page.getByLabel("brief").check();
    await page.getByRole("button", { name: "Contactmoment vastleggen" }).click();
    await waitForNotice(page, "Het contactmoment is vastgelegd.");
    expect(await page.locator("main dl").textContent()).toContain("brief");
    const [entry] = await database.db.select().from(waitingListEntries).where(eq(waitingListEntries.caseId, caseId));
    expect(entry?.lastContactOn).not.toBeNull();
    expect(page.url()).not.toContain("Brief");
  });

  it("a teamcoördinator records a change signal and finds the case back on the Triage page; axe clean", async () => {
    const page = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "coordinator.haarlem@vt-kennemerland.example",
      contexts,
    });
    await page.goto("/wachtlijst", { waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 1, name: "Wachtlijst: zicht op veiligheid" }).waitFor();
    await expectAccessible(page);
    await page.goto(`/wachtlijst/${caseId}`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 1, name: `Wachtlijst: casus ${REFERENCE}` }).waitFor();
    await expectAccessible(page);

    await page.getByLabel("Een ketenpartner").check();
    await page.getByLabel("Wat is er veranderd?").selectOption("new_incident");
    await page.getByLabel("Korte beschrijving").fill(SIGNAL);
    await page.getByRole("button", { name: "Signaal vastleggen en triage heropenen" }).click();
    await waitForNotice(page, "Het veranderingssignaal is vastgelegd.");
    expect(await page.locator("main dl").textContent()).toMatch(/Heropend, beoordeling uiterlijk/);
    const signals = await database.db.select().from(caseChangeSignals).where(eq(caseChangeSignals.caseId, caseId));
    expect(signals).toHaveLength(1);

    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Triage" }).click();
    await page.getByRole("heading", { level: 1, name: "Triage: open veiligheidsbeoordelingen" }).waitFor();
    await page.getByRole("link", { name: `Melding ${REFERENCE} bekijken en vastleggen` }).waitFor();

    const partner = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "medewerker@swt-haarlem.example",
      contexts,
    });
    const response = await partner.goto("/wachtlijst");
    expect(response?.status()).toBe(403);
  });

  it("lets VT's functioneel beheerder set a region's contact frequencies without JavaScript; axe clean", async () => {
    const page = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beheer@vt-kennemerland.example",
      contexts,
      javaScriptEnabled: false,
    });
    await page.goto("/beheer");
    await page.getByRole("link", { name: "Contactfrequenties wachtlijst" }).click();
    await page.getByRole("heading", { level: 1, name: "Contactfrequenties van de wachtlijst" }).waitFor();
    await page.getByLabel("Regio").selectOption({ label: "IJmond" });
    await page.getByLabel("Prioriteit hoog: om de hoeveel werkdagen").fill("0");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.getByRole("alert").first().waitFor();
    expect(await database.db.select().from(waitingListContactFrequencies)).toHaveLength(0);
    await page.getByLabel("Regio").selectOption({ label: "IJmond" });
    await page.getByLabel("Prioriteit hoog: om de hoeveel werkdagen").fill("3");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await waitForNotice(page, "De contactfrequenties zijn opgeslagen.");
    expect(await page.getByRole("row", { name: /IJmond/ }).textContent()).toMatch(/3 werkdagen.*Eigen instelling/);

    const withScript = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beheer@vt-kennemerland.example",
      contexts,
    });
    await withScript.goto("/beheer/contactfrequenties", { waitUntil: "networkidle" });
    await expectAccessible(withScript);
    const worker = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "medewerker@vt-kennemerland.example",
      contexts,
    });
    expect((await worker.goto("/beheer/contactfrequenties"))?.status()).toBe(403);
  });
});
