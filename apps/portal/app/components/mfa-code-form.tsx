import { Form } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { nl } from "../messages/nl";
import { ErrorSummary } from "./error-summary";
import { TextField } from "./text-field";

const m = nl.mfa;

/** One field for a TOTP code (or a recovery code) and a submit button; works without JavaScript. */
export function MfaCodeForm(props: {
  redirectTo: string | null;
  error: string | null;
  submit: string;
  description?: string;
  attempt?: unknown;
}) {
  return (
    <>
      <ErrorSummary
        errors={props.error ? [{ message: props.error, fieldId: "field-code" }] : []}
        focusKey={props.attempt}
      />
      <Form method="post" noValidate className="kp-form">
        {props.redirectTo ? <input type="hidden" name="redirectTo" value={props.redirectTo} /> : null}
        <TextField
          name="code"
          label={m.codeLabel}
          {...(props.description ? { description: props.description } : {})}
          autoComplete="one-time-code"
          spellCheck={false}
          autoCapitalize="none"
          error={props.error ?? undefined}
          required
        />
        <Button type="submit" appearance="primary-action-button">
          {props.submit}
        </Button>
      </Form>
    </>
  );
}

/** The Dutch message for a refused code. */
export function mfaErrorOf(code: string | null): string {
  return code === "TOO_MANY_REQUESTS" ? m.tooManyAttempts : m.codeInvalid;
}
