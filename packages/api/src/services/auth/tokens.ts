import { createHash, randomBytes } from "node:crypto";

/** A new opaque secret for a session cookie or a service account. */
export function generateToken(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

/** Tokens are high-entropy, so a plain SHA-256 is enough to keep the stored value useless to a thief. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
