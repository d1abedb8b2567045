import { z } from "zod";

export const ZOidcStartResponse = z.object({
  authorizationUrl: z.string().url(),
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
});

export const ZOidcFinishRequest = z.object({
  /** The URL the provider sent the browser back to (with `code` and `state`). */
  callbackUrl: z.string().url().max(4096),
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  codeVerifier: z.string().min(43).max(128),
});
