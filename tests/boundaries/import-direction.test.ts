import { join } from "node:path";
import { cruise, type IConfiguration, type ICruiseResult } from "dependency-cruiser";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

async function cruiseFromRoot(paths: string[]): Promise<ICruiseResult> {
  const previous = process.cwd();
  process.chdir(root);
  try {
    const { default: config } = (await import(join(root, ".dependency-cruiser.cjs"))) as { default: IConfiguration };
    const result = await cruise(paths, { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden } });
    return result.output as ICruiseResult;
  } finally {
    process.chdir(previous);
  }
}

function violations(result: ICruiseResult) {
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe("import direction (DESIGN.md section 4)", () => {
  it("fires each rule on the deliberate violations in boundary-fixtures/", async () => {
    const result = await cruiseFromRoot([
      "apps/portal/boundary-fixtures",
      "packages/domain/boundary-fixtures",
      "packages/api/boundary-fixtures",
    ]);
    expect(violations(result)).toEqual([
      "domain-no-io-builtins: packages/domain/boundary-fixtures/reads-files.ts → fs",
      "portal-api-types-only: apps/portal/boundary-fixtures/imports-api-at-run-time.ts → packages/api/src/index.ts",
      "portal-not-to-data: apps/portal/boundary-fixtures/imports-database.ts → packages/db/src/index.ts",
      "worker-role-not-in-requests: packages/api/boundary-fixtures/uses-worker-role.ts → packages/db/src/system-task.ts",
    ]);
  });

  it("finds no violation in the code itself", async () => {
    const result = await cruiseFromRoot(["apps", "packages"]);
    const real = violations(result).filter((v) => !v.includes("boundary-fixtures/"));
    expect(real).toEqual([]);
    // The cruise really followed the workspace: the server reaches the database package through the API.
    const modules = result.modules.map((m) => m.source);
    expect(modules).toContain("packages/db/src/client.ts");
    expect(modules.some((m) => m.startsWith("apps/portal/app/"))).toBe(true);
  });
});
