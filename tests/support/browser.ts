import { accessSync, appendFileSync, constants } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { inject } from "vitest";
import { supportEnv } from "./env";

/** Flags for Debian's Chromium in a container: headless, no sandbox (root), no calls home. */
export const chromiumArgs: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

/** WCAG 2.2 AA, the level Dutch government sites must meet. */
export const accessibilityTags: readonly string[] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export type AccessibilityViolation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

const visited = new WeakMap<Browser, string[]>();

/** Every URL the browser requested so far, in every context it opened (pages, data requests, assets, redirects). */
export function visitedUrls(browser: Browser): readonly string[] {
  return visited.get(browser) ?? [];
}

/**
 * The e2e project's global setup names one file per run (`visitedUrlLog`); every spec's browser appends each URL it
 * requests to it, and the run's teardown scans them all for personal data (support/e2e-global-setup.ts).
 */
function visitedUrlLog(): string | undefined {
  try {
    return inject("visitedUrlLog") || undefined;
  } catch {
    return undefined;
  }
}

function recordRequests(browser: Browser): void {
  const urls: string[] = [];
  visited.set(browser, urls);
  const log = visitedUrlLog();
  const newContext = browser.newContext.bind(browser);
  const watch = (context: BrowserContext) => {
    context.on("request", (request) => {
      const url = request.url();
      urls.push(url);
      if (log) appendFileSync(log, `${url}\n`);
    });
    return context;
  };
  browser.newContext = async (...args: Parameters<Browser["newContext"]>) => watch(await newContext(...args));
}

/**
 * Launches the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium) through playwright-core. Never downloads a
 * browser. Close it with `browser.close()`. Every request of every context it opens is recorded (`visitedUrls`).
 */
export async function launchBrowser(options: { executablePath?: string; args?: string[] } = {}): Promise<Browser> {
  const executablePath = options.executablePath ?? supportEnv.CHROMIUM_PATH;
  try {
    accessSync(executablePath, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium not found at ${executablePath}; run scripts/ensure-system-deps.sh (installs Debian's chromium) ` +
        "or set CHROMIUM_PATH",
    );
  }
  const browser = await chromium.launch({ executablePath, args: [...chromiumArgs, ...(options.args ?? [])] });
  recordRequests(browser);
  return browser;
}

/**
 * Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on the page as it is now and returns the violations; an empty array
 * means none were found. The page must come from `browser.newContext()` then `context.newPage()`: axe opens a helper
 * page in the same context, which a page from the `browser.newPage()` shortcut does not allow.
 */
export async function checkAccessibility(options: {
  page: Page;
  /** CSS selectors of parts to leave out (e.g. third-party widgets). */
  exclude?: string[];
  /** axe rule ids to skip; say why where you use it. */
  disableRules?: string[];
}): Promise<AccessibilityViolation[]> {
  let builder = new AxeBuilder({ page: options.page }).withTags([...accessibilityTags]);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  try {
    const results = await builder.analyze();
    return results.violations;
  } catch (error) {
    if (error instanceof Error && /newContext/.test(`${error.message} ${String(error.cause)}`)) {
      throw new Error(
        "checkAccessibility: create the page with `(await browser.newContext()).newPage()`, not `browser.newPage()`",
        { cause: error },
      );
    }
    throw error;
  }
}

/** One line per violated rule and affected element, for assertion messages. */
export function formatViolations(violations: readonly AccessibilityViolation[]): string {
  return violations
    .map((violation) => {
      const targets = violation.nodes.map((node) => `    ${node.target.join(" ")}`).join("\n");
      return `${violation.id} (${violation.impact ?? "unknown"}): ${violation.help}\n${targets}`;
    })
    .join("\n");
}
