import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { type LoginRefusal, logIn } from "../auth.server";
import { Alert } from "../components/alert";
import { LoginForm } from "../components/login-form";
import { Heading1, Paragraph } from "../components/typography";
import { type LoginFieldErrors, parseLoginForm } from "../lib/login-form";
import { safeRedirectTo } from "../lib/redirect-to";
import { nl, pageTitle } from "../messages/nl";
import { requireAnonymous } from "../session.server";

const m = nl.login;

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

export async function loader(args: LoaderFunctionArgs) {
  await requireAnonymous(args);
  const params = new URL(args.request.url).searchParams;
  const methods = await args.context.api.auth.methods();
  return {
    loggedOut: params.get("uitgelogd") === "1",
    redirectTo: safeRedirectTo(params.get("redirectTo"), "") || null,
    methods,
  };
}

type ActionResult = { email: string; formError: string | null; fieldErrors: LoginFieldErrors };

const refusals: Record<LoginRefusal, { status: number; message: string }> = {
  invalid_credentials: { status: 401, message: m.invalidCredentials },
  // Our own checks mirror the API's; should they drift apart, still say nothing about which field was wrong.
  invalid_input: { status: 400, message: m.invalidCredentials },
  too_many_attempts: { status: 429, message: m.tooManyAttempts },
  password_disabled: { status: 403, message: m.passwordDisabled },
};

export async function action(args: ActionFunctionArgs) {
  const formData = await args.request.formData();
  const form = parseLoginForm(formData);
  if (!form.ok) {
    return data<ActionResult>(
      { email: form.values.email, formError: null, fieldErrors: form.fieldErrors },
      { status: 400 },
    );
  }
  const result = await logIn(args, { ...form.values, redirectTo: formData.get("redirectTo") });
  if (result.ok) throw result.response;
  const refusal = refusals[result.refusal];
  return data<ActionResult>(
    { email: form.values.email, formError: refusal.message, fieldErrors: {} },
    { status: refusal.status },
  );
}

export default function LoginRoute() {
  const { loggedOut, redirectTo, methods } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="kp-narrow">
      <Heading1>{m.heading}</Heading1>
      {loggedOut && !result ? (
        <Alert type="ok" role="status">
          {m.loggedOut}
        </Alert>
      ) : null}
      {methods.oidc ? (
        <>
          <Paragraph>{m.oidcIntro}</Paragraph>
          <Form method="post" action="/inloggen/oidc" className="kp-form">
            {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
            <Button type="submit" appearance={methods.password ? "secondary-action-button" : "primary-action-button"}>
              {m.oidcButton}
            </Button>
          </Form>
        </>
      ) : null}
      {methods.password ? (
        <>
          <Paragraph>{methods.oidc ? m.orPassword : m.intro}</Paragraph>
          <LoginForm
            email={result?.email ?? ""}
            redirectTo={redirectTo}
            formError={result?.formError ?? null}
            fieldErrors={result?.fieldErrors ?? {}}
            attempt={result}
          />
        </>
      ) : null}
    </div>
  );
}
