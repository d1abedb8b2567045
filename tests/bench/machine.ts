import { cpus, loadavg, totalmem } from "node:os";
import postgres from "postgres";

export type Machine = { cores: number; cpuModel: string; ramGiB: number; postgres: string; node: string; date: string };

export async function describeMachine(databaseUrl: string): Promise<Machine> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ v: string }[]>`select current_setting('server_version') as v`;
    return {
      cores: cpus().length,
      cpuModel: cpus()[0]?.model ?? "unknown",
      ramGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
      postgres: row?.v ?? "unknown",
      node: process.version,
      date: new Date().toISOString(),
    };
  } finally {
    await sql.end();
  }
}

/** The one-minute load average: the machine is shared, so each figure is reported beside it. */
export function loadAverage(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}
