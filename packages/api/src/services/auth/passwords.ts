import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/** Verifies a password; with no stored hash it still spends the same time, so timing does not reveal accounts. */
export async function verifyPassword(options: { password: string; passwordHash: string | null }): Promise<boolean> {
  if (!options.passwordHash) {
    dummyHash ??= hashPassword("ketenportaal-no-such-account");
    await verify(await dummyHash, options.password).catch(() => false);
    return false;
  }
  return verify(options.passwordHash, options.password).catch(() => false);
}
