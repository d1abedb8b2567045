import { DEFAULT_PARTNER_ACCESS_AFTER_CLOSE_DAYS } from "@ketenportaal/api";
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
  /** VT roles and beheerders must use a second factor. Default: on with DATABASE_URL, off on the embedded demo. */
  MFA_REQUIRED: flag.optional(),
  /** E-mail + password login (off when everyone logs in through OIDC). */
  PASSWORD_LOGIN: flag.default(true),
  /** OpenID provider for "Inloggen met je organisatie"; all three OIDC_* or none. */
  OIDC_ISSUER: z
    .string()
    .url("must be a URL like https://login.organisatie.example")
    .refine(secureOrLoopback, "must use https (http only for localhost)")
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Days a partner still reads its copy of a closed handover; VT keeps it (decision 012). */
  PARTNER_ACCESS_AFTER_CLOSE_DAYS: z.coerce
    .number({ message: "gebruik een aantal dagen" })
    .int("gebruik een heel aantal dagen")
    .min(1, "minstens 1 dag")
    .max(3650, "hoogstens 3650 dagen")
    .default(DEFAULT_PARTNER_ACCESS_AFTER_CLOSE_DAYS),
});

function secureOrLoopback(value: string): boolean {
  const url = new URL(value);
  return url.protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

export type ServerEnv = z.infer<typeof schema> & {
  demoSeed: boolean;
  publicUrl: string;
  mfaRequired: boolean;
  oidc: { issuer: string; clientId: string; clientSecret: string } | undefined;
};

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
  const oidcValues = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (oidcValues.some(Boolean) && !oidcValues.every(Boolean)) {
    throw new InvalidEnvironmentError(
      "Invalid environment:\n  OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three or none",
    );
  }
  if (!env.PASSWORD_LOGIN && !env.OIDC_ISSUER) {
    throw new InvalidEnvironmentError(
      "Invalid environment:\n  PASSWORD_LOGIN: 0 needs OIDC_ISSUER, or nobody can log in",
    );
  }
  return {
    ...env,
    demoSeed: env.DEMO_SEED ?? !env.DATABASE_URL,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    mfaRequired: env.MFA_REQUIRED ?? Boolean(env.DATABASE_URL),
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
        ? { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET }
        : undefined,
  };
}

export class InvalidEnvironmentError extends Error {
  override name = "InvalidEnvironmentError";
}
