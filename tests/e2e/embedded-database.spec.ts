import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getChildBaseEnv, type ServerHandle, startServer } from "../support";

const cli = resolve(import.meta.dirname, "../../apps/server/dist/cli.js");
const dataDir = mkdtempSync(join(tmpdir(), "kp-e2e-embedded-"));
let server: ServerHandle | undefined;

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function runCli(args: string[], input?: string) {
  return spawnSync(process.execPath, [cli, ...args], {
    env: { ...getChildBaseEnv(), DATA_DIR: dataDir },
    encoding: "utf8",
    input,
    timeout: 60_000,
  });
}

describe("the embedded database", () => {
  it("is held by one process: a second server and the CLI refuse and name the holder", async () => {
    server = await startServer({ dataDir });
    const second = startServer({ dataDir, healthTimeoutMs: 20_000 });
    await expect(second).rejects.toThrow(/in use by process \d+/);

    const refused = runCli(["service-account", "create", "--organisation", "swt-haarlem", "--name", "Koppeling"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/DATA_DIR .* is in use by process \d+ \(ketenportaal server\)/);
    await server.stop();
    server = undefined;
  });

  it("keeps its data across restarts and lets the CLI create a service account that authenticates", async () => {
    const created = runCli([
      "service-account",
      "create",
      "--organisation",
      "swt-haarlem",
      "--name",
      "Registratiesysteem",
    ]);
    expect(created.stderr).toBe("");
    expect(created.status).toBe(0);
    const token = created.stdout.trim().split("\n").at(-1) ?? "";
    expect(token).toMatch(/^kpsa_[A-Za-z0-9_-]{43}$/);

    const user = runCli(
      [
        "user",
        "create",
        "--email",
        "nieuw@swt-haarlem.example",
        "--name",
        "Nieuwe Collega",
        "--organisation",
        "swt-haarlem",
        "--role",
        "partner_coordinator",
        "--password-stdin",
      ],
      "een-eigen-wachtwoord\n",
    );
    expect(user.stderr).toBe("");
    expect(user.status).toBe(0);
    const duplicate = runCli([
      "user",
      "create",
      "--email",
      "NIEUW@swt-haarlem.example",
      "--name",
      "X",
      "--organisation",
      "swt-haarlem",
      "--role",
      "partner_worker",
    ]);
    expect(duplicate.status).toBe(2);
    expect(duplicate.stderr).toContain("Er bestaat al een account met dit e-mailadres.");

    server = await startServer({ dataDir });
    const newcomer = await fetch(`${server.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "nieuw@swt-haarlem.example", password: "een-eigen-wachtwoord" }),
    });
    expect(newcomer.status).toBe(200);
    const me = await fetch(`${server.url}/trpc/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    const { result } = (await me.json()) as { result: { data: { organisation: { slug: string }; kind: string } } };
    expect(result.data).toMatchObject({ kind: "service_account", organisation: { slug: "swt-haarlem" } });

    const login = await fetch(`${server.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "beleid@gemeente-haarlem.example", password: "ketenportaal-demo" }),
    });
    expect(login.status).toBe(200);

    // Without SMTP_URL the in-process mailer writes the demo handovers' e-mail as .eml files.
    await expect
      .poll(() => existsSync(join(dataDir, "mail")) && readdirSync(join(dataDir, "mail")).length, { timeout: 15_000 })
      .toBeGreaterThan(0);
    const [first] = readdirSync(join(dataDir, "mail"));
    expect(readFileSync(join(dataDir, "mail", first ?? ""), "utf8")).toMatch(/^Subject: Ketenportaal: /m);
  });
});
