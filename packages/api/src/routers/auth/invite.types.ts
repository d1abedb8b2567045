import { ZNewPassword } from "@ketenportaal/domain";
import { z } from "zod";

const ZInviteToken = z.string().trim().min(10, "Deze uitnodiging bestaat niet.").max(200);

export const ZInviteGetRequest = z.object({ token: ZInviteToken });
export const ZInviteGetResponse = z.object({ state: z.enum(["open", "expired", "used", "unknown"]) });

export const ZInviteAcceptRequest = z
  .object({
    token: ZInviteToken,
    password: ZNewPassword,
    passwordConfirmation: z.string(),
  })
  .refine((input) => input.password === input.passwordConfirmation, {
    message: "De wachtwoorden zijn niet gelijk.",
    path: ["passwordConfirmation"],
  });
export const ZInviteAcceptResponse = z.object({ ok: z.literal(true) });
