import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AccountSummary } from "../components/account-summary";
import { SectionList } from "../components/section-list";
import { Heading1, Heading2, Paragraph } from "../components/typography";
import { formatLongDate } from "../lib/format";
import { roleLabels } from "../lib/roles";
import { sectionsFor } from "../lib/sections";
import { nl, pageTitle } from "../messages/nl";
import { requireUser } from "../session.server";

const m = nl.home;

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

export async function loader(args: LoaderFunctionArgs) {
  const me = await requireUser(args);
  // Offered to everyone: where the second factor is not required (the embedded demo, partner roles) it is a choice.
  const mfa = await args.context.api.auth.mfa.status();
  return {
    mfaEnrolled: mfa.enrolled,
    name: me.user.name,
    organisation: me.organisation.name,
    team: me.team?.name ?? null,
    roles: roleLabels(me.roles),
    sections: sectionsFor(me.roles),
    // Formatted on the server so the browser, in whatever time zone, hydrates the same text.
    today: formatLongDate(new Date()),
  };
}

export default function HomeRoute() {
  const { name, organisation, team, roles, sections, today, mfaEnrolled } = useLoaderData<typeof loader>();
  return (
    <>
      <Heading1>{m.welcome(name)}</Heading1>
      <Paragraph lead>{m.today(today)}</Paragraph>

      <Heading2>{m.accountHeading}</Heading2>
      <AccountSummary organisation={organisation} roles={roles} team={team} mfaEnrolled={mfaEnrolled} />

      <Heading2>{m.sectionsHeading}</Heading2>
      {sections.length > 0 ? <SectionList sections={sections} /> : <Paragraph>{m.noSections}</Paragraph>}
    </>
  );
}
