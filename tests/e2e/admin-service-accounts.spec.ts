import { auditLog, serviceAccounts } from "@ketenportaal/db";
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

// On PostgreSQL with the demo region; the accounts are created in this test's own database.
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

const handovers = (token: string) =>
  fetch(`${server.url}/api/v1/overdrachten`, { headers: { authorization: `Bearer ${token}` } });

describe("the Koppelingen page", () => {
  it("creates a partner system's access without JavaScript, shows the token once, and revokes it", async () => {
    const page = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beheer@vt-kennemerland.example",
      contexts,
      javaScriptEnabled: false,
    });
    await page.goto("/beheer/koppelingen");
    await page.getByRole("heading", { level: 2, name: "Nieuwe koppeling" }).waitFor();
    // A year ahead is proposed; an inactive organisation is not offered.
    expect(await page.getByLabel("Laatste dag van de toegang").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // A date in the past: the message at the field and in the summary, nothing stored.
    await page.getByLabel("Organisatie").selectOption({ label: "Sociaal Wijkteam Haarlem" });
    await page.getByLabel("Naam van de koppeling").fill("Dossiersysteem SWT");
    await page.getByLabel("Laatste dag van de toegang").fill("2020-01-01");
    await page.getByRole("button", { name: "Koppeling aanmaken" }).click();
    await page.getByRole("alert").getByText("Kies een vervaldatum na vandaag.").waitFor();
    expect(await page.getByLabel("Naam van de koppeling").inputValue()).toBe("Dossiersysteem SWT");
    expect(await database.db.select().from(serviceAccounts)).toHaveLength(0);

    const lastDay = new Date(Date.now() + 90 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    await page.getByLabel("Laatste dag van de toegang").fill(lastDay);
    const posted = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Koppeling aanmaken" }).click();
    expect((await posted).headers()["cache-control"]).toBe("no-store");
    const box = page.getByRole("region", { name: "Het token van de nieuwe koppeling" });
    await box.getByText("Kopieer dit token nu; het wordt niet meer getoond.").waitFor();
    const token = await box.getByLabel("Token").inputValue();
    expect(token).toMatch(/^kpsa_[A-Za-z0-9_-]{43}$/);
    expect(page.url()).not.toContain(token);
    const row = page.getByRole("row", { name: /Dossiersysteem SWT/ });
    expect(await row.textContent()).toContain("Sociaal Wijkteam Haarlem");
    expect(await row.textContent()).toContain("Actief");
    expect(await row.textContent()).toContain("Nooit");

    // Stored: the hash only; on record without the token.
    const [stored] = await database.db.select().from(serviceAccounts);
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.objectType, "service_account"));
    expect(audit.some((entry) => entry.objectId?.startsWith(`${stored?.id} created: organisation `))).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(token);

    // The token works as the wijkteam's partner system on the REST API; the page marks it used.
    const answer = await handovers(token);
    expect(answer.status).toBe(200);
    await page.goto("/beheer/koppelingen");
    expect(await page.getByRole("main").textContent()).not.toContain(token);
    expect(await page.getByRole("region", { name: "Het token van de nieuwe koppeling" }).count()).toBe(0);
    expect(await page.getByRole("row", { name: /Dossiersysteem SWT/ }).textContent()).not.toContain("Nooit");

    // A second active account under the same name is refused at the field.
    await page.getByLabel("Organisatie").selectOption({ label: "Sociaal Wijkteam Haarlem" });
    await page.getByLabel("Naam van de koppeling").fill("dossiersysteem swt");
    await page.getByRole("button", { name: "Koppeling aanmaken" }).click();
    await page
      .getByRole("alert")
      .getByText(/al een actieve koppeling met deze naam/)
      .waitFor();
    expect(await database.db.select().from(serviceAccounts)).toHaveLength(1);

    await page
      .getByRole("row", { name: /Dossiersysteem SWT/ })
      .getByRole("button", { name: /^Toegang intrekken/ })
      .click();
    await waitForNotice(page, "De toegang van de koppeling is ingetrokken.");
    expect((await handovers(token)).status).toBe(401);
  });

  it("passes axe with the form, its error summary and a new token on screen", async () => {
    const page = await openPortalAs({
      browser,
      baseUrl: server.url,
      email: "beheer@vt-kennemerland.example",
      contexts,
    });
    await page.goto("/beheer/koppelingen", { waitUntil: "networkidle" });
    await expectAccessible(page);
    await page.getByLabel("Naam van de koppeling").fill("Registratie CJG");
    await page.getByRole("button", { name: "Koppeling aanmaken" }).click();
    await page.getByRole("alert").getByText("Kies een organisatie uit de lijst.").waitFor();
    await expectAccessible(page);
    await page.getByLabel("Organisatie").selectOption({ label: "CJG Haarlemmermeer" });
    await page.getByRole("button", { name: "Koppeling aanmaken" }).click();
    const box = page.getByRole("region", { name: "Het token van de nieuwe koppeling" });
    await box.getByLabel("Token").waitFor();
    // The box takes the focus, so a screen reader user hears it first.
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectAccessible(page);
  });
});
