import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAccessibility, formatViolations, launchBrowser } from "./browser";

function dataUrl(body: string): string {
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Test</title></head><body><main><h1>Aanvraag</h1>${body}</main></body></html>`;
  return `data:text/html,${encodeURIComponent(html)}`;
}

describe("launchBrowser and checkAccessibility", () => {
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("reports no violations for a page with a labelled input", async () => {
    const page = await context.newPage();
    try {
      await page.goto(dataUrl('<label for="naam">Naam</label><input id="naam" name="naam" autocomplete="name">'));
      const violations = await checkAccessibility({ page });
      expect(violations, formatViolations(violations)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("reports a violation for an unlabelled input", async () => {
    const page = await context.newPage();
    try {
      await page.goto(dataUrl('<input id="naam" name="naam">'));
      const violations = await checkAccessibility({ page });
      expect(violations.map((violation) => violation.id)).toContain("label");
      expect(formatViolations(violations)).toContain("#naam");
    } finally {
      await page.close();
    }
  });

  it("explains that a page from browser.newPage() cannot be checked", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(dataUrl("<p>Hallo</p>"));
      await expect(checkAccessibility({ page })).rejects.toThrow(/browser\.newContext\(\)/);
    } finally {
      await page.close();
    }
  });
});
