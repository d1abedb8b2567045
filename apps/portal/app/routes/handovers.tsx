import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { callApi } from "../api-errors.server";
import { ButtonLink } from "../components/button-link";
import { HandoverFiltersForm } from "../components/handover-filters-form";
import { HandoverTable } from "../components/handover-table";
import { Pager } from "../components/pager";
import { Heading1, Heading2, Paragraph } from "../components/typography";
import { isRegionContact } from "../lib/handover-access";
import {
  filterParams,
  hasFilters,
  INBOX_CURSOR_PARAM,
  listInputOf,
  pageHref,
  readHandoverFilters,
} from "../lib/handover-filters";
import { handoverRowOf } from "../lib/handover-view";
import { isCursor } from "../lib/ids";
import { nl, pageTitle } from "../messages/nl";
import { requireHandoverWorker } from "../session.server";

const m = nl.handovers;
const PATH = "/overdrachten";

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

export async function loader(args: LoaderFunctionArgs) {
  const { user, view } = await requireHandoverWorker(args);
  const params = new URL(args.request.url).searchParams;

  if (view === "vt") {
    const canUseMyRegions = isRegionContact(user);
    const filters = readHandoverFilters(params, { canUseMyRegions });
    const [page, options] = await callApi(args, (api) =>
      Promise.all([api.handover.list(listInputOf(filters)), api.handover.formOptions()]),
    );
    return {
      view,
      filters,
      canUseMyRegions,
      active: hasFilters(filters),
      choices: {
        municipalities: options.municipalities.map((municipality) => ({
          value: municipality.code,
          label: municipality.name,
        })),
        regions: options.regions.map((region) => ({ value: region.id, label: region.name })),
      },
      rows: page.items.map(handoverRowOf),
      nextHref: page.nextCursor ? pageHref(PATH, params, filterParams.cursor, page.nextCursor) : null,
      firstHref: filters.cursor ? pageHref(PATH, params, filterParams.cursor, null) : null,
    };
  }

  const inboxCursor = params.get(INBOX_CURSOR_PARAM);
  const ongoingCursor = params.get(filterParams.cursor);
  const [inbox, ongoing] = await callApi(args, (api) =>
    Promise.all([
      api.handover.inbox(isCursor(inboxCursor) ? { cursor: inboxCursor } : {}),
      api.handover.list({
        status: ["accepted", "started"],
        ...(isCursor(ongoingCursor) ? { cursor: ongoingCursor } : {}),
      }),
    ]),
  );
  return {
    view,
    inbox: {
      rows: inbox.items.map(handoverRowOf),
      nextHref: inbox.nextCursor ? pageHref(PATH, params, INBOX_CURSOR_PARAM, inbox.nextCursor) : null,
      firstHref: isCursor(inboxCursor) ? pageHref(PATH, params, INBOX_CURSOR_PARAM, null) : null,
    },
    ongoing: {
      rows: ongoing.items.map(handoverRowOf),
      nextHref: ongoing.nextCursor ? pageHref(PATH, params, filterParams.cursor, ongoing.nextCursor) : null,
      firstHref: isCursor(ongoingCursor) ? pageHref(PATH, params, filterParams.cursor, null) : null,
    },
  };
}

export default function HandoversRoute() {
  const data = useLoaderData<typeof loader>();
  const location = useLocation();

  if (data.view === "partner") {
    return (
      <>
        <Heading1>{m.heading}</Heading1>
        <section aria-labelledby="inbox-heading">
          <Heading2 id="inbox-heading">{m.inboxHeading}</Heading2>
          <Paragraph>{m.inboxIntro}</Paragraph>
          {data.inbox.rows.length > 0 ? (
            <HandoverTable rows={data.inbox.rows} caption={m.inboxCaption} perspective="partner" />
          ) : (
            <Paragraph>{m.inboxEmpty}</Paragraph>
          )}
          <Pager
            label={m.inboxPagerLabel}
            nextHref={data.inbox.nextHref}
            nextLabel={m.inboxNextPage}
            firstHref={data.inbox.firstHref}
            firstLabel={m.firstPage}
          />
        </section>
        <section aria-labelledby="ongoing-heading">
          <Heading2 id="ongoing-heading">{m.ongoingHeading}</Heading2>
          <Paragraph>{m.ongoingIntro}</Paragraph>
          {data.ongoing.rows.length > 0 ? (
            <HandoverTable rows={data.ongoing.rows} caption={m.ongoingCaption} perspective="partner" />
          ) : (
            <Paragraph>{m.ongoingEmpty}</Paragraph>
          )}
          <Pager
            label={m.ongoingPagerLabel}
            nextHref={data.ongoing.nextHref}
            nextLabel={m.nextPage}
            firstHref={data.ongoing.firstHref}
            firstLabel={m.firstPage}
          />
        </section>
      </>
    );
  }

  const caption = data.filters.myRegions ? m.myRegionsCaption : m.resultsCaption;
  return (
    <>
      <Heading1>{m.heading}</Heading1>
      <Paragraph>{m.vtIntro}</Paragraph>
      <p className="kp-page-actions">
        <ButtonLink to="/overdrachten/nieuw">{m.newHandover}</ButtonLink>
      </p>
      {/* Keyed by the query, so the fields show the filters after "Alle filters wissen" or the back button. */}
      <HandoverFiltersForm
        key={location.search}
        filters={data.filters}
        choices={data.choices}
        canUseMyRegions={data.canUseMyRegions}
        active={data.active}
      />
      <section aria-labelledby="results-heading">
        <Heading2 id="results-heading">{caption}</Heading2>
        {data.rows.length > 0 ? (
          <HandoverTable rows={data.rows} caption={caption} perspective="vt" />
        ) : (
          <Paragraph>{m.noResults}</Paragraph>
        )}
        <Pager
          label={m.pagerLabel}
          nextHref={data.nextHref}
          nextLabel={m.nextPage}
          firstHref={data.firstHref}
          firstLabel={m.firstPage}
        />
      </section>
    </>
  );
}
