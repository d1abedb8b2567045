import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectAccessible,
  launchBrowser,
  waitForNotice as notice,
  openPortalAs,
  type ServerHandle,
  startServer,
} from "../support";

const REFERENCE = "VT-E2E-0001";
let server: ServerHandle;
let browser: Browser;
const contexts: BrowserContext[] = [];
let handoverPath = "";

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

const logIn = (email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> =>
  openPortalAs({ browser, baseUrl: server.url, email, contexts, ...options });

function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
}

describe("a handover from VT to a sociaal wijkteam and back", () => {
  let vt: Page;
  let partner: Page;

  it("lets the VT medewerker compose a complete package and offer it", async () => {
    vt = await logIn("medewerker@vt-kennemerland.example");
    await vt.goto("/overdrachten", { waitUntil: "networkidle" });
    await expectAccessible(vt);
    await vt.getByRole("link", { name: "Nieuwe overdracht" }).click();
    await vt.waitForURL(/\/overdrachten\/nieuw/);
    await vt.waitForLoadState("networkidle");
    await expectAccessible(vt);

    await vt.getByLabel("VT-registratienummer").fill(REFERENCE);
    await vt.getByLabel("Gemeente").selectOption({ label: "Haarlem (regio Haarlem e.o.)" });
    await vt.getByLabel("Meldingsdatum").fill("2026-11-18");
    await vt.getByLabel("Prioriteit").selectOption({ label: "Hoog" });
    await vt.getByLabel("Veiligheidsbeoordeling afgerond").check();
    await vt.getByLabel("Conclusie van de veiligheidsbeoordeling").fill("Onveilige situatie; hulp thuis is nodig.");
    const persons = [
      { role: "Kind", name: "Pien Ploeg", year: "2017" },
      { role: "Ouder", name: "Joost Ploeg", year: "1986" },
    ];
    for (const [index, person] of persons.entries()) {
      const group = vt.getByRole("group", { name: `Directbetrokkene ${index + 1}`, exact: true });
      await group.getByLabel("Rol").selectOption({ label: person.role });
      await group.getByLabel("Naam").fill(person.name);
      await group.getByLabel("Geboortejaar").fill(person.year);
      await group.getByRole("group", { name: "Gesproken?" }).getByLabel("Ja").check();
    }
    await vt.getByLabel("Ontvangend team").selectOption({ label: "Wijkteam Haarlem" });
    await vt.getByLabel("Zorgen").fill("Spanningen thuis met gevolgen voor het kind.");
    await vt.getByLabel("Veiligheidsvoorwaarden").fill("Geen geweld in het bijzijn van het kind.");
    await vt.getByLabel("Visie van het huishouden").fill("De ouders willen hulp bij opvoeding.");
    await vt.getByLabel("Aanspreekpunt Veilig Thuis").selectOption({ label: "Hanna Jansen (Haarlem e.o.)" });
    await vt.getByRole("group", { name: "Gaat Veilig Thuis mee op het eerste huisbezoek?" }).getByLabel("Ja").check();
    await vt.getByRole("button", { name: "Opslaan als concept" }).click();
    await notice(vt, "De overdracht is opgeslagen als concept.");
    handoverPath = new URL(vt.url()).pathname;
    expect(handoverPath).toMatch(/^\/overdrachten\/[0-9a-f-]{36}$/);
    expect(vt.url()).not.toContain("Ploeg");
    await expectAccessible(vt);

    await vt.getByRole("button", { name: "Aanbieden" }).click();
    await notice(vt, "De overdracht is aangeboden aan het ontvangende team.");
    expect(await vt.locator("main").textContent()).toContain("Aangeboden");
  });

  it("lets the partner find it in the inbox, accept, register first contact and complete it", async () => {
    partner = await logIn("medewerker@swt-haarlem.example");
    await partner.goto("/overdrachten", { waitUntil: "networkidle" });
    const inbox = partner.getByRole("table", { name: "Aangeboden overdrachten" });
    await expect.poll(() => inbox.textContent()).toContain(REFERENCE);
    await expectAccessible(partner);
    await inbox.getByRole("link", { name: REFERENCE }).click();
    await partner.waitForURL(`${server.url}${handoverPath}`);
    await partner.getByRole("heading", { level: 1, name: `Overdracht ${REFERENCE}` }).waitFor();
    await partner.waitForLoadState("networkidle");
    expect(await partner.locator("main").textContent()).toContain("Pien Ploeg");
    await expectAccessible(partner);

    await partner.getByRole("button", { name: "Accepteren" }).click();
    await notice(partner, "U heeft de overdracht geaccepteerd.");

    await partner.getByLabel("Datum eerste contact").fill(today());
    await partner.getByRole("button", { name: "Eerste contact vastleggen" }).click();
    await notice(partner, "Het eerste contact met het huishouden is vastgelegd.");

    await partner.getByRole("group", { name: "Uitkomst" }).getByLabel("Hulp is gestart").check();
    await partner.getByRole("button", { name: "Afronden" }).click();
    await notice(partner, "De overdracht is afgerond.");
    await expectAccessible(partner);
  });

  it("shows the VT medewerker each step in the meldingen and on the timeline", async () => {
    await vt.goto("/", { waitUntil: "networkidle" });
    await vt.getByRole("link", { name: /^Meldingen\W+\d+ ongelezen$/ }).waitFor();

    await vt.goto(handoverPath, { waitUntil: "networkidle" });
    const main = (await vt.locator("main").textContent()) ?? "";
    expect(main).toContain("Afgerond");
    for (const step of ["Aangeboden door Mira de Vries", "Sanne Visser (Sociaal Wijkteam Haarlem)"]) {
      expect(main).toContain(step);
    }
    await expectAccessible(vt);

    // Having opened the handover, its notices count as read; older demo notices may still be unread.
    await vt.getByRole("link", { name: /^Meldingen/ }).click();
    await vt.waitForURL(/\/meldingen/);
    await vt.getByRole("heading", { level: 1, name: "Meldingen" }).waitFor();
    const list = (await vt.locator("main").textContent()) ?? "";
    expect(list).toContain(`Overdracht ${REFERENCE} is geaccepteerd door Wijkteam Haarlem.`);
    expect(list).toContain(`Overdracht ${REFERENCE} is afgerond door Wijkteam Haarlem.`);
    await expectAccessible(vt);
  });
});
