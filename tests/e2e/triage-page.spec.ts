import { cases, mailOutbox, organisations } from "@ketenportaal/db";
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
const REFERENCE = "E2E-TRIAGE-1";
const MELDER_EMAIL = "zorgcoordinator@school.example";
let caseId = "";

// On PostgreSQL: a melding whose assessment was due long ago, so it leads the queue whatever the demo holds.
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
      reportedAt: new Date("2026-01-05T09:00:00Z"),
      safetyAssessmentDueOn: "2026-01-12",
    })
    .returning({ id: cases.id });
  caseId = created?.id ?? "";
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
  await database?.drop();
});

describe("the Triage page", () => {
  it("lists the overdue melding first and records melding, assessment and feedback without JavaScript", async () => {
    const page = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "coordinator.haarlem@vt-kennemerland.example",
      contexts,
      javaScriptEnabled: false,
    });
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Triage" }).click();
    await page.getByRole("heading", { level: 1, name: "Triage: open veiligheidsbeoordelingen" }).waitFor();
    const firstRow = page.locator("tbody tr").first();
    expect(await firstRow.textContent()).toContain(REFERENCE);
    expect(await firstRow.textContent()).toMatch(/Te laat: \d+ werkdagen over de termijn/);

    await page.getByRole("link", { name: `Melding ${REFERENCE} bekijken en vastleggen` }).click();
    await page.getByRole("heading", { level: 1, name: `Melding ${REFERENCE}` }).waitFor();

    // A citizen's e-mail address is refused with a Dutch message at the field, nothing stored.
    await page.getByLabel("Niet-professionele melder").check();
    await page.getByLabel("E-mailadres van de professionele melder (niet verplicht)").fill(MELDER_EMAIL);
    await page.getByRole("button", { name: "Melding opslaan" }).click();
    await page.getByRole("alert").first().waitFor();
    expect(await page.locator("main").textContent()).toContain(
      "Leg alleen het e-mailadres van een professionele melder vast.",
    );
    const [unchanged] = await database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(unchanged?.melderKind).toBeNull();

    await page.getByLabel("Professionele melder", { exact: true }).check();
    await page.getByLabel("Kinderen in het huishouden").check();
    await page.getByRole("button", { name: "Melding opslaan" }).click();
    await waitForNotice(page, "De melding is opgeslagen.");
    expect(await page.locator("main dl").textContent()).toContain("Hoog");

    await page.getByLabel("Conclusie van de veiligheidsbeoordeling").fill("Onderzoek door VT nodig.");
    await page.getByRole("button", { name: "Veiligheidsbeoordeling afronden" }).click();
    await waitForNotice(page, "De veiligheidsbeoordeling is afgerond.");

    await page.getByRole("button", { name: "Onderzoek starten" }).click();
    await waitForNotice(page, "Het onderzoek is gestart.");

    await page.getByLabel("Welke stap hebt u teruggekoppeld?").selectOption("investigation_started");
    await page.getByRole("button", { name: "Terugkoppeling vastleggen" }).click();
    await waitForNotice(page, "De terugkoppeling aan de melder is vastgelegd.");
    const feedbackRow = page.getByRole("row", { name: /Onderzoek gestart/ });
    expect(await feedbackRow.textContent()).toContain("Verstuurd");
    expect(page.url()).not.toContain("school.example");

    const mails = await database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, MELDER_EMAIL));
    expect(mails).toHaveLength(1);
    const content = `${mails[0]?.subject} ${mails[0]?.bodyText} ${mails[0]?.bodyHtml}`;
    for (const caseContent of [REFERENCE, "Haarlem", "Onderzoek door VT nodig", caseId]) {
      expect(content).not.toContain(caseContent);
    }
  });

  it("passes axe with JavaScript, and is refused to a partner", async () => {
    const page = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "medewerker@vt-kennemerland.example",
      contexts,
    });
    await page.goto("/triage", { waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 1, name: "Triage: open veiligheidsbeoordelingen" }).waitFor();
    await expectAccessible(page);
    await page.goto(`/triage/${caseId}`, { waitUntil: "networkidle" });
    await expectAccessible(page);

    const partner = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "medewerker@swt-haarlem.example",
      contexts,
    });
    const response = await partner.goto("/triage");
    expect(response?.status()).toBe(403);
  });
});
