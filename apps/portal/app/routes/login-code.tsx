import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { apiErrorCode } from "../api-errors.server";
import { sessionRedirect } from "../auth.server";
import { MfaCodeForm, mfaErrorOf } from "../components/mfa-code-form";
import { Heading1, Paragraph } from "../components/typography";
import { safeRedirectTo } from "../lib/redirect-to";
import { nl, pageTitle } from "../messages/nl";
import { pendingSecondStep } from "../session.server";

const m = nl.mfa;

export const meta: MetaFunction = () => [{ title: pageTitle(m.codeTitle) }];

/** The second login step: only for a session whose password was right and that waits for its code. */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectTo(new URL(request.url).searchParams.get("redirectTo"), "") || null;
  const step = await pendingSecondStep(context);
  if (step === "enrol") throw redirect("/inloggen/tweestapsverificatie");
  if (step !== "verify") throw redirect("/inloggen");
  return { redirectTo };
}

export async function action({ context, request }: ActionFunctionArgs) {
  const form = await request.formData();
  const redirectTo = form.get("redirectTo");
  const code = String(form.get("code") ?? "").trim();
  if (!code) return data({ error: m.codeRequired }, { status: 400 });
  try {
    const session = await context.api.auth.mfa.verify({ code });
    throw sessionRedirect(request, session, redirectTo);
  } catch (error) {
    if (error instanceof Response) throw error;
    const errorCode = apiErrorCode(error);
    if (errorCode === "UNAUTHORIZED") throw redirect("/inloggen");
    if (errorCode === "BAD_REQUEST" || errorCode === "TOO_MANY_REQUESTS") {
      return data({ error: mfaErrorOf(errorCode) }, { status: errorCode === "BAD_REQUEST" ? 400 : 429 });
    }
    throw error;
  }
}

export default function LoginCodeRoute() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="kp-narrow">
      <Heading1>{m.codeHeading}</Heading1>
      <Paragraph>{m.codeIntro}</Paragraph>
      <MfaCodeForm
        redirectTo={redirectTo}
        error={result?.error ?? null}
        submit={m.submit}
        description={m.codeDescription}
        attempt={result}
      />
    </div>
  );
}
