import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SectionList } from "../components/section-list";
import { Heading1, Heading2, Paragraph } from "../components/typography";
import { adminPagesFor } from "../lib/admin-pages";
import { nl, pageTitle } from "../messages/nl";
import { requireRole } from "../session.server";

const m = nl.admin;

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

/** The roles with a "Beheer" section in the navigation (lib/sections.ts); everyone else gets "Geen toegang". */
export async function loader(args: LoaderFunctionArgs) {
  const user = await requireRole(args, "functional_admin", "partner_coordinator");
  return { pages: adminPagesFor(user.roles) };
}

export default function AdminRoute() {
  const { pages } = useLoaderData<typeof loader>();
  return (
    <>
      <Heading1>{m.heading}</Heading1>
      <Paragraph lead>{m.intro}</Paragraph>
      <Heading2>{m.pagesHeading}</Heading2>
      {pages.length > 0 ? <SectionList sections={pages} /> : <Paragraph>{m.noPages}</Paragraph>}
    </>
  );
}
