import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkAccessibility, formatViolations, launchBrowser, type ServerHandle, startServer } from "../support";

const DEMO_PASSWORD = "ketenportaal-demo";
const CLIENT_ID = "ketenportaal";
const CLIENT_SECRET = "een-geheim-voor-de-test-van-minstens-32-tekens";
/** The provider's accounts: login name → e-mail address. One is in the demo region, one is nobody we know. */
const PROVIDER_ACCOUNTS: Record<string, string> = {
  "p.jansen": "medewerker@swt-haarlem.example",
  "x.onbekend": "onbekend@swt-haarlem.example",
};

let provider: Server;
let issuer: string;
let server: ServerHandle;
/** The portal under the name its PUBLIC_URL uses (the redirect URI is built from it). */
let portal: string;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // The provider listens first, so its address can go into the portal's environment; its configuration (with the
  // portal's callback, which needs the portal's port) is attached once the portal runs. Discovery is lazy.
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  provider = createServer((req, res) => {
    if (handle) handle(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;

  [server, browser] = await Promise.all([
    startServer({
      env: {
        OIDC_ISSUER: issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        PASSWORD_LOGIN: "false",
      },
    }),
    launchBrowser(),
  ]);
  portal = `http://localhost:${server.port}`;

  const oidc = new Provider(issuer, {
    // The default adapter keeps everything in memory: enough for one test run.
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${portal}/inloggen/oidc/terug`],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["cookie-sleutel-voor-de-test"] },
    // The provider's own login and consent pages: any login name, any password.
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const email = PROVIDER_ACCOUNTS[id];
      if (!email) return undefined;
      return {
        accountId: id,
        claims: () => ({ sub: id, email, email_verified: true, name: id }),
      };
    },
  });
  handle = oidc.callback();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => (provider ? provider.close(resolve) : resolve(undefined)));
});
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: portal, locale: "nl-NL", ...options });
  contexts.push(context);
  return context.newPage();
}

/** From the portal's login page through the provider's login and consent pages, back to the portal. */
async function logInAtProvider(page: Page, login: string) {
  await page.goto("/inloggen", { waitUntil: "networkidle" });
  await page.getByRole("button", { name: "Inloggen met je organisatie" }).click();
  await page.waitForURL((url) => url.href.startsWith(issuer));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("wat-dan-ook");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => url.href.startsWith(portal));
}

describe("login through the organisation's OpenID provider", () => {
  it("logs a known e-mail address in as that person, with JavaScript and without", async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await newPage({ javaScriptEnabled });
      await logInAtProvider(page, "p.jansen");
      await page.waitForURL(`${portal}/`);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Welkom, Sanne Visser");
      expect(await page.locator("main").textContent()).toContain("Sociaal Wijkteam Haarlem");
      const cookies = await page.context().cookies(portal);
      expect(cookies.find((cookie) => cookie.name === "kp_session")).toMatchObject({ httpOnly: true });
      // The checks' cookie is gone once used.
      expect(cookies.find((cookie) => cookie.name === "kp_oidc")).toBeUndefined();
    }
  });

  it("offers a logged-in person to set up the second factor from the start page", async () => {
    const page = await newPage();
    await logInAtProvider(page, "p.jansen");
    await page.waitForURL(`${portal}/`);
    await page.getByText("Niet ingesteld.").waitFor();
    const violations = await checkAccessibility({ page });
    expect(violations, formatViolations(violations)).toEqual([]);
    await page.getByRole("link", { name: "Tweestapsverificatie instellen" }).click();
    await page.waitForURL(`${portal}/inloggen/tweestapsverificatie`);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Tweestapsverificatie instellen");
    expect(await page.getByRole("img", { name: "QR-code voor uw authenticator-app" }).count()).toBe(1);
  });

  it("refuses an e-mail address without an account, in Dutch, and opens no session", async () => {
    const page = await newPage();
    await logInAtProvider(page, "x.onbekend");
    await page.waitForURL(`${portal}/inloggen/oidc/terug?**`);
    await expect
      .poll(() => page.getByRole("alert").first().textContent())
      .toContain("Er is in het Ketenportaal geen account voor het e-mailadres");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Inloggen niet gelukt");
    const violations = await checkAccessibility({ page });
    expect(violations, formatViolations(violations)).toEqual([]);
    expect((await page.context().cookies(portal)).find((cookie) => cookie.name === "kp_session")).toBeUndefined();
    await page.goto("/");
    await page.waitForURL(/\/inloggen/);
  });

  it("refuses a return without the login's checks", async () => {
    const page = await newPage();
    const response = await page.goto("/inloggen/oidc/terug?code=verzonnen&state=verzonnen");
    expect(response?.status()).toBe(400);
    expect(await page.getByRole("alert").first().textContent()).toContain("Inloggen bij uw organisatie is niet gelukt");
  });
});

describe("PASSWORD_LOGIN=false", () => {
  it("shows no password form, and the login procedure refuses", async () => {
    const page = await newPage();
    await page.goto("/inloggen", { waitUntil: "networkidle" });
    expect(await page.getByRole("button", { name: "Inloggen met je organisatie" }).count()).toBe(1);
    expect(await page.getByLabel("Wachtwoord").count()).toBe(0);
    expect(await page.getByLabel("E-mailadres").count()).toBe(0);
    const violations = await checkAccessibility({ page });
    expect(violations, formatViolations(violations)).toEqual([]);

    // A posted form is refused all the same …
    const form = await fetch(`${server.url}/inloggen`, {
      method: "POST",
      body: new URLSearchParams({ email: "medewerker@swt-haarlem.example", password: DEMO_PASSWORD }),
      headers: { Origin: server.url },
      redirect: "manual",
    });
    expect(form.status).toBe(403);
    expect(form.headers.get("set-cookie") ?? "").not.toContain("kp_session=");
    expect(await form.text()).toContain("Inloggen met een wachtwoord is uitgeschakeld.");

    // … and so is the procedure itself.
    const procedure = await fetch(`${server.url}/trpc/auth.login`, {
      method: "POST",
      body: JSON.stringify({ email: "medewerker@swt-haarlem.example", password: DEMO_PASSWORD }),
      headers: { Origin: server.url, "Content-Type": "application/json" },
    });
    expect(procedure.status).toBe(403);
    expect(procedure.headers.get("set-cookie")).toBeNull();
    expect(JSON.stringify(await procedure.json())).toContain("Inloggen met een wachtwoord is uitgeschakeld.");
  });
});
