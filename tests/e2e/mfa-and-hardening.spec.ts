import { generate } from "otplib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkAccessibility, formatViolations, launchBrowser, type ServerHandle, startServer } from "../support";

const DEMO_PASSWORD = "ketenportaal-demo";
const EMAIL = "coordinator.haarlemmermeer@vt-kennemerland.example";
let server: ServerHandle;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // The embedded demo with the second factor required, as it is by default on PostgreSQL.
  [server, browser] = await Promise.all([startServer({ env: { MFA_REQUIRED: "1" } }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

/** A page that records every console message about the Content-Security-Policy. */
async function newPage(): Promise<{ page: Page; cspViolations: string[] }> {
  const context = await browser.newContext({ baseURL: server.url, locale: "nl-NL" });
  contexts.push(context);
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  return { page, cspViolations };
}

async function logInWithPassword(page: Page) {
  await page.goto("/inloggen", { waitUntil: "networkidle" });
  await page.getByLabel("E-mailadres").fill(EMAIL);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
}

/** A code for the next time step: the current one may already have been used. */
async function freshCode(secret: string, offsetPeriods: number): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetPeriods * 30 });
}

describe("second factor, required", () => {
  it("enrols, logs out, logs in with a code and once with a recovery code", async () => {
    const { page, cspViolations } = await newPage();
    await logInWithPassword(page);
    await page.waitForURL(/\/inloggen\/tweestapsverificatie/);
    // Nothing else is reachable before enrolment.
    await page.goto("/", { waitUntil: "networkidle" });
    await page.waitForURL(/\/inloggen\/tweestapsverificatie/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Tweestapsverificatie instellen");
    expect(await page.getByRole("img", { name: "QR-code voor uw authenticator-app" }).getAttribute("src")).toMatch(
      /^data:image\/svg\+xml;base64,/,
    );
    const violations = await checkAccessibility({ page });
    expect(violations, formatViolations(violations)).toEqual([]);

    const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await page.getByLabel("Code").fill(await freshCode(secret, 0));
    await page.getByRole("button", { name: "Instellen" }).click();
    await page.getByRole("heading", { name: "Uw herstelcodes" }).waitFor();
    const recoveryCodes = await page.locator(".kp-recovery-codes code").allTextContents();
    expect(recoveryCodes).toHaveLength(10);

    await page.getByRole("link", { name: "Verder naar het Ketenportaal" }).click();
    await page.waitForURL(`${server.url}/`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Welkom");
    await page.getByRole("button", { name: "Uitloggen" }).first().click();
    await page.waitForURL(/\/inloggen/);

    // Logging in again asks for the code.
    await logInWithPassword(page);
    await page.waitForURL(/\/inloggen\/code/);
    await page.getByLabel("Code").fill("000000");
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("De code is niet juist of al gebruikt.");
    await page.getByLabel("Code").fill(await freshCode(secret, 1));
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.waitForURL(`${server.url}/`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Welkom");
    await page.getByRole("button", { name: "Uitloggen" }).first().click();
    await page.waitForURL(/\/inloggen/);

    // And once with a recovery code instead.
    await logInWithPassword(page);
    await page.waitForURL(/\/inloggen\/code/);
    await page.getByLabel("Code").fill(recoveryCodes[0] ?? "");
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.waitForURL(`${server.url}/`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Welkom");

    expect(cspViolations).toEqual([]);
  });
});

describe("hardening", () => {
  it("serves pages with a nonce-based Content-Security-Policy without unsafe-inline, and nothing violates it", async () => {
    const { page, cspViolations } = await newPage();
    const response = await page.goto("/inloggen", { waitUntil: "networkidle" });
    const csp = response?.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    // The inline scripts carry the response's nonce, and hydration works (a client-side navigation).
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(await page.locator("script:not([src])").count()).toBeGreaterThan(0);
    expect(
      await page.evaluate(() =>
        Array.from(document.querySelectorAll("script:not([src])")).every((s) => (s as HTMLScriptElement).nonce !== ""),
      ),
    ).toBe(true);
    expect(nonce).toBeDefined();
    await page
      .getByRole("link", { name: /Toegankelijkheid/ })
      .first()
      .click();
    await page.waitForURL(/\/toegankelijkheid/);
    const second = await page.goto("/inloggen", { waitUntil: "networkidle" });
    expect(/'nonce-([^']+)'/.exec(second?.headers()["content-security-policy"] ?? "")?.[1]).not.toBe(nonce);
    expect(cspViolations).toEqual([]);
  });

  it("refuses a form POST from another site, and takes one from its own pages", async () => {
    const form = new URLSearchParams({ email: EMAIL, password: DEMO_PASSWORD });
    const crossSite = await fetch(`${server.url}/inloggen`, {
      method: "POST",
      body: form,
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      redirect: "manual",
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get("set-cookie")).toBeNull();
    const noOrigin = await fetch(`${server.url}/uitloggen`, { method: "POST", body: "", redirect: "manual" });
    expect(noOrigin.status).toBe(403);

    const sameSite = await fetch(`${server.url}/inloggen`, {
      method: "POST",
      body: new URLSearchParams({ email: "medewerker@swt-haarlem.example", password: DEMO_PASSWORD }),
      headers: { Origin: server.url },
      redirect: "manual",
    });
    expect(sameSite.status).toBe(302);
    expect(sameSite.headers.get("set-cookie")).toMatch(/kp_session=.*HttpOnly.*SameSite=Lax/);
  });
});
