import { generate } from "otplib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectAccessible,
  launchBrowser,
  openPortalAs,
  type ServerHandle,
  startServer,
  submitLoginForm,
} from "../support";

const ADMIN = "beheer@vt-kennemerland.example";
const PARTNER = "medewerker@swt-haarlem.example";
const REFERENCE = "VT-2026-0102";
let server: ServerHandle;
let browser: Browser;
const contexts: BrowserContext[] = [];
let secret = "";

// The embedded demo: the second factor is offered, not required, so the beheerder first meets the page without it.
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

/** A code for a later time step: a code once used is refused. */
function codeAt(offsetPeriods: number): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetPeriods * 30 });
}

/** Today in the Netherlands, as a date input wants it. */
function amsterdamToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
}

/** Every address the page's frames visited, for the check that none holds an e-mail address or a reference. */
function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("framenavigated", (frame) => urls.push(frame.url()));
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

describe("the audit log for the functioneel beheerder", () => {
  let admin: Page;
  let adminUrls: string[] = [];

  it("records the partner's read of a handover", async () => {
    const partner = await openPortalAs({ browser, baseUrl: server.url, email: PARTNER, contexts });
    await partner.goto("/overdrachten", { waitUntil: "networkidle" });
    await partner
      .getByRole("table", { name: "Aangeboden overdrachten" })
      .getByRole("link", { name: REFERENCE })
      .click();
    await partner.getByRole("heading", { level: 1, name: `Overdracht ${REFERENCE}` }).waitFor();
  });

  it("tells a beheerder without tweestapsverificatie how to get it, instead of searching", async () => {
    admin = await openPortalAs({ browser, baseUrl: server.url, email: ADMIN, contexts });
    adminUrls = recordUrls(admin);
    await admin.goto("/beheer", { waitUntil: "networkidle" });
    await admin.getByRole("link", { name: "Auditlog" }).click();
    await admin.waitForURL(/\/beheer\/audit-log$/);
    await admin.getByRole("heading", { name: "Tweestapsverificatie nodig" }).waitFor();
    expect(await admin.getByRole("button", { name: "Zoeken" }).count()).toBe(0);
    await admin.waitForLoadState("networkidle");
    await expectAccessible(admin);

    await admin.getByRole("link", { name: "Tweestapsverificatie instellen" }).click();
    await admin.waitForURL(/\/inloggen\/tweestapsverificatie\?redirectTo=%2Fbeheer%2Faudit-log/);
    secret = (await admin.getByTestId("totp-secret").textContent()) ?? "";
    await admin.getByLabel("Code").fill(await codeAt(0));
    await admin.getByRole("button", { name: "Instellen" }).click();
    await admin.getByRole("heading", { name: "Uw herstelcodes" }).waitFor();
    await admin.getByRole("link", { name: "Verder naar het Ketenportaal" }).click();
    await admin.waitForURL(/\/beheer\/audit-log$/);
    await admin.getByRole("button", { name: "Zoeken" }).waitFor();
    await admin.waitForLoadState("networkidle");
    await expectAccessible(admin);
  });

  it("finds the read by case reference, with an address that holds ids only", async () => {
    await admin.getByLabel("Casus (kenmerk)").fill(REFERENCE);
    await admin.getByRole("button", { name: "Zoeken" }).click();
    await admin.waitForURL(/\/beheer\/audit-log\?casus=[0-9a-f-]{36}$/);
    await admin.waitForLoadState("networkidle");
    const table = admin.getByRole("table", { name: "Regels uit de auditlog, de nieuwste eerst" });
    const read = table.locator("tbody tr", { hasText: "Sanne Visser" }).filter({ hasText: "Inzien" });
    await expect.poll(() => read.count()).toBeGreaterThan(0);
    const text = (await read.first().textContent()) ?? "";
    for (const expected of ["medewerker ketenpartner", "Overdracht", REFERENCE, "Gelukt", "handover"]) {
      expect(text).toContain(expected);
    }
    // The form shows what the ids stand for again.
    expect(await admin.getByLabel("Casus (kenmerk)").inputValue()).toBe(REFERENCE);
    await expectAccessible(admin);
  });

  it("finds it by period too, and shows its own searches on record", async () => {
    await admin.goto("/beheer/audit-log", { waitUntil: "networkidle" });
    await admin.getByLabel("Van (datum)").fill(amsterdamToday());
    await admin.getByLabel("Tot en met (datum)").fill(amsterdamToday());
    await admin.getByLabel("Gebruiker (e-mailadres)").fill(PARTNER);
    await admin.getByRole("button", { name: "Zoeken" }).click();
    await admin.waitForURL(/gebruiker=[0-9a-f-]{36}&van=\d{4}-\d{2}-\d{2}&tot=\d{4}-\d{2}-\d{2}$/);
    await admin.waitForLoadState("networkidle");
    const table = admin.getByRole("table", { name: "Regels uit de auditlog, de nieuwste eerst" });
    await expect.poll(() => table.locator("tbody tr", { hasText: REFERENCE }).count()).toBeGreaterThan(0);
    expect(await admin.getByLabel("Gebruiker (e-mailadres)").inputValue()).toBe(PARTNER);

    // The beheerder's own use of the log: purpose Beheer, object audit_log, the filters as ids.
    await admin.goto("/beheer/audit-log", { waitUntil: "networkidle" });
    await admin.getByLabel("Gebruiker (e-mailadres)").fill(ADMIN);
    await admin.getByLabel("Doel").selectOption({ label: "Beheer" });
    await admin.getByRole("button", { name: "Zoeken" }).click();
    await admin.waitForURL(/doel=beheer/);
    await admin.waitForLoadState("networkidle");
    const own = table.locator("tbody tr", { hasText: "audit_log" });
    await expect.poll(() => own.count()).toBeGreaterThan(2);
    expect(await own.allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/case=[0-9a-f-]{36}/)]));
    expect((await own.allTextContents()).join(" ")).not.toContain("@");
    await expectAccessible(admin);

    const leaked = adminUrls.filter((url) => /@|%40|VT-2026/i.test(url));
    expect(leaked).toEqual([]);
  });

  it("searches without JavaScript: the posted form leads to an address with ids", async () => {
    const context = await browser.newContext({ baseURL: server.url, locale: "nl-NL", javaScriptEnabled: false });
    contexts.push(context);
    const page = await context.newPage();
    const urls = recordUrls(page);
    await submitLoginForm(page, { email: ADMIN });
    await page.waitForURL(/\/inloggen\/code/);
    await page.getByLabel("Code").fill(await codeAt(1));
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.waitForURL(`${server.url}/`);
    await page.goto("/beheer/audit-log");
    await page.getByLabel("Casus (kenmerk)").fill(REFERENCE);
    await page.getByRole("button", { name: "Zoeken" }).click();
    await page.waitForURL(/\/beheer\/audit-log\?casus=[0-9a-f-]{36}$/);
    const rows = page.locator("tbody tr", { hasText: "Sanne Visser" });
    expect(await rows.count()).toBeGreaterThan(0);

    // An unknown reference: a Dutch message at the field, nothing searched.
    await page.getByLabel("Casus (kenmerk)").fill("VT-1999-0000");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await page.getByText("Er is geen casus met dit kenmerk.").first().waitFor();
    expect(urls.filter((url) => /@|%40|VT-(2026|1999)/i.test(url))).toEqual([]);
  });
});
