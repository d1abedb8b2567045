import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createPersonalDataScanner } from "./personal-data";

declare module "vitest" {
  export interface ProvidedContext {
    /** One file per e2e run: every URL any spec's browser requested (support/browser.ts appends to it). */
    visitedUrlLog: string;
  }
}

/**
 * Every URL any e2e spec's browser requested goes into one file; when the run ends, none may hold a nine-digit number
 * that passes the elfproef (a BSN, whoever's). Names and birth years depend on each spec's own households: the
 * personal-data spec checks those for the household it drives through the portal.
 */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "kp-e2e-urls-"));
  const log = join(dir, "visited-urls.log");
  writeFileSync(log, "");
  project.provide("visitedUrlLog", log);
  return () => {
    const urls = existsSync(log) ? readFileSync(log, "utf8").split("\n").filter(Boolean) : [];
    rmSync(dir, { recursive: true, force: true });
    const scanner = createPersonalDataScanner({ persons: [], anyBsn: true });
    const findings = urls.flatMap((url) => scanner.scan(url, url));
    console.info(`visited URLs: ${urls.length} requests in this e2e run scanned for BSNs`);
    if (findings.length > 0) {
      throw new Error(`a BSN in a visited URL:\n${findings.map((f) => `${f.value} in ${f.where}`).join("\n")}`);
    }
  };
}
