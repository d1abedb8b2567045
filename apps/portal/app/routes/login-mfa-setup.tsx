import { serializeSessionCookie, shouldUseSecureCookie } from "@ketenportaal/api/session-cookie";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { type ShouldRevalidateFunction, useActionData, useLoaderData } from "@remix-run/react";
import { apiErrorCode } from "../api-errors.server";
import { AppLink } from "../components/app-link";
import { MfaCodeForm, mfaErrorOf } from "../components/mfa-code-form";
import { Heading1, ListItem, Paragraph, UnorderedList } from "../components/typography";
import { safeRedirectTo } from "../lib/redirect-to";
import { nl, pageTitle } from "../messages/nl";
import { getOptionalUser, pendingSecondStep } from "../session.server";

const m = nl.mfa;

export const meta: MetaFunction = () => [{ title: pageTitle(m.setupTitle) }];

/**
 * Setting up the second factor: for a session that must do so before anything else, and for a logged-in person
 * who chooses to. Shows the QR code (an inline SVG) and the key; the first correct code confirms it.
 */
export async function loader({ context, request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectTo(new URL(request.url).searchParams.get("redirectTo"), "") || null;
  const step = await pendingSecondStep(context);
  if (step === "verify") throw redirect("/inloggen/code");
  const user = step === "enrol" ? null : await getOptionalUser({ context });
  if (step !== "enrol" && !user) throw redirect("/inloggen");
  try {
    const enrolment = await context.api.auth.mfa.startEnrolment();
    return { redirectTo, required: step === "enrol", qrCode: enrolment.qrCode, secret: enrolment.secret };
  } catch (error) {
    // Already set up (also right after confirming, when the loader runs again for the page with the codes).
    if (apiErrorCode(error) === "CONFLICT") return { redirectTo, required: false, qrCode: null, secret: null };
    throw error;
  }
}

/** Keep the recovery codes on screen: after confirming, this page's data need not be loaded again. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && typeof actionResult === "object" && "recoveryCodes" in actionResult && actionResult.recoveryCodes
    ? false
    : defaultShouldRevalidate;

export async function action({ context, request }: ActionFunctionArgs) {
  const form = await request.formData();
  const code = String(form.get("code") ?? "").trim();
  if (!code) return data({ error: m.codeRequired, recoveryCodes: null, next: null }, { status: 400 });
  try {
    const result = await context.api.auth.mfa.confirmEnrolment({ code });
    const cookie = serializeSessionCookie({ ...result, secure: shouldUseSecureCookie(request.url) });
    // The recovery codes are shown in this response only; the session cookie is new (rotated) from here on.
    return data(
      { error: null, recoveryCodes: result.recoveryCodes, next: safeRedirectTo(form.get("redirectTo")) },
      { headers: { "Set-Cookie": cookie } },
    );
  } catch (error) {
    const errorCode = apiErrorCode(error);
    if (errorCode === "UNAUTHORIZED") throw redirect("/inloggen");
    if (errorCode === "BAD_REQUEST" || errorCode === "TOO_MANY_REQUESTS") {
      return data(
        { error: mfaErrorOf(errorCode), recoveryCodes: null, next: null },
        { status: errorCode === "BAD_REQUEST" ? 400 : 429 },
      );
    }
    throw error;
  }
}

export default function LoginMfaSetupRoute() {
  const { redirectTo, required, qrCode, secret } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result?.recoveryCodes) {
    return (
      <div className="kp-narrow">
        <Heading1>{m.recoveryHeading}</Heading1>
        <Paragraph>{m.recoveryIntro}</Paragraph>
        <UnorderedList className="kp-recovery-codes">
          {result.recoveryCodes.map((code) => (
            <ListItem key={code}>
              <code>{code}</code>
            </ListItem>
          ))}
        </UnorderedList>
        <Paragraph>
          <AppLink to={result.next ?? "/"} reloadDocument>
            {m.continue}
          </AppLink>
        </Paragraph>
      </div>
    );
  }
  if (!qrCode) {
    return (
      <div className="kp-narrow">
        <Heading1>{m.setupHeading}</Heading1>
        <Paragraph>{m.alreadySetUp}</Paragraph>
        <Paragraph>
          <AppLink to="/">{m.continue}</AppLink>
        </Paragraph>
      </div>
    );
  }
  return (
    <div className="kp-narrow">
      <Heading1>{m.setupHeading}</Heading1>
      <Paragraph>{required ? m.setupIntroRequired : m.setupIntro}</Paragraph>
      <Paragraph>{m.setupScan}</Paragraph>
      <img src={qrCode} alt={m.qrAlt} width={200} height={200} />
      <Paragraph>
        {m.setupManual} <code data-testid="totp-secret">{secret}</code>
      </Paragraph>
      <Paragraph>{m.setupConfirm}</Paragraph>
      <MfaCodeForm redirectTo={redirectTo} error={result?.error ?? null} submit={m.setupSubmit} attempt={result} />
    </div>
  );
}
