import { mailOutbox, organisations, teamMunicipalities, teams } from "@ketenportaal/db";
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

// On PostgreSQL with the demo region; the test changes one demo team's gemeenten in its own database.
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

async function teamNamed(name: string) {
  const [team] = await database.db.select().from(teams).where(eq(teams.name, name));
  if (!team) throw new Error(`no team ${name}`);
  return team;
}

describe("the Organisaties and Teams pages", () => {
  it("edit a team's gemeenten and send a test message without JavaScript", async () => {
    const page = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beheer@vt-kennemerland.example",
      contexts,
      javaScriptEnabled: false,
    });
    await page.goto("/beheer");
    await page.getByRole("link", { name: "Organisaties" }).click();
    await page.getByRole("heading", { level: 1, name: "Organisaties in de keten" }).waitFor();
    expect(await page.getByRole("row", { name: /Sociaal Wijkteam Haarlem/ }).textContent()).toContain("Lokaal team");

    // Deactivate and reactivate with the row's button; a stale edit form is told someone else saved first.
    const velsen = page.getByRole("row", { name: /Sociaal Wijkteam Velsen/ });
    await velsen.getByRole("button", { name: /^Op non-actief zetten/ }).click();
    await waitForNotice(page, "De wijzigingen aan de organisatie zijn opgeslagen.");
    expect(await velsen.textContent()).toContain("Niet actief");
    await velsen.getByRole("button", { name: /^Weer actief maken/ }).click();
    await waitForNotice(page, "De wijzigingen aan de organisatie zijn opgeslagen.");
    expect(await velsen.textContent()).toContain("Actief");
    await velsen.getByRole("link", { name: /Bewerken/ }).click();
    await page.getByRole("heading", { level: 2, name: "Organisatie Sociaal Wijkteam Velsen bewerken" }).waitFor();
    await database.db.update(organisations).set({ version: 99 }).where(eq(organisations.slug, "wijkteam-velsen"));
    await page.getByLabel("Naam").fill("Sociaal Wijkteam Velsen en omstreken");
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await page.getByText("Deze organisatie is intussen door iemand anders gewijzigd").first().waitFor();

    await page.goto("/beheer/teams");
    await page.getByLabel("Organisatie").selectOption({ label: "Sociaal Wijkteam Haarlem" });
    await page.getByRole("button", { name: "Teams tonen" }).click();
    await page.getByRole("table", { name: "Teams van Sociaal Wijkteam Haarlem" }).waitFor();
    await page
      .getByRole("row", { name: /Wijkteam Zuid-Kennemerland/ })
      .getByRole("link", { name: /Bewerken/ })
      .click();
    await page.getByRole("heading", { level: 2, name: "Team Wijkteam Zuid-Kennemerland bewerken" }).waitFor();

    // A bad address: the message at the field, nothing stored.
    await page.getByLabel("E-mailadres voor meldingen").fill("geen-adres");
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await page.getByText("Vul een geldig e-mailadres in.").first().waitFor();
    const before = await teamNamed("Wijkteam Zuid-Kennemerland");
    expect(before.version).toBe(1);

    await page.getByLabel("E-mailadres voor meldingen").fill("zuid-kennemerland@swt-haarlem.example");
    await page.getByLabel(/^Haarlemmermeer/).check();
    await page.getByLabel(/^Zandvoort/).uncheck();
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await waitForNotice(page, "De wijzigingen aan het team zijn opgeslagen.");
    const served = await database.db
      .select({ code: teamMunicipalities.municipalityCode })
      .from(teamMunicipalities)
      .where(eq(teamMunicipalities.teamId, before.id));
    expect(served.map((row) => row.code).sort()).toEqual(["GM0377", "GM0394", "GM0397"]);
    expect(await page.getByRole("row", { name: /Wijkteam Zuid-Kennemerland/ }).textContent()).toContain(
      "Haarlemmermeer",
    );

    await page
      .getByRole("row", { name: /Wijkteam Zuid-Kennemerland/ })
      .getByRole("button", { name: /^Testbericht sturen/ })
      .click();
    await waitForNotice(page, "Het testbericht staat klaar");
    const mails = await database.db.select().from(mailOutbox).where(eq(mailOutbox.template, "team_test_message"));
    expect(mails.map((mail) => mail.toAddress)).toEqual(["zuid-kennemerland@swt-haarlem.example"]);
  });

  it("show a partner coördinator only their own teams' address, and pass axe with JavaScript on", async () => {
    const coordinator = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "coordinator@swt-haarlem.example",
      contexts,
    });
    await coordinator.goto("/beheer/teams", { waitUntil: "networkidle" });
    await coordinator.getByRole("table", { name: "Teams van Sociaal Wijkteam Haarlem" }).waitFor();
    expect(await coordinator.getByLabel("Organisatie").count()).toBe(0);
    await coordinator
      .getByRole("row", { name: /Wijkteam Haarlem/ })
      .first()
      .getByRole("link", { name: /Bewerken/ })
      .click();
    await coordinator.getByLabel("E-mailadres voor meldingen").waitFor();
    expect(await coordinator.getByLabel("Naam van het team").count()).toBe(0);
    expect(await coordinator.getByRole("group", { name: "Gemeenten die het team bedient" }).count()).toBe(0);
    await expectAccessible(coordinator);
    const refused = await coordinator.goto("/beheer/organisaties");
    expect(refused?.status()).toBe(403);

    const admin = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beheer@vt-kennemerland.example",
      contexts,
    });
    await admin.goto("/beheer/organisaties", { waitUntil: "networkidle" });
    await expectAccessible(admin);
    const [swt] = await database.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, "swt-haarlem"));
    await admin.goto(`/beheer/teams?organisatie=${swt?.id}`, { waitUntil: "networkidle" });
    await expectAccessible(admin);
    // An error summary after a bad OIN takes the focus and passes axe too.
    await admin.goto("/beheer/organisaties", { waitUntil: "networkidle" });
    await admin.getByLabel("Naam").fill("Wijkteam Test");
    await admin.getByLabel("Soort organisatie").selectOption({ label: "Lokaal team" });
    await admin.getByLabel("OIN (optioneel)").fill("1234");
    await admin.getByRole("button", { name: "Organisatie toevoegen" }).click();
    await admin.getByText("Een OIN bestaat uit 20 cijfers; dit zijn er 4.").first().waitFor();
    await expectAccessible(admin);
  });
});
