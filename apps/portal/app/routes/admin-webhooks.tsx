import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { callApi, tryApi } from "../api-errors.server";
import { ActionNotices } from "../components/action-notices";
import { AppLink } from "../components/app-link";
import { DataList } from "../components/data-list";
import { Pager } from "../components/pager";
import { Heading1, Heading2, Paragraph } from "../components/typography";
import { WebhookFiltersForm } from "../components/webhook-filters-form";
import { resendFields, WebhookDeliveryTable, WebhookSubscriptionTable } from "../components/webhook-tables";
import { textOf } from "../lib/form-data";
import { pageHref } from "../lib/handover-filters";
import { isId } from "../lib/ids";
import { noticeOf } from "../lib/notices";
import { revalidateAfterConflict } from "../lib/revalidate";
import { readWebhookFilters, webhookDeliveriesInputOf, webhookFilterParams } from "../lib/webhook-filters";
import { displayCallback, webhookDeliveryRowOf, webhookSubscriptionRowOf } from "../lib/webhook-view";
import { nl, pageTitle } from "../messages/nl";
import { requireUser } from "../session.server";

const m = nl.adminWebhooks;
const PATH = "/beheer/webhooks";
const RESENT_NOTICE = "aflevering-opnieuw" satisfies keyof typeof nl.notices;
const REACTIVATED_NOTICE = "abonnement-hervat" satisfies keyof typeof nl.notices;

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

/** After a refused re-send the table must show the delivery as it is now, so reload the page's data then too. */
export const shouldRevalidate = revalidateAfterConflict;

// Only a person gets here; whether they may see the deliveries is the API's call (403 page otherwise).
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args);
  const params = new URL(args.request.url).searchParams;
  // The notice belongs to this one page view, not to the next page's address.
  params.delete("gelukt");
  const filters = readWebhookFilters(params);
  const subscriptions = await callApi(args, (api) => api.webhook.subscriptions.list());
  const page = await callApi(args, (api) => api.admin.webhooks.deliveries.list(webhookDeliveriesInputOf(filters)));
  return {
    filters,
    counts: page.counts,
    subscriptions: subscriptions.items.map(webhookSubscriptionRowOf),
    subscriptionOptions: subscriptions.items.map((subscription) => ({
      value: subscription.id,
      label: m.subscriptionOption(subscription.organisation.name, displayCallback(subscription.callbackUrl)),
    })),
    deliveries: page.items.map(webhookDeliveryRowOf),
    notice: noticeOf(args.request),
    nextHref: page.nextCursor ? pageHref(PATH, params, webhookFilterParams.cursor, page.nextCursor) : null,
    firstHref: filters.cursor ? pageHref(PATH, params, webhookFilterParams.cursor, null) : null,
  };
}

/** "Opnieuw versturen": back to the same list (filter kept) with a notice, or the API's Dutch conflict message. */
export async function action(args: ActionFunctionArgs) {
  await requireUser(args);
  const formData = await args.request.formData();
  const id = textOf(formData, resendFields.id);
  if (textOf(formData, resendFields.intent) !== resendFields.resendIntent || !isId(id)) {
    return data({ conflict: m.invalidRequest }, { status: 400 });
  }
  const done = await tryApi(args, (api) => api.admin.webhooks.deliveries.resend({ id }), m.invalidRequest);
  if (!done.ok) {
    return data({ conflict: done.refusal.message }, { status: done.refusal.code === "CONFLICT" ? 409 : 400 });
  }
  const back = new URL(args.request.url).searchParams;
  back.delete("index");
  back.set("gelukt", done.value.subscriptionReactivated ? REACTIVATED_NOTICE : RESENT_NOTICE);
  throw redirect(`${PATH}?${back}`);
}

export default function AdminWebhooksRoute() {
  const { filters, counts, subscriptions, subscriptionOptions, deliveries, notice, nextHref, firstHref } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  return (
    <>
      <Paragraph>
        <AppLink to="/beheer">{nl.admin.backToAdmin}</AppLink>
      </Paragraph>
      <Heading1>{m.heading}</Heading1>
      <Paragraph lead>{m.lead}</Paragraph>
      <ActionNotices notice={notice} result={result} />
      <Paragraph>{m.intro}</Paragraph>
      <section aria-labelledby="subscriptions-heading">
        <Heading2 id="subscriptions-heading">{m.subscriptionsHeading}</Heading2>
        {subscriptions.length > 0 ? (
          <WebhookSubscriptionTable rows={subscriptions} />
        ) : (
          <Paragraph>{m.noSubscriptions}</Paragraph>
        )}
      </section>
      <section aria-labelledby="deliveries-heading">
        <Heading2 id="deliveries-heading">{m.deliveriesHeading}</Heading2>
        <section aria-label={m.countsLabel}>
          <DataList
            rows={[
              { key: "pending", label: nl.webhookDeliveryStatus.pending, value: counts.pending },
              { key: "failed", label: nl.webhookDeliveryStatus.failed, value: counts.failed },
              { key: "delivered", label: nl.webhookDeliveryStatus.delivered, value: counts.delivered },
            ]}
          />
        </section>
        <WebhookFiltersForm
          key={location.search}
          filters={filters}
          subscriptions={subscriptionOptions}
          clearHref={PATH}
        />
        {deliveries.length > 0 ? <WebhookDeliveryTable rows={deliveries} /> : <Paragraph>{m.noDeliveries}</Paragraph>}
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
