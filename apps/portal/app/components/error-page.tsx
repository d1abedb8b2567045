import { nl } from "../messages/nl";
import { AppLink } from "./app-link";
import { Heading1, Paragraph } from "./typography";

const m = nl.errors;

export function errorTitleFor(status: number): string {
  if (status === 404) return m.notFoundTitle;
  if (status === 403) return m.forbiddenTitle;
  return m.genericTitle;
}

function errorTextFor(status: number): string {
  if (status === 404) return m.notFoundText;
  if (status === 403) return m.forbiddenText;
  return m.genericText;
}

/** What a visitor sees for a missing page, a refusal or a fault: never technical detail beyond a request id. */
export function ErrorPage({ status, requestId }: { status: number; requestId: string | null }) {
  return (
    <>
      <Heading1>{errorTitleFor(status)}</Heading1>
      <Paragraph>{errorTextFor(status)}</Paragraph>
      {requestId && status !== 404 ? (
        <Paragraph>
          {m.requestId} <code className="kp-request-id">{requestId}</code>
        </Paragraph>
      ) : null}
      <Paragraph>
        <AppLink to="/">{m.homeLink}</AppLink>
      </Paragraph>
    </>
  );
}
