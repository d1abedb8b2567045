import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BridgeProcessHandle,
  createTestDatabase,
  expectAccessible,
  launchBrowser,
  openPortalAs,
  type ServerHandle,
  type SmtpServerHandle,
  startBridgeProcess,
  startServer,
  startSmtpServer,
  submitLoginForm,
  type TestDatabase,
  waitForNotice,
} from "../support";

let database: TestDatabase;
let server: ServerHandle;
let smtp: SmtpServerHandle;
let bridge: BridgeProcessHandle;
let browser: Browser;
const contexts: BrowserContext[] = [];

// On PostgreSQL with the demo region; the bridge delivers the invite e-mail to a test SMTP server.
beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  [server, browser, smtp] = await Promise.all([
    startServer({ env: { DATABASE_URL: database.url, DEMO_SEED: "1" } }),
    launchBrowser(),
    startSmtpServer(),
  ]);
  bridge = await startBridgeProcess({
    env: {
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      BRIDGE_POLL_INTERVAL_MS: "100",
      PUBLIC_URL: server.url,
    },
  });
}, 120_000);
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await bridge?.stop();
  await server?.stop();
  await smtp?.stop();
  await database?.drop();
});

async function mailTo(address: string) {
  for (let waited = 0; waited < 30_000; waited += 200) {
    const found = smtp.messages.find((message) => message.to.includes(address));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no e-mail to ${address}`);
}

describe("the Mensen page and the invite link", () => {
  it("invites someone, who chooses a password from the e-mail's link and logs in", async () => {
    const page = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beheer@vt-kennemerland.example",
      contexts,
    });
    await page.goto("/beheer");
    await page.getByRole("link", { name: "Mensen" }).click();
    await page.getByRole("heading", { level: 1, name: "Mensen" }).waitFor();
    await page.getByLabel("Organisatie").selectOption({ label: "Sociaal Wijkteam Haarlem" });
    await page.getByRole("button", { name: "Mensen tonen" }).click();
    await page.getByRole("table", { name: "Mensen van Sociaal Wijkteam Haarlem" }).waitFor();
    await expectAccessible(page);

    // A bad address is told at the field, with the error summary; nothing is sent.
    await page.getByLabel("Naam", { exact: true }).fill("Nieuwe Collega");
    await page.getByLabel("E-mailadres").fill("geen-adres");
    await page.getByLabel("Rol").selectOption({ label: "medewerker ketenpartner" });
    await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await page.getByText("Vul een geldig e-mailadres in.").first().waitFor();
    await expectAccessible(page);

    await page.getByLabel("E-mailadres").fill("nieuwe.collega@swt-haarlem.example");
    await page.getByLabel("Rol").selectOption({ label: "medewerker ketenpartner" });
    await page.getByLabel("Team").selectOption({ label: "Wijkteam Haarlem" });
    await page.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await waitForNotice(page, "De uitnodiging staat klaar");
    const invited = page.getByRole("row", { name: /Nieuwe Collega/ });
    expect(await invited.textContent()).toContain("Uitgenodigd");
    expect(await invited.getByRole("button", { name: /^Opnieuw uitnodigen/ }).count()).toBe(1);

    // The demo's own notifications go out too: wait for the one to the invitee.
    const mail = await mailTo("nieuwe.collega@swt-haarlem.example");
    expect(mail?.subject).toBe("Uitnodiging voor het Ketenportaal");
    expect(mail?.text).not.toContain("Nieuwe Collega");
    const link = /https?:\/\/\S+\/uitnodiging\/\S+/.exec(mail?.text ?? "")?.[0];
    if (!link) throw new Error("no invite link in the e-mail");
    const invitePath = new URL(link).pathname;

    const invitee = await browser.newContext({ baseURL: server.url, locale: "nl-NL" });
    contexts.push(invitee);
    const invitePage = await invitee.newPage();
    await invitePage.goto(invitePath);
    await invitePage.getByRole("heading", { level: 1, name: "Wachtwoord kiezen" }).waitFor();
    await invitePage.getByLabel("Wachtwoord", { exact: true }).fill("kort");
    await invitePage.getByLabel("Wachtwoord nog een keer").fill("kort");
    await invitePage.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await invitePage.getByText("Een wachtwoord heeft minstens 12 tekens.").first().waitFor();
    await expectAccessible(invitePage);
    await invitePage.getByLabel("Wachtwoord", { exact: true }).fill("een lange zin als wachtwoord");
    await invitePage.getByLabel("Wachtwoord nog een keer").fill("een lange zin als wachtwoord");
    await invitePage.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await invitePage.getByText("Uw wachtwoord is opgeslagen. U kunt nu inloggen.").waitFor();

    // The link works once.
    await invitePage.goto(invitePath);
    await invitePage.getByText("Deze uitnodiging is al gebruikt.").waitFor();

    await submitLoginForm(invitePage, {
      email: "nieuwe.collega@swt-haarlem.example",
      password: "een lange zin als wachtwoord",
    });
    await invitePage.waitForURL(`${server.url}/`);
    await invitePage.getByText("Nieuwe Collega").first().waitFor();
    await invitePage.getByRole("button", { name: "Uitloggen" }).first().waitFor();
  });

  it("changes a role, deactivates and reactivates without JavaScript; a coördinator sees only their own people", async () => {
    const coordinator = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "coordinator@swt-haarlem.example",
      contexts,
      javaScriptEnabled: false,
    });
    await coordinator.goto("/beheer/mensen");
    await coordinator.getByRole("table", { name: "Mensen van Sociaal Wijkteam Haarlem" }).waitFor();
    // No choice of organisation, and only the partner roles to give.
    expect(await coordinator.getByLabel("Organisatie").count()).toBe(0);
    expect(await coordinator.getByLabel("Rol").locator("option").allTextContents()).toEqual([
      "medewerker ketenpartner",
      "coördinator ketenpartner",
    ]);

    const worker = coordinator.getByRole("row", { name: /medewerker@swt-haarlem\.example/ });
    await worker.getByRole("link", { name: /^Wijzigen/ }).click();
    await coordinator.getByRole("heading", { level: 2, name: /^Gegevens, rol en team van/ }).waitFor();
    await coordinator.getByLabel("Rol").selectOption({ label: "coördinator ketenpartner" });
    await coordinator.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await waitForNotice(coordinator, "De wijzigingen aan de persoon zijn opgeslagen.");
    expect(await worker.textContent()).toContain("coördinator ketenpartner");

    // The person logged in elsewhere is logged out at once.
    const other = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "medewerker@swt-haarlem.example",
      contexts,
    });
    await worker.getByRole("button", { name: /^Deactiveren/ }).click();
    await waitForNotice(coordinator, "De persoon is gedeactiveerd en overal uitgelogd.");
    expect(await worker.textContent()).toContain("Gedeactiveerd");
    await other.goto("/overdrachten");
    await other.waitForURL(/\/inloggen/);

    await worker.getByRole("button", { name: /^Weer activeren/ }).click();
    await waitForNotice(coordinator, "De persoon is weer actief en kan inloggen.");
    expect(await worker.textContent()).toContain("Actief");
  });

  it("withdraws an invite and corrects a name and address without JavaScript; the link then no longer works", async () => {
    const coordinator = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "coordinator@swt-haarlem.example",
      contexts,
      javaScriptEnabled: false,
    });
    await coordinator.goto("/beheer/mensen");
    await coordinator.getByLabel("Naam", { exact: true }).fill("Ingetrokken Colega");
    await coordinator.getByLabel("E-mailadres").fill("ingetrokken@swt-haarlem.example");
    await coordinator.getByLabel("Rol").selectOption({ label: "medewerker ketenpartner" });
    await coordinator.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await waitForNotice(coordinator, "De uitnodiging staat klaar");
    const mail = await mailTo("ingetrokken@swt-haarlem.example");
    const link = /https?:\/\/\S+\/uitnodiging\/\S+/.exec(mail?.text ?? "")?.[0];
    if (!link) throw new Error("no invite link in the e-mail");

    const row = coordinator.getByRole("row", { name: /ingetrokken@swt-haarlem\.example/ });
    await row.getByRole("button", { name: /^Uitnodiging intrekken/ }).click();
    await waitForNotice(coordinator, "De uitnodiging is ingetrokken.");
    expect(await row.textContent()).toContain("Uitnodiging niet meer geldig");
    expect(await row.getByRole("button", { name: /^Uitnodiging intrekken/ }).count()).toBe(0);

    const invitee = await browser.newContext({ baseURL: server.url, locale: "nl-NL" });
    contexts.push(invitee);
    const invitePage = await invitee.newPage();
    await invitePage.goto(new URL(link).pathname);
    await invitePage.getByText("Deze uitnodiging is niet meer geldig").first().waitFor();
    expect(await invitePage.getByRole("button", { name: "Wachtwoord opslaan" }).count()).toBe(0);

    // The name had a typo and the address changes: a taken address is told at the field, then both are saved.
    await row.getByRole("link", { name: /^Wijzigen/ }).click();
    await coordinator
      .getByRole("heading", { level: 2, name: /^Gegevens, rol en team van Ingetrokken Colega/ })
      .waitFor();
    await coordinator.getByLabel("Naam", { exact: true }).fill("Ingetrokken Collega");
    await coordinator.getByLabel("E-mailadres").fill("Medewerker@SWT-Haarlem.example");
    await coordinator.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await coordinator.getByText("Er bestaat al een account met dit e-mailadres.").first().waitFor();
    await coordinator.getByLabel("E-mailadres").fill("ingetrokken.collega@swt-haarlem.example");
    await coordinator.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await waitForNotice(coordinator, "De wijzigingen aan de persoon zijn opgeslagen.");
    const renamed = coordinator.getByRole("row", { name: /ingetrokken\.collega@swt-haarlem\.example/ });
    expect(await renamed.textContent()).toContain("Ingetrokken Collega");

    // The changed page, with the edit form open, is accessible.
    const admin = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beheer@vt-kennemerland.example",
      contexts,
    });
    await admin.goto("/beheer/mensen");
    await admin.getByLabel("Organisatie").selectOption({ label: "Sociaal Wijkteam Haarlem" });
    await admin.getByRole("button", { name: "Mensen tonen" }).click();
    const adminRow = admin.getByRole("row", { name: /ingetrokken\.collega@swt-haarlem\.example/ });
    expect(await adminRow.textContent()).toContain("Uitnodiging niet meer geldig");
    await adminRow.getByRole("link", { name: /^Wijzigen/ }).click();
    await admin.getByRole("heading", { level: 2, name: /^Gegevens, rol en team van Ingetrokken Collega/ }).waitFor();
    await expectAccessible(admin);
  });
});
