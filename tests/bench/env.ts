import { z } from "zod";
import { benchSizes } from "./generate/shape";

/** The benchmark's settings; the only place in bench/ that reads process.env. */
const schema = z.object({
  /** How many handovers: tiny (smoke), 10k, 100k (default), 1m, 2m. */
  BENCH_SIZE: z.enum(Object.keys(benchSizes) as [keyof typeof benchSizes]).default("100k"),
  /** Seconds of each throughput run (hello, inbox). */
  BENCH_DURATION: z.coerce.number().int().min(1).max(600).optional(),
  /** Seconds of inbox load while the server's memory is sampled; 600 for the ten minutes. */
  BENCH_RSS_SECONDS: z.coerce.number().int().min(1).max(3600).optional(),
  /** Concurrent HTTP connections and pgbench clients. */
  BENCH_CONNECTIONS: z.coerce.number().int().min(1).max(256).optional(),
  /** 1: the server writes a V8 CPU profile (--cpu-prof) into this directory's .cpuprofiles/ on exit. */
  BENCH_CPU_PROF: z.enum(["0", "1"]).default("0"),
  /**
   * A database `bench/generate/cli.ts` generated at BENCH_SIZE, to skip generating 1m or 2m again. The run adds its
   * own offered handovers to accept, so the database can be reused; it is not dropped.
   */
  BENCH_DATABASE_URL: z.string().url().optional(),
  /** 0: print the figures but leave docs/performance.md alone. */
  BENCH_WRITE_DOCS: z.enum(["0", "1"]).default("1"),
});

export const benchEnv = schema.parse(process.env);
