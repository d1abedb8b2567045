import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { tryApi } from "../api-errors.server";
import { Alert } from "../components/alert";
import { AppLink } from "../components/app-link";
import { ErrorSummary } from "../components/error-summary";
import { TextField } from "../components/text-field";
import { Heading1, Paragraph } from "../components/typography";
import { textOf } from "../lib/form-data";
import { fieldErrorSummary, fieldErrorsFromRefusal } from "../lib/form-errors";
import { nl, pageTitle } from "../messages/nl";

const m = nl.invite;
const FIELDS = ["password", "passwordConfirmation"] as const;
type Field = (typeof FIELDS)[number];

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

/** The link from an invite e-mail: no session needed; the token in the path is the secret. */
export async function loader(args: LoaderFunctionArgs) {
  const token = args.params.token ?? "";
  const { state } = await args.context.api.auth.invite.get({ token }).catch(() => ({ state: "unknown" as const }));
  return { state };
}

type ActionResult = { done?: boolean; conflict?: string; fieldErrors?: Partial<Record<Field, string>> };

export async function action(args: ActionFunctionArgs) {
  const token = args.params.token ?? "";
  const formData = await args.request.formData();
  const done = await tryApi(
    args,
    (api) =>
      api.auth.invite.accept({
        token,
        password: textOf(formData, "password"),
        passwordConfirmation: textOf(formData, "passwordConfirmation"),
      }),
    m.invalidRequest,
  );
  if (!done.ok) return data<ActionResult>(fieldErrorsFromRefusal(done.refusal, FIELDS), { status: 400 });
  return data<ActionResult>({ done: true });
}

export default function InviteRoute() {
  const { state } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fieldErrors = result?.fieldErrors ?? {};
  if (result?.done) {
    return (
      <div className="kp-narrow">
        <Heading1>{m.heading}</Heading1>
        <Alert type="ok" role="status">
          {m.done}
        </Alert>
        <Paragraph>
          <AppLink to="/inloggen">{m.toLogin}</AppLink>
        </Paragraph>
      </div>
    );
  }
  if (state !== "open") {
    return (
      <div className="kp-narrow">
        <Heading1>{m.heading}</Heading1>
        <Alert type="warning" role="alert">
          {m[state]}
        </Alert>
        <Paragraph>
          <AppLink to="/inloggen">{m.toLogin}</AppLink>
        </Paragraph>
      </div>
    );
  }
  return (
    <div className="kp-narrow">
      <Heading1>{m.heading}</Heading1>
      {result?.conflict ? (
        <Alert type="warning" role="alert">
          {result.conflict}
        </Alert>
      ) : null}
      <Paragraph>{m.intro}</Paragraph>
      <Form method="post" noValidate className="kp-form">
        <ErrorSummary errors={fieldErrorSummary(FIELDS, result?.fieldErrors)} focusKey={result} />
        <TextField
          name="password"
          type="password"
          label={m.passwordLabel}
          description={m.passwordDescription}
          error={fieldErrors.password}
          autoComplete="new-password"
          required
        />
        <TextField
          name="passwordConfirmation"
          type="password"
          label={m.confirmationLabel}
          error={fieldErrors.passwordConfirmation}
          autoComplete="new-password"
          required
        />
        <Button type="submit" appearance="primary-action-button">
          {m.submit}
        </Button>
      </Form>
    </div>
  );
}
