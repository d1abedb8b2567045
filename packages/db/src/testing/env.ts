import { z } from "zod";

/** Test-only configuration: where the machine's PostgreSQL listens for creating throwaway databases. */
export const testEnv = z
  .object({
    TEST_PG_ADMIN_URL: z.string().url().default("postgres://postgres@127.0.0.1:5432/postgres"),
  })
  .parse(process.env);
