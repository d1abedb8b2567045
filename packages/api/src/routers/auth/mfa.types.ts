import { z } from "zod";

export const ZMfaStatusResponse = z.object({
  /** "verify": the session waits for a code; "enrol": it waits for setting up the second factor; else "none". */
  step: z.enum(["none", "verify", "enrol"]),
  /** The person has a confirmed second factor. */
  enrolled: z.boolean(),
  /** This session checked the second factor. */
  verified: z.boolean(),
});
export type MfaStatusResponse = z.infer<typeof ZMfaStatusResponse>;

export const ZStartEnrolmentResponse = z.object({
  /** Base32, for typing into an app that cannot scan. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as an SVG QR code in a data: URL. */
  qrCode: z.string(),
});

export const ZMfaCodeRequest = z.object({
  code: z.string().trim().min(1, "Vul de code in.").max(40, "Deze code is te lang."),
});

export const ZConfirmEnrolmentResponse = z.object({
  token: z.string(),
  expiresAt: z.date(),
  /** Shown once; only their hashes are stored. */
  recoveryCodes: z.array(z.string()),
});

export const ZVerifyMfaResponse = z.object({
  token: z.string(),
  expiresAt: z.date(),
  usedRecoveryCode: z.boolean(),
});
