import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { logOut } from "../auth.server";
import { AppLink } from "../components/app-link";
import { LogoutForm } from "../components/logout-form";
import { Heading1, Paragraph } from "../components/typography";
import { nl, pageTitle } from "../messages/nl";
import { getOptionalUser } from "../session.server";

const m = nl.logout;

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

/** A GET only asks for confirmation: logging out changes state, so it takes a POST. */
export async function loader({ context }: LoaderFunctionArgs) {
  if (!(await getOptionalUser({ context }))) throw redirect("/inloggen");
  return null;
}

export async function action(args: ActionFunctionArgs) {
  throw await logOut(args);
}

export default function LogoutRoute() {
  return (
    <div className="kp-narrow">
      <Heading1>{m.heading}</Heading1>
      <Paragraph>{m.confirm}</Paragraph>
      <LogoutForm appearance="primary-action-button" />
      <Paragraph className="kp-after-form">
        <AppLink to="/">{m.cancel}</AppLink>
      </Paragraph>
    </div>
  );
}
