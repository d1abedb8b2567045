import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkAccessibility, formatViolations, launchBrowser, type ServerHandle, startServer } from "../support";

const DEMO_PASSWORD = "ketenportaal-demo";
let server: ServerHandle;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function newPage(options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ baseURL: server.url, locale: "nl-NL", ...options });
  contexts.push(context);
  return context.newPage();
}

async function logIn(page: Awaited<ReturnType<typeof newPage>>, email: string, password = DEMO_PASSWORD) {
  await page.goto("/inloggen", { waitUntil: "networkidle" });
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
}

describe("logging in and out", () => {
  it("shows an accessible login page", async () => {
    const page = await newPage();
    const response = await page.goto("/inloggen", { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain("Inloggen");
    expect(await page.getAttribute("html", "lang")).toBe("nl");
    const violations = await checkAccessibility({ page });
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it("takes a VT medewerker to an accessible start page, and logs them out", async () => {
    const page = await newPage();
    await logIn(page, "medewerker@vt-kennemerland.example");
    await page.waitForURL(`${server.url}/`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Welkom, Mira de Vries");
    const main = await page.locator("main").textContent();
    expect(main).toContain("Veilig Thuis Kennemerland");
    expect(main).toContain("VT-medewerker");
    expect(main).toContain("Team Haarlem e.o.");
    const violations = await checkAccessibility({ page });
    expect(violations, formatViolations(violations)).toEqual([]);

    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === "kp_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });

    await page.getByRole("button", { name: "Uitloggen" }).first().click();
    await page.waitForURL(/\/inloggen/);
    // The address changes before the client-side render has finished: wait for the notice itself.
    await page.getByText("U bent uitgelogd.").waitFor();
    const afterLogout = await page.context().cookies();
    expect(afterLogout.find((cookie) => cookie.name === "kp_session")).toBeUndefined();

    await page.goto("/");
    await page.waitForURL(/\/inloggen/);
  });

  it("says only that e-mail or password is wrong, and keeps the e-mail address", async () => {
    const page = await newPage();
    await logIn(page, "medewerker@swt-haarlem.example", "niet-het-wachtwoord");
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("E-mailadres of wachtwoord is onjuist.");
    expect(await page.getByLabel("E-mailadres").inputValue()).toBe("medewerker@swt-haarlem.example");
    expect(new URL(page.url()).pathname).toBe("/inloggen");

    await logIn(page, "niemand@swt-haarlem.example");
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("E-mailadres of wachtwoord is onjuist.");
  });

  it("works without JavaScript", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await logIn(page, "medewerker@cjg-haarlemmermeer.example");
    await page.waitForURL(`${server.url}/`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Welkom, Charlotte Smit");
    expect(await page.locator("main").textContent()).toContain("CJG Haarlemmermeer");
    await page.getByRole("button", { name: "Uitloggen" }).first().click();
    await page.waitForURL(/\/inloggen/);
  });

  it("sends someone who is not logged in from the start page to the login page", async () => {
    const page = await newPage();
    await page.goto("/");
    await page.waitForURL(/\/inloggen/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Inloggen");
  });

  it("starts keyboard navigation at a visible skip link", async () => {
    const page = await newPage();
    await page.goto("/inloggen", { waitUntil: "networkidle" });
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return null;
      const style = getComputedStyle(element);
      return { text: element.textContent, outline: style.outlineStyle, box: style.boxShadow };
    });
    expect(focused?.text).toBe("Direct naar de inhoud");
    expect(focused?.outline !== "none" || focused?.box !== "none").toBe(true);
  });
});

describe("pages anyone may see", () => {
  it("publishes the toegankelijkheidsverklaring without login", async () => {
    const page = await newPage();
    const response = await page.goto("/toegankelijkheid", { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Toegankelijkheidsverklaring");
    const violations = await checkAccessibility({ page });
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it("answers an unknown page with a Dutch 404", async () => {
    const page = await newPage();
    const response = await page.goto("/bestaat-niet");
    expect(response?.status()).toBe(404);
    expect(await page.locator("main").textContent()).toContain("Pagina niet gevonden");
  });
});
