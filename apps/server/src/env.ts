import { workerEnvFields } from "@ketenportaal/bridge";
import { z } from "zod";

const flag = z
  .enum(["0", "1", "true", "false"], { message: "gebruik 1 of 0" })
  .transform((value) => value === "1" || value === "true");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** PostgreSQL; without it the embedded PGlite under DATA_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// connection string")
    .optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  ...workerEnvFields,
  /** Where people reach the portal (links in e-mail). Default: http://localhost:PORT. */
  PUBLIC_URL: z.string().url("must be a URL like https://ketenportaal.example").optional(),
  /** Seed the demo region into an empty database. Default: on for the embedded database, off for DATABASE_URL. */
  DEMO_SEED: flag.optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Trust X-Forwarded-For for the client address (only behind a proxy that sets it). */
  TRUST_PROXY: flag.default(false),
});

export type ServerEnv = z.infer<typeof schema> & { demoSeed: boolean; publicUrl: string };

/** Reads and checks the environment once; a bad value stops the start with a message naming the variable. */
export function loadServerEnv(
  options: { source?: Record<string, string | undefined>; defaults?: Record<string, string> } = {},
): ServerEnv {
  const result = schema.safeParse({ ...options.defaults, ...(options.source ?? process.env) });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new InvalidEnvironmentError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = result.data;
  return {
    ...env,
    demoSeed: env.DEMO_SEED ?? !env.DATABASE_URL,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
  };
}

export class InvalidEnvironmentError extends Error {
  override name = "InvalidEnvironmentError";
}
