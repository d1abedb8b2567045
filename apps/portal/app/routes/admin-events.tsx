import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { callApi } from "../api-errors.server";
import { AppLink } from "../components/app-link";
import { OutboxEventTable } from "../components/outbox-event-table";
import { OutboxFiltersForm } from "../components/outbox-filters-form";
import { Pager } from "../components/pager";
import { Heading1, Heading2, Paragraph } from "../components/typography";
import { pageHref } from "../lib/handover-filters";
import { outboxEventRowOf } from "../lib/outbox-event-view";
import {
  aggregateHref,
  hasOutboxFilters,
  outboxFilterParams,
  outboxListInputOf,
  readOutboxFilters,
} from "../lib/outbox-filters";
import { nl, pageTitle } from "../messages/nl";
import { requireUser } from "../session.server";

const m = nl.adminEvents;
const PATH = "/beheer/gebeurtenissen";

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

// Only a person gets here; whether they may see the outbox is the API's call (403 page otherwise).
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args);
  const params = new URL(args.request.url).searchParams;
  const filters = readOutboxFilters(params);
  const page = await callApi(args, (api) => api.admin.events.list(outboxListInputOf(filters)));
  return {
    filters,
    active: hasOutboxFilters(filters),
    unpublished: m.unpublishedCount(page.unpublishedCount),
    rows: page.items.map(outboxEventRowOf),
    nextHref: page.nextCursor ? pageHref(PATH, params, outboxFilterParams.cursor, page.nextCursor) : null,
    firstHref: filters.cursor ? pageHref(PATH, params, outboxFilterParams.cursor, null) : null,
  };
}

export default function AdminEventsRoute() {
  const { filters, active, unpublished, rows, nextHref, firstHref } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <Paragraph>
        <AppLink to="/beheer">{nl.admin.backToAdmin}</AppLink>
      </Paragraph>
      <Heading1>{m.heading}</Heading1>
      <Paragraph>{m.intro}</Paragraph>
      <Paragraph lead>
        <strong>{unpublished}</strong>
      </Paragraph>
      {/* Keyed by the query, so the fields show the filters after "Alle filters wissen" or the back button. */}
      <OutboxFiltersForm key={location.search} filters={filters} clearHref={PATH} active={active} />
      <section aria-labelledby="results-heading">
        <Heading2 id="results-heading">{m.caption}</Heading2>
        {rows.length > 0 ? (
          <OutboxEventTable
            rows={rows}
            caption={m.caption}
            hrefForAggregate={(aggregateId) => aggregateHref(PATH, aggregateId)}
          />
        ) : (
          <Paragraph>{m.noResults}</Paragraph>
        )}
        <Pager
          label={m.pagerLabel}
          nextHref={nextHref}
          nextLabel={m.nextPage}
          firstHref={firstHref}
          firstLabel={m.firstPage}
        />
      </section>
    </>
  );
}
