import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectAccessible,
  launchBrowser,
  waitForNotice as notice,
  openPortalAs,
  type ServerHandle,
  startServer,
  visitedUrls,
} from "../support";
import { createPersonalDataScanner } from "../support/personal-data";

const REFERENCE = "VT-E2E-0001";
let server: ServerHandle;
let browser: Browser;
const contexts: BrowserContext[] = [];
let handoverPath = "";
/** Every line the server wrote, its access log included (LOG_LEVEL=info), scanned for the household at the end. */
const serverLog: string[] = [];
const household = [
  { role: "Kind", name: "Pien Ploeg", year: "2017", bsn: "1112 22 333", digits: "111222333" },
  { role: "Ouder", name: "Joost Ploeg", year: "1986", bsn: "1234.56.782", digits: "123456782" },
];

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({ env: { LOG_LEVEL: "info" }, onLogLine: (line) => serverLog.push(line) }),
    launchBrowser(),
  ]);
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
    for (const [index, person] of household.entries()) {
      const group = vt.getByRole("group", { name: `Directbetrokkene ${index + 1}`, exact: true });
      await group.getByLabel("Rol").selectOption({ label: person.role });
      await group.getByLabel("Naam").fill(person.name);
      await group.getByLabel("Geboortejaar").fill(person.year);
      // The child's BSN mistyped first: one digit off.
      await group.getByLabel("BSN (als bekend)").fill(index === 0 ? "1112 22 334" : person.bsn);
      await group.getByRole("group", { name: "Gesproken?" }).getByLabel("Ja").check();
    }
    await vt.getByLabel("Ontvangend team").selectOption({ label: "Wijkteam Haarlem" });
    await vt.getByLabel("Zorgen").fill("Spanningen thuis met gevolgen voor het kind.");
    await vt.getByLabel("Veiligheidsvoorwaarden").fill("Geen geweld in het bijzijn van het kind.");
    await vt.getByLabel("Visie van het huishouden").fill("De ouders willen hulp bij opvoeding.");
    await vt.getByLabel("Aanspreekpunt Veilig Thuis").selectOption({ label: "Hanna Jansen (Haarlem e.o.)" });
    await vt.getByRole("group", { name: "Gaat Veilig Thuis mee op het eerste huisbezoek?" }).getByLabel("Ja").check();
    await vt.getByRole("button", { name: "Opslaan als concept" }).click();
    const child = vt.getByRole("group", { name: "Directbetrokkene 1", exact: true });
    await child.getByText("Dit BSN is niet geldig (elfproef).").waitFor();
    await child.getByLabel("BSN (als bekend)").fill(household[0]?.bsn ?? "");
    await vt.getByRole("button", { name: "Opslaan als concept" }).click();
    await notice(vt, "De overdracht is opgeslagen als concept.");
    handoverPath = new URL(vt.url()).pathname;
    expect(handoverPath).toMatch(/^\/overdrachten\/[0-9a-f-]{36}$/);
    expect(vt.url()).not.toContain("Ploeg");

    // The BSN is shown masked; VT's own caseworker can ask for the full number (the API records that read).
    const persons = vt.getByRole("table", { name: "Directbetrokkenen van deze casus" });
    const html = await vt.content();
    expect(html).toContain("****.**.333");
    expect(html).toContain("BSN eindigend op 782");
    expect(html).not.toMatch(/1112\D?22\D?333|1234\D?56\D?782/);
    await persons.getByRole("button", { name: "Toon BSN van Pien Ploeg" }).click();
    await persons.getByText("1112.22.333").waitFor();
    await vt.waitForLoadState("networkidle");
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
    // The partner sees the BSN masked, with no way to the full number.
    const persons = partner.getByRole("table", { name: "Directbetrokkenen van deze casus" });
    expect(await persons.textContent()).toContain("****.**.782");
    expect(await persons.getByRole("button", { name: /Toon BSN/ }).count()).toBe(0);
    expect(await partner.content()).not.toMatch(/1112\D?22\D?333|1234\D?56\D?782/);
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

  it("put none of the household's names, birth years or BSNs in a URL the browser requested or a server log line", () => {
    const scanner = createPersonalDataScanner({
      persons: household.map((p) => ({ name: p.name, birthYear: Number(p.year), bsn: p.digits })),
      publicWords: ["Wijkteam Haarlem", "Hanna Jansen", "Mira de Vries", "Sanne Visser"],
      anyBsn: true,
    });
    const urls = visitedUrls(browser);
    // The scan had something to look at: pages, data requests, assets, and the server's access log of them.
    expect(urls.length).toBeGreaterThan(30);
    expect(urls.some((url) => url.includes(handoverPath))).toBe(true);
    expect(serverLog.filter((line) => line.includes(handoverPath)).length).toBeGreaterThan(2);
    // And it is not blind: a name, a birth year in a query or a BSN with dots in a URL would be caught.
    for (const leak of [
      `${server.url}/overdrachten?zoek=Pien%20Ploeg`,
      `${server.url}/casus?geboren=1986`,
      `${server.url}/x?bsn=1234.56.782`,
    ]) {
      expect(scanner.scan(leak, "injected"), leak).not.toEqual([]);
    }
    const findings = [
      ...urls.flatMap((url) => scanner.scan(url, `URL ${url}`)),
      ...serverLog.flatMap((line, i) => scanner.scan(line, `server log line ${i + 1}`)),
    ];
    expect(findings).toEqual([]);
    console.info(`personal data: ${urls.length} URLs and ${serverLog.length} server log lines scanned`);
  });
});
