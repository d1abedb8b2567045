import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  expectAccessible,
  launchBrowser,
  waitForNotice as notice,
  openPortalAs,
  type ServerHandle,
  startServer,
  type TestDatabase,
} from "../support";

const HANDOVER_CASE = "VT-2026-0112";
const POSTPONED_CASE = "VT-2026-0102";
const TRAJECTORY_CASE = "VT-2026-0106";
let database: TestDatabase;
let server: ServerHandle;
let browser: Browser;
const contexts: BrowserContext[] = [];

// On PostgreSQL with the demo seed: it starts faster than the embedded database, which keeps the spec short.
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

const logIn = (email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> =>
  openPortalAs({ browser, baseUrl: server.url, email, contexts, ...options });

function agendaItem(page: Page, reference: string): Locator {
  return page.getByRole("region", { name: new RegExp(`^\\d+\\. Casus ${reference}$`) });
}

describe("an overdrachtstafel run by the VT teamcoördinator", () => {
  let chair: Page;
  let meetingPath = "";

  it("opens the region's upcoming meeting and plans nothing without the required fields", async () => {
    chair = await logIn("coordinator.haarlem@vt-kennemerland.example");
    await chair.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Overdrachtstafels" }).click();
    await chair.waitForURL(/\/overdrachtstafels$/);
    await chair.waitForLoadState("networkidle");
    await expectAccessible(chair);

    await chair.getByRole("link", { name: "Nieuwe overdrachtstafel plannen" }).click();
    await chair.waitForURL(/\/overdrachtstafels\/nieuw$/);
    await chair.waitForLoadState("networkidle");
    await chair.getByRole("button", { name: "Overdrachtstafel plannen" }).click();
    await chair.getByRole("alert").getByText("Kies een regio.").waitFor();
    expect(await chair.getByRole("alert").textContent()).toContain("Kies ten minste één deelnemende ketenpartner.");
    await expectAccessible(chair);

    await chair.goto("/overdrachtstafels", { waitUntil: "networkidle" });
    await chair.getByLabel("Regio").selectOption({ label: "Haarlem e.o." });
    await chair.getByRole("button", { name: "Filter toepassen" }).click();
    await chair.waitForURL(/regio=[0-9a-f-]{36}/);
    const upcoming = chair.getByRole("table", { name: "Komende overdrachtstafels, de eerste bovenaan" });
    await upcoming.getByRole("link", { name: /^Overdrachtstafel Haarlem e\.o\./ }).click();
    await chair.waitForURL(/\/overdrachtstafels\/[0-9a-f-]{36}$/);
    await chair.waitForLoadState("networkidle");
    meetingPath = new URL(chair.url()).pathname;
    await agendaItem(chair, HANDOVER_CASE).waitFor();
    await expectAccessible(chair);
  });

  it("refuses to close while items are undecided, shows the package gate, then decides both items", async () => {
    await chair.getByRole("button", { name: "Tafel sluiten" }).click();
    await chair
      .getByRole("alert")
      .getByText(/besluit/)
      .first()
      .waitFor();

    const item = agendaItem(chair, HANDOVER_CASE);
    await item.getByText(`Besluit vastleggen voor casus ${HANDOVER_CASE}`).click();
    await item.getByRole("group", { name: "Besluit" }).getByLabel("Overdracht aan een ketenpartner").check();
    await item.getByLabel("Ontvangend team").selectOption({ label: "Wijkteam Haarlem" });
    await item.getByLabel("Accepteert namens de ketenpartner").selectOption({ label: "Sanne Visser" });
    await item.getByRole("button", { name: "Besluit vastleggen" }).click();
    await item.getByRole("heading", { name: `Wat ontbreekt voor de overdracht van casus ${HANDOVER_CASE}` }).waitFor();
    await chair.waitForLoadState("networkidle");
    await expectAccessible(chair);

    await item.getByLabel("Zorgen").fill("Spanningen thuis met gevolgen voor het kind.");
    await item.getByLabel("Veiligheidsvoorwaarden").fill("Geen geweld in het bijzijn van het kind.");
    await item.getByLabel("Visie van het huishouden").fill("De ouders willen hulp bij opvoeding.");
    await item.getByLabel("Aanspreekpunt Veilig Thuis").selectOption({ label: "Hanna Jansen" });
    await item.getByRole("group", { name: "Gaat Veilig Thuis mee op het eerste huisbezoek?" }).getByLabel("Ja").check();
    await item.getByRole("button", { name: "Besluit vastleggen" }).click();
    await notice(chair, "Het besluit is vastgelegd.");
    expect(await agendaItem(chair, HANDOVER_CASE).textContent()).toContain("Wijkteam Haarlem");

    const postponed = agendaItem(chair, POSTPONED_CASE);
    await postponed.getByText(`Besluit vastleggen voor casus ${POSTPONED_CASE}`).click();
    await postponed
      .getByRole("group", { name: "Besluit" })
      .getByLabel("Uitstellen naar de volgende overdrachtstafel")
      .check();
    await postponed.getByRole("button", { name: "Besluit vastleggen" }).click();
    await notice(chair, "Het besluit is vastgelegd.");
    await agendaItem(chair, POSTPONED_CASE).getByRole("link", { name: "Naar de volgende overdrachtstafel" }).waitFor();
  });

  it("closes the meeting and shows the minutes with case references only", async () => {
    await chair.getByRole("button", { name: "Tafel sluiten" }).click();
    await notice(chair, "De overdrachtstafel is gesloten.");
    await chair.getByRole("link", { name: "Verslag bekijken" }).click();
    await chair.waitForURL(/\/verslag$/);
    await chair.waitForLoadState("networkidle");
    const minutes = chair.getByRole("table", { name: "Besluiten per casus" });
    const text = (await minutes.textContent()) ?? "";
    expect(text).toContain(HANDOVER_CASE);
    expect(text).toContain("Sociaal Wijkteam Haarlem, Wijkteam Haarlem");
    expect(text).toContain("Eerste contact uiterlijk");
    expect(text).toContain("Op de tafel van");
    expect(await chair.locator("main").textContent()).not.toContain("Hoekstra");
    await expectAccessible(chair);
    await chair.emulateMedia({ media: "print" });
    expect(await chair.getByRole("navigation", { name: "Hoofdmenu" }).isVisible()).toBe(false);
    expect(await chair.getByRole("link", { name: "Afdrukken" }).isVisible()).toBe(false);
    await chair.emulateMedia({ media: "screen" });
    expect(meetingPath).toMatch(/^\/overdrachtstafels\//);
  });

  it("shows the receiving partner worker the handover as accepted", async () => {
    const partner = await logIn("medewerker@swt-haarlem.example");
    await partner.goto("/overdrachten", { waitUntil: "networkidle" });
    const ongoing = partner.getByRole("table", { name: "Lopende overdrachten" });
    const row = ongoing.locator("tbody tr", { hasText: HANDOVER_CASE });
    expect(await row.textContent()).toContain("Geaccepteerd");
  });
});

describe("a V&V trajectory worked by VT and the partner together", () => {
  let vt: Page;
  let trajectoryPath = "";

  it("lets the VT medewerker change a condition with a note and write on the shared timeline", async () => {
    vt = await logIn("medewerker@vt-kennemerland.example");
    await vt.goto("/voorwaarden-en-vervolg/nieuw", { waitUntil: "networkidle" });
    await vt.getByRole("button", { name: "Traject openen" }).click();
    await vt.getByRole("alert").getByText("Kies de ketenpartner die samen met Veilig Thuis oploopt.").waitFor();
    await expectAccessible(vt);

    await vt.goto("/voorwaarden-en-vervolg", { waitUntil: "networkidle" });
    await expectAccessible(vt);
    await vt.getByRole("link", { name: `V&V-traject ${TRAJECTORY_CASE}` }).click();
    await vt.waitForURL(/\/voorwaarden-en-vervolg\/[0-9a-f-]{36}$/);
    await vt.getByRole("heading", { level: 1, name: `V&V-traject ${TRAJECTORY_CASE}` }).waitFor();
    await vt.waitForLoadState("networkidle");
    trajectoryPath = new URL(vt.url()).pathname;
    expect(await vt.locator("main").textContent()).toContain("Verlopen, nog niet vastgelegd");
    await expectAccessible(vt);

    const condition = vt.getByRole("region", { name: /^Voorwaarde 1/ });
    await condition.getByText("Voorwaarde 1 wijzigen").click();
    await condition.getByRole("group", { name: "Nieuwe status" }).getByLabel("Nagekomen", { exact: true }).check();
    await condition.getByRole("button", { name: "Wijziging opslaan" }).click();
    await condition.getByText("Licht de wijziging toe.").first().waitFor();
    await condition.getByLabel("Toelichting").fill("Moeder belde het CJG na een ruzie.");
    await condition.getByRole("button", { name: "Wijziging opslaan" }).click();
    await notice(vt, "De wijziging van de voorwaarde is opgeslagen.");
    const history = vt.getByRole("table", { name: "Geschiedenis van voorwaarde 1" });
    const row = history.locator("tbody tr", { hasText: "Open → Nagekomen" });
    expect(await row.textContent()).toContain("Mira de Vries (Veilig Thuis Kennemerland)");
    expect(await row.textContent()).toContain("Moeder belde het CJG na een ruzie.");

    await vt.getByLabel("Bericht", { exact: true }).fill("Huisbezoek met het CJG staat voor volgende week.");
    await vt.getByRole("button", { name: "Bericht toevoegen" }).click();
    await notice(vt, "Het bericht staat op de tijdlijn.");
  });

  it("lets the partner worker, without JavaScript, record the overdue monitoring moment and answer", async () => {
    const partner = await logIn("medewerker@cjg-haarlemmermeer.example", { javaScriptEnabled: false });
    await partner.goto("/voorwaarden-en-vervolg");
    await partner.getByRole("link", { name: `V&V-traject ${TRAJECTORY_CASE}` }).click();
    await partner.waitForURL(`${server.url}${trajectoryPath}`);
    const timeline = partner.getByRole("region", { name: "Gezamenlijke tijdlijn" });
    expect(await timeline.textContent()).toContain("Huisbezoek met het CJG staat voor volgende week.");

    await partner.getByText(/^Uitkomst vastleggen van het monitoringsmoment van/).click();
    await partner.getByLabel("Uitkomst", { exact: true }).fill("Afspraken doorgenomen; huisbezoek is gepland.");
    await partner.getByLabel(/^Voorwaarde 2: /).selectOption({ label: "Nagekomen" });
    await partner.getByRole("button", { name: "Uitkomst vastleggen" }).click();
    await partner.waitForURL(/gelukt=monitoring-vastgelegd/);
    await partner.getByText("De uitkomst van het monitoringsmoment is vastgelegd.").waitFor();
    const moments = partner.getByRole("table", { name: "Monitoringsmomenten" });
    expect(await moments.textContent()).toContain("Vastgelegd");
    expect(await moments.textContent()).toContain("Voorwaarde 2: Nagekomen");

    await partner.getByLabel("Bericht", { exact: true }).fill("Wij gaan mee op het huisbezoek.");
    await partner.getByRole("button", { name: "Bericht toevoegen" }).click();
    await partner.waitForURL(/gelukt=bericht-geplaatst/);
    const entries = (await timeline.textContent()) ?? "";
    expect(entries).toContain("Wij gaan mee op het huisbezoek.");
    expect(entries).toContain("Charlotte Smit (CJG Haarlemmermeer)");

    await vt.goto(trajectoryPath, { waitUntil: "networkidle" });
    expect(await vt.locator("main").textContent()).toContain("Wij gaan mee op het huisbezoek.");
  });

  it("lets VT close the trajectory only once no condition is open, naming who continues with the household", async () => {
    await vt.goto(trajectoryPath, { waitUntil: "networkidle" });
    const close = vt.getByRole("region", { name: "Traject afsluiten" });
    await close.getByRole("button", { name: "Traject afsluiten" }).click();
    await vt.getByText("Kies de uitkomst van het traject.").first().waitFor();

    // Every condition still open gets its final status first, each with a note.
    for (const condition of await vt.getByRole("region", { name: /^Voorwaarde \d+/ }).all()) {
      const status = condition.getByRole("group", { name: "Nieuwe status" });
      const toggle = condition.getByText(/^Voorwaarde \d+ wijzigen$/);
      if ((await toggle.count()) === 0) continue;
      await toggle.click();
      const met = status.getByLabel("Nagekomen", { exact: true });
      if ((await met.count()) === 0) continue;
      await met.check();
      await condition.getByLabel("Toelichting").fill("Afgesproken en gedaan.");
      await condition.getByRole("button", { name: "Wijziging opslaan" }).click();
      await notice(vt, "De wijziging van de voorwaarde is opgeslagen.");
    }

    await vt
      .getByRole("region", { name: "Traject afsluiten" })
      .getByLabel("Hulp loopt door bij de ketenpartner")
      .check();
    await vt.getByLabel("Organisatie die verder gaat").selectOption({ label: "CJG Haarlemmermeer" });
    await vt.getByLabel("Persoon die verder gaat").selectOption({ label: "Charlotte Smit" });
    await vt.getByRole("button", { name: "Traject afsluiten" }).click();
    await notice(vt, "Het V&V-traject is afgesloten.");
    expect(await vt.locator("main").textContent()).toContain("Afgesloten");
    await expectAccessible(vt);
  });
});
