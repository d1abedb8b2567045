import type { MetaFunction } from "@remix-run/node";
import { Link } from "@utrecht/link-react";
import { Heading1, Heading2, ListItem, Paragraph, UnorderedList } from "../components/typography";
import { formatDate } from "../lib/format";
import { nl, pageTitle } from "../messages/nl";

const m = nl.accessibility;

/** Update together with the text whenever the statement is reviewed. */
const STATEMENT_DATE = new Date("2026-11-25T12:00:00Z");

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

export default function AccessibilityStatementRoute() {
  return (
    <div className="kp-prose">
      <Heading1>{m.heading}</Heading1>
      <Paragraph lead>{m.intro}</Paragraph>

      <Heading2>{m.statusHeading}</Heading2>
      <Paragraph>
        <strong>{m.status}</strong>
      </Paragraph>
      <Paragraph>{m.statusExplanation}</Paragraph>

      <Heading2>{m.dateHeading}</Heading2>
      <Paragraph>{m.date(formatDate(STATEMENT_DATE))}</Paragraph>

      <Heading2>{m.scopeHeading}</Heading2>
      <Paragraph>{m.scope}</Paragraph>

      <Heading2>{m.methodHeading}</Heading2>
      <UnorderedList>
        {m.methods.map((method) => (
          <ListItem key={method}>{method}</ListItem>
        ))}
      </UnorderedList>

      <Heading2>{m.limitationsHeading}</Heading2>
      <UnorderedList>
        {m.limitations.map((limitation) => (
          <ListItem key={limitation}>{limitation}</ListItem>
        ))}
      </UnorderedList>

      <Heading2>{m.contactHeading}</Heading2>
      <Paragraph>{m.contact}</Paragraph>
      <Paragraph>
        {m.ombudsman}{" "}
        <Link href="https://www.nationaleombudsman.nl/klacht-indienen" external>
          {m.ombudsmanLink}
        </Link>
      </Paragraph>
    </div>
  );
}
