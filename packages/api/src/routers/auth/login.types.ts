import { z } from "zod";

export const ZLoginRequest = z.object({
  email: z.string().trim().min(1, "Vul uw e-mailadres in.").max(320, "Dit e-mailadres is te lang."),
  password: z.string().min(1, "Vul uw wachtwoord in.").max(1024, "Dit wachtwoord is te lang."),
});
export type LoginRequest = z.infer<typeof ZLoginRequest>;

/** `next`: logged in ("done"), or the session waits for the code ("verify") or for setting up MFA ("enrol"). */
export const ZLoginResponse = z.object({
  token: z.string(),
  expiresAt: z.date(),
  next: z.enum(["done", "verify", "enrol"]),
});
export type LoginResponse = z.infer<typeof ZLoginResponse>;

export const ZLoginMethodsResponse = z.object({ password: z.boolean(), oidc: z.boolean() });
export type LoginMethodsResponse = z.infer<typeof ZLoginMethodsResponse>;
