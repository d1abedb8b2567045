import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { getChildBaseEnv } from "./env";
import { findFreePort } from "./free-port";
import { killOnExit } from "./kill-on-exit";

export type ServerHandle = {
  /** http://127.0.0.1:PORT, without a trailing slash. */
  url: string;
  port: number;
  /** DATA_DIR of the server: the given one, or a fresh temp dir that stop() removes. */
  dataDir: string;
  /** The last ~200 lines the server wrote to stdout and stderr. */
  logs: () => string;
  /** SIGTERM, SIGKILL after 10 s; then removes the temp DATA_DIR if this helper created it. Idempotent. */
  stop: () => Promise<void>;
};

const repoRoot = resolve(import.meta.dirname, "../..");
const serverDir = join(repoRoot, "apps/server");
const serverEntry = join(serverDir, "dist/index.js");
const LOG_LINES = 200;
const STOP_GRACE_MS = 10_000;

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * Starts the built composition root (`node apps/server/dist/index.js`, build it first) on a free port with
 * NODE_ENV=production, LOG_LEVEL=warn, MFA_REQUIRED=0, the given env on top, and resolves once GET /healthz answers 200 (60 s at
 * most). The child gets only PATH/HOME/TMPDIR/LANG/TZ from this process, not its whole environment.
 */
export async function startServer(
  options: {
    env?: Record<string, string>;
    /** Options for node itself, before the entry (`--cpu-prof`, which NODE_OPTIONS does not allow). */
    nodeArgs?: string[];
    dataDir?: string;
    healthTimeoutMs?: number;
    /** Every line the server writes (stdout, and stderr prefixed "[stderr] "), for a spec that examines its log. */
    onLogLine?: (line: string) => void;
  } = {},
): Promise<ServerHandle> {
  const env = options.env ?? {};
  if ("PORT" in env) throw new Error("startServer: PORT is chosen by the helper; read it from the handle");
  if ("DATA_DIR" in env) throw new Error("startServer: pass DATA_DIR as the dataDir option, not in env");
  if (!existsSync(serverEntry)) {
    throw new Error(
      `startServer: ${serverEntry} does not exist; build it: npx turbo run build --filter=@ketenportaal/server`,
    );
  }
  const healthTimeoutMs = options.healthTimeoutMs ?? 60_000;
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "kp-server-data-")));
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;

  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), serverEntry], {
    cwd: serverDir,
    env: {
      ...getChildBaseEnv(),
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      // Specs that are not about the second factor log in with a password alone, on PostgreSQL too.
      MFA_REQUIRED: "0",
      ...env,
      PORT: String(port),
      DATA_DIR: dataDir,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });

  const lines: string[] = [];
  const collect = (stream: NodeJS.ReadableStream | null, prefix: string) => {
    if (!stream) return;
    createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on("line", (line) => {
      lines.push(`${prefix}${line}`);
      options.onLogLine?.(`${prefix}${line}`);
      if (lines.length > LOG_LINES) lines.splice(0, lines.length - LOG_LINES);
    });
  };
  collect(child.stdout, "");
  collect(child.stderr, "[stderr] ");
  const logs = () => lines.join("\n");

  let spawnError: Error | undefined;
  child.once("error", (error) => {
    spawnError = error;
  });
  const unregister = child.pid === undefined ? () => {} : killOnExit({ pid: child.pid });

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (!hasExited(child) && child.pid !== undefined) {
        child.kill("SIGTERM");
        if (!(await waitForExit(child, STOP_GRACE_MS))) {
          child.kill("SIGKILL");
          await waitForExit(child, 5000);
        }
      }
      unregister();
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    })();
    return stopping;
  };

  const deadline = Date.now() + healthTimeoutMs;
  let failure: string | undefined;
  for (;;) {
    if (spawnError) {
      failure = `could not spawn ${process.execPath}: ${spawnError.message}`;
      break;
    }
    if (hasExited(child)) {
      // Let the output of a crash reach the buffer before reporting it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      failure = `server exited before it was healthy (${child.exitCode !== null ? `code ${child.exitCode}` : child.signalCode})`;
      break;
    }
    if (await isHealthy(url)) return { url, port, dataDir, logs, stop };
    if (Date.now() > deadline) {
      failure = `GET ${url}/healthz did not answer 200 within ${healthTimeoutMs} ms`;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`startServer: ${failure}\n--- server output (last ${LOG_LINES} lines) ---\n${logs() || "(none)"}`);
}
