/**
 * Generates one national-scale database and leaves it for exploring (psql, EXPLAIN):
 *   npx tsx bench/generate/cli.ts 1m
 * prints its URL; drop it with `dropdb -h 127.0.0.1 -U postgres <name>` when done.
 */
import { createTestDatabase } from "@ketenportaal/db/testing";
import { type BenchSize, benchSizes, generateNationalData } from "./index";

const size = (process.argv[2] ?? "10k") as BenchSize;
if (!(size in benchSizes)) {
  console.error(`usage: tsx bench/generate/cli.ts <${Object.keys(benchSizes).join("|")}>`);
  process.exit(2);
}
const database = await createTestDatabase();
const report = await generateNationalData({ url: database.url, handovers: benchSizes[size], log: console.log });
console.log(
  `${report.totalRows} rows in ${report.seconds.toFixed(1)} s (${Math.round(report.rowsPerSecond)} rows/s):`,
  report.rows,
);
console.log(`database: ${database.url}`);
// Keep the database: close the pool without dropping it.
await (database.db as unknown as { $client: { end: () => Promise<void> } }).$client.end();
