import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { getChildBaseEnv } from "./env";
import { killOnExit } from "./kill-on-exit";

export type BridgeProcessHandle = {
  pid: number;
  /** The last ~200 lines the bridge wrote to stdout and stderr. */
  logs: () => string;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal right away (SIGKILL for a crash). */
  kill: (signal: NodeJS.Signals) => void;
  /** SIGTERM, SIGKILL after 10 s; removes the temp DATA_DIR. Idempotent. */
  stop: () => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

const repoRoot = resolve(import.meta.dirname, "../..");
const bridgeEntry = join(repoRoot, "apps/bridge/dist/main.js");
const LOG_LINES = 200;

/**
 * Starts the built bridge (`node apps/bridge/dist/main.js`, build it first) as its own process with the given env
 * (DATABASE_URL at least) on top of PATH/HOME/TMPDIR/LANG/TZ, NODE_ENV=production and a fresh DATA_DIR. Resolves
 * once it is spawned; the bridge works on the database without telling, so wait for its effects there.
 */
export async function startBridgeProcess(options: { env: Record<string, string> }): Promise<BridgeProcessHandle> {
  if (!existsSync(bridgeEntry)) {
    throw new Error(
      `startBridgeProcess: ${bridgeEntry} does not exist; build it: npm run build -w @ketenportaal/bridge`,
    );
  }
  const dataDir = await mkdtemp(join(tmpdir(), "kp-bridge-data-"));
  const child: ChildProcess = spawn(process.execPath, [bridgeEntry], {
    cwd: join(repoRoot, "apps/bridge"),
    env: {
      ...getChildBaseEnv(),
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      // Its /metrics and /healthz on a free port of the loopback interface, never on a fixed one.
      BRIDGE_HTTP_HOST: "127.0.0.1",
      BRIDGE_HTTP_PORT: "0",
      DATA_DIR: dataDir,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) {
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(`startBridgeProcess: could not spawn ${process.execPath}`);
  }
  const pid = child.pid;
  const unregister = killOnExit({ pid });
  const lines: string[] = [];
  for (const [stream, prefix] of [
    [child.stdout, ""],
    [child.stderr, "[stderr] "],
  ] as const) {
    if (!stream) continue;
    createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on("line", (line) => {
      lines.push(`${prefix}${line}`);
      if (lines.length > LOG_LINES) lines.splice(0, lines.length - LOG_LINES);
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolveExit({ code: child.exitCode, signal: child.signalCode });
    } else child.once("exit", (code, signal) => resolveExit({ code, signal }));
  });
  void exited.then(async () => {
    unregister();
    await rm(dataDir, { recursive: true, force: true });
  });
  let stopping: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | undefined;
  return {
    pid,
    logs: () => lines.join("\n"),
    exited,
    kill: (signal) => {
      child.kill(signal);
    },
    stop: () => {
      stopping ??= (async () => {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        try {
          return await exited;
        } finally {
          clearTimeout(timer);
        }
      })();
      return stopping;
    },
  };
}
