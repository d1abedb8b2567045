import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { callApi, tryApi } from "../api-errors.server";
import { ActionNotices } from "../components/action-notices";
import { AppLink } from "../components/app-link";
import { DataList } from "../components/data-list";
import { MailFiltersForm } from "../components/mail-filters-form";
import { MailTable, retryFields } from "../components/mail-table";
import { Pager } from "../components/pager";
import { Heading1, Heading2, Paragraph } from "../components/typography";
import { textOf } from "../lib/form-data";
import { pageHref } from "../lib/handover-filters";
import { isId } from "../lib/ids";
import { mailFilterParams, mailListInputOf, readMailFilters } from "../lib/mail-filters";
import { mailRowOf } from "../lib/mail-view";
import { noticeOf } from "../lib/notices";
import { revalidateAfterConflict } from "../lib/revalidate";
import { nl, pageTitle } from "../messages/nl";
import { requireUser } from "../session.server";

const m = nl.adminMail;
const PATH = "/beheer/e-mail";
const RETRIED_NOTICE = "opnieuw-verstuurd" satisfies keyof typeof nl.notices;

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

/** After a refused retry the table must show the message as it is now, so reload the page's data then too. */
export const shouldRevalidate = revalidateAfterConflict;

// Only a person gets here; whether they may see the e-mail queue is the API's call (403 page otherwise).
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args);
  const params = new URL(args.request.url).searchParams;
  // The notice belongs to this one page view, not to the next page's address.
  params.delete("gelukt");
  const filters = readMailFilters(params);
  const page = await callApi(args, (api) => api.admin.mail.list(mailListInputOf(filters)));
  return {
    filters,
    counts: page.counts,
    rows: page.items.map(mailRowOf),
    notice: noticeOf(args.request),
    nextHref: page.nextCursor ? pageHref(PATH, params, mailFilterParams.cursor, page.nextCursor) : null,
    firstHref: filters.cursor ? pageHref(PATH, params, mailFilterParams.cursor, null) : null,
  };
}

/** "Opnieuw versturen": back to the same list (filter kept) with a notice, or the API's Dutch conflict message. */
export async function action(args: ActionFunctionArgs) {
  await requireUser(args);
  const formData = await args.request.formData();
  const id = textOf(formData, retryFields.id);
  if (textOf(formData, retryFields.intent) !== retryFields.retryIntent || !isId(id)) {
    return data({ conflict: m.invalidRequest }, { status: 400 });
  }
  const done = await tryApi(args, (api) => api.admin.mail.retry({ id }), m.invalidRequest);
  if (!done.ok)
    return data({ conflict: done.refusal.message }, { status: done.refusal.code === "CONFLICT" ? 409 : 400 });

  const back = new URL(args.request.url).searchParams;
  back.delete("index");
  back.set("gelukt", RETRIED_NOTICE);
  throw redirect(`${PATH}?${back}`);
}

export default function AdminMailRoute() {
  const { filters, counts, rows, notice, nextHref, firstHref } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  return (
    <>
      <Paragraph>
        <AppLink to="/beheer">{nl.admin.backToAdmin}</AppLink>
      </Paragraph>
      <Heading1>{m.heading}</Heading1>
      <ActionNotices notice={notice} result={result} />
      <Paragraph>{m.intro}</Paragraph>
      <section aria-label={m.countsLabel}>
        <DataList
          rows={[
            { key: "pending", label: nl.mailStatus.pending, value: counts.pending },
            { key: "failed", label: nl.mailStatus.failed, value: counts.failed },
            { key: "sent", label: nl.mailStatus.sent, value: counts.sent },
          ]}
        />
      </section>
      <MailFiltersForm key={location.search} filters={filters} clearHref={PATH} />
      <section aria-labelledby="results-heading">
        <Heading2 id="results-heading">{m.caption}</Heading2>
        {rows.length > 0 ? <MailTable rows={rows} caption={m.caption} /> : <Paragraph>{m.noResults}</Paragraph>}
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
