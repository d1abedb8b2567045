import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { getChildBaseEnv } from "../../support/env";

export type HttpLoadConfig = {
  url: string;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
  connections: number;
  durationSeconds?: number;
  /** A fixed number of requests instead of a duration. */
  amount?: number;
  /** Requests per second across all connections (a steady rate instead of as fast as possible). */
  overallRate?: number;
  /** Per-request body and headers, used in turn. */
  items?: { body?: string; headers?: Record<string, string> }[];
};

export type HttpLoadResult = {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
};

const entry = resolve(import.meta.dirname, "http-load.ts");

/** Runs autocannon in a second process and returns its figures; throws when any request failed. */
export async function runHttpLoad(config: HttpLoadConfig): Promise<HttpLoadResult> {
  const dir = await mkdtemp(join(tmpdir(), "kp-bench-load-"));
  try {
    const file = join(dir, "config.json");
    await writeFile(file, JSON.stringify(config));
    const child = spawn(process.execPath, ["--import", "tsx", entry, file], {
      cwd: resolve(import.meta.dirname, "../.."),
      env: getChildBaseEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
    const code = await new Promise<number | null>((done) => child.once("exit", (exitCode) => done(exitCode)));
    const line = stdout.trim().split("\n").at(-1);
    if (code !== 0 || !line) throw new Error(`load generator failed (exit ${code}): ${stderr}`);
    const result = JSON.parse(line) as HttpLoadResult;
    if (result.non2xx > 0 || result.errors > 0) {
      throw new Error(`${config.method} ${config.path}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
    }
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
