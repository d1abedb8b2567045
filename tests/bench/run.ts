/**
 * `npm run bench`: every figure of docs/performance.md in one run. BENCH_SIZE=tiny|10k|100k|1m|2m (default 100k),
 * BENCH_DURATION, BENCH_RSS_SECONDS (600 for ten minutes), BENCH_CONNECTIONS, BENCH_CPU_PROF=1, BENCH_WRITE_DOCS=0.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { benchEnv } from "./env";
import { figuresTable, writeResultSection } from "./report";
import { defaultOptions, runBench } from "./run-bench";

const repoRoot = resolve(import.meta.dirname, "../..");
// The benchmark runs the built server, as in production.
const build = spawnSync(
  "npx",
  ["turbo", "run", "build", "--filter=@ketenportaal/server", "--output-logs=errors-only"],
  { cwd: repoRoot, stdio: "inherit" },
);
if (build.status !== 0) process.exit(build.status ?? 1);

const defaults = defaultOptions(benchEnv.BENCH_SIZE);
const cpuProfileDir = benchEnv.BENCH_CPU_PROF === "1" ? resolve(import.meta.dirname, ".cpuprofiles") : undefined;
if (cpuProfileDir) mkdirSync(cpuProfileDir, { recursive: true });
const result = await runBench({
  ...defaults,
  durationSeconds: benchEnv.BENCH_DURATION ?? defaults.durationSeconds,
  rssSeconds: benchEnv.BENCH_RSS_SECONDS ?? defaults.rssSeconds,
  connections: benchEnv.BENCH_CONNECTIONS ?? defaults.connections,
  ...(cpuProfileDir ? { cpuProfileDir } : {}),
  ...(benchEnv.BENCH_DATABASE_URL ? { databaseUrl: benchEnv.BENCH_DATABASE_URL } : {}),
  log: (line) => console.log(line),
});
console.log(`\n${figuresTable(result)}\n`);
if (benchEnv.BENCH_WRITE_DOCS === "1") {
  const path = resolve(repoRoot, "docs/performance.md");
  await writeResultSection(path, result);
  console.log(`written to ${path}`);
}
