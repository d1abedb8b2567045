import { z } from "zod";

export const ZLoginRequest = z.object({
  email: z.string().trim().min(1, "Vul uw e-mailadres in.").max(320, "Dit e-mailadres is te lang."),
  password: z.string().min(1, "Vul uw wachtwoord in.").max(1024, "Dit wachtwoord is te lang."),
});
export type LoginRequest = z.infer<typeof ZLoginRequest>;

export const ZLoginResponse = z.object({ token: z.string(), expiresAt: z.date() });
export type LoginResponse = z.infer<typeof ZLoginResponse>;
