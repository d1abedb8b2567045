import { z } from "zod";

/**
 * The only place in tests/ that reads process.env. Everything the test helpers take from the environment is declared
 * and checked here.
 */
const schema = z.object({
  /** Chromium used by the browser tests (Debian's package by default; never a downloaded one). */
  CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
  /** kcat used to start librdkafka's mock Kafka cluster; found on PATH when unset. */
  KCAT_BIN: z.string().min(1).optional(),
  PATH: z.string().default("/usr/local/bin:/usr/bin:/bin"),
  HOME: z.string().optional(),
  TMPDIR: z.string().optional(),
  LANG: z.string().optional(),
  TZ: z.string().optional(),
});

function parseSupportEnv() {
  const result = schema.safeParse(process.env);
  if (!result.success) {
    throw new Error(`Invalid test environment:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}

export type SupportEnv = z.infer<typeof schema>;

export const supportEnv: SupportEnv = parseSupportEnv();

/**
 * The environment handed to processes the helpers spawn (server, kcat): only what a process needs to run, so that
 * variables of the test runner or the developer's shell (DATABASE_URL, NODE_OPTIONS, VITEST, ...) do not leak in.
 */
export function getChildBaseEnv(): Record<string, string> {
  const base: Record<string, string> = { PATH: supportEnv.PATH };
  for (const name of ["HOME", "TMPDIR", "LANG", "TZ"] as const) {
    const value = supportEnv[name];
    if (value !== undefined) base[name] = value;
  }
  return base;
}
