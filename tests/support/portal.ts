import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { checkAccessibility, formatViolations } from "./browser";

/** The demo accounts' password (packages/api/src/services/demo/demo-region.ts). */
export const DEMO_PASSWORD = "ketenportaal-demo";

/** Fills and sends the portal's password form on /inloggen; where it lands is up to the caller. */
export async function submitLoginForm(page: Page, options: { email: string; password?: string }): Promise<void> {
  await page.goto("/inloggen", { waitUntil: "networkidle" });
  await page.getByLabel("E-mailadres").fill(options.email);
  await page.getByLabel("Wachtwoord").fill(options.password ?? DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
}

/**
 * Opens a fresh browser context (Dutch locale, optionally without JavaScript) logged in as a demo person, on the start
 * page. The context is added to `contexts`, for the spec's afterAll to close.
 */
export async function openPortalAs(options: {
  browser: Browser;
  baseUrl: string;
  email: string;
  contexts: BrowserContext[];
  javaScriptEnabled?: boolean;
}): Promise<Page> {
  const context = await options.browser.newContext({
    baseURL: options.baseUrl,
    locale: "nl-NL",
    ...(options.javaScriptEnabled === false ? { javaScriptEnabled: false } : {}),
  });
  options.contexts.push(context);
  const page = await context.newPage();
  await submitLoginForm(page, { email: options.email });
  await page.waitForURL(`${options.baseUrl}/`);
  return page;
}

/** axe (WCAG 2.2 AA) finds nothing on the page; needs JavaScript in the page's context. */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await checkAccessibility({ page });
  expect(violations, formatViolations(violations)).toEqual([]);
}

/** Waits for the redirect that carries a `gelukt=` notice, and for the notice's text on the page. */
export async function waitForNotice(page: Page, expected: string): Promise<void> {
  await page.waitForURL(/gelukt=/);
  await page.getByText(expected).first().waitFor();
  await page.waitForLoadState("networkidle");
}
