import { z } from "zod";
import { nl } from "../messages/nl";

const m = nl.login;

// Mirrors the API's own input rules, with a message per field: an API refusal carries no field errors for us.
const ZLoginForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, m.emailRequired)
    .max(320, m.emailTooLong)
    .regex(/^[^\s@]+@[^\s@]+$/, m.emailInvalid),
  password: z.string().min(1, m.passwordRequired).max(1024, m.passwordTooLong),
});

export type LoginField = keyof z.infer<typeof ZLoginForm>;
export const loginFields: readonly LoginField[] = ["email", "password"];

export type LoginFieldErrors = Partial<Record<LoginField, string>>;

export type LoginFormResult =
  | { ok: true; values: { email: string; password: string } }
  | { ok: false; values: { email: string }; fieldErrors: LoginFieldErrors };

function text(value: FormDataEntryValue | null): string {
  return typeof value === "string" ? value : "";
}

/** Reads the login form. The password is never echoed back; the e-mail address is, so it need not be retyped. */
export function parseLoginForm(formData: FormData): LoginFormResult {
  const raw = { email: text(formData.get("email")), password: text(formData.get("password")) };
  const result = ZLoginForm.safeParse(raw);
  if (result.success) return { ok: true, values: result.data };

  const fieldErrors: LoginFieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if ((field === "email" || field === "password") && !fieldErrors[field]) fieldErrors[field] = issue.message;
  }
  return { ok: false, values: { email: raw.email.trim() }, fieldErrors };
}
