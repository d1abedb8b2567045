import { Form, useNavigation } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import type { LoginFieldErrors } from "../lib/login-form";
import { nl } from "../messages/nl";
import { ErrorSummary, type ErrorSummaryItem } from "./error-summary";
import { TextField } from "./text-field";

const m = nl.login;

export type LoginFormProps = {
  email: string;
  redirectTo: string | null;
  formError: string | null;
  fieldErrors: LoginFieldErrors;
  /** The last submission's result; moves the focus to the errors after every attempt. */
  attempt?: unknown;
};

export function LoginForm({ email, redirectTo, formError, fieldErrors, attempt }: LoginFormProps) {
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formAction?.startsWith("/inloggen") === true;

  const errors: ErrorSummaryItem[] = [];
  if (formError) errors.push({ message: formError });
  if (fieldErrors.email) errors.push({ message: fieldErrors.email, fieldId: "field-email" });
  if (fieldErrors.password) errors.push({ message: fieldErrors.password, fieldId: "field-password" });

  return (
    <>
      <ErrorSummary errors={errors} focusKey={attempt} />
      {/* noValidate: the server's Dutch messages replace the browser's own, which differ per browser and language. */}
      <Form method="post" noValidate className="kp-form">
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <TextField
          name="email"
          type="email"
          label={m.emailLabel}
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
          defaultValue={email}
          error={fieldErrors.email}
          required
        />
        <TextField
          name="password"
          type="password"
          label={m.passwordLabel}
          autoComplete="current-password"
          error={fieldErrors.password}
          required
        />
        <Button type="submit" appearance="primary-action-button" busy={submitting}>
          {submitting ? m.submitting : m.submit}
        </Button>
      </Form>
    </>
  );
}
