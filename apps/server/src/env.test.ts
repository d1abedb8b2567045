import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InvalidEnvironmentError, loadServerEnv } from "./env";

describe("loadServerEnv", () => {
  it("uses the embedded database with the demo region by default", () => {
    const env = loadServerEnv({ source: {} });
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: ".data", demoSeed: true });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("never seeds a DATABASE_URL database unless DEMO_SEED=1", () => {
    expect(loadServerEnv({ source: { DATABASE_URL: "postgres://db/kp" } }).demoSeed).toBe(false);
    expect(loadServerEnv({ source: { DATABASE_URL: "postgres://db/kp", DEMO_SEED: "1" } }).demoSeed).toBe(true);
  });

  it("keeps a partner's copy of a closed handover readable for 90 days unless configured", () => {
    expect(loadServerEnv({ source: {} }).PARTNER_ACCESS_AFTER_CLOSE_DAYS).toBe(90);
    const env = loadServerEnv({ source: { PARTNER_ACCESS_AFTER_CLOSE_DAYS: "30" } });
    expect(env.PARTNER_ACCESS_AFTER_CLOSE_DAYS).toBe(30);
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://db"],
    ["DEMO_SEED", "yes"],
    ["LOG_LEVEL", "loud"],
    ["PARTNER_ACCESS_AFTER_CLOSE_DAYS", "0"],
    ["PARTNER_ACCESS_AFTER_CLOSE_DAYS", "1.5"],
  ])("refuses %s=%s and names the variable", (name, value) => {
    expect(() => loadServerEnv({ source: { [name]: value } })).toThrowError(InvalidEnvironmentError);
    expect(() => loadServerEnv({ source: { [name]: value } })).toThrowError(new RegExp(`${name}:`));
  });

  it("stops the server at once when a variable is invalid", () => {
    const tsx = createRequire(import.meta.url).resolve("tsx");
    const result = spawnSync(process.execPath, ["--import", tsx, join(import.meta.dirname, "index.ts")], {
      env: { NODE_ENV: "production", PATH: process.env.PATH, PORT: "not-a-port" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("PORT");
  });
});
