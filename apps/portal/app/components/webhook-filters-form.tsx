import { Form } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import type { SelectOption } from "../components/select-field";
import {
  hasWebhookFilters,
  type WebhookFilters,
  webhookFilterParams,
  webhookStatusParams,
} from "../lib/webhook-filters";
import { nl } from "../messages/nl";
import { AppLink } from "./app-link";
import { SelectField } from "./select-field";

const m = nl.adminWebhooks;

/** The afleveringen filter: a GET form with the status and the abonnement in the address. */
export function WebhookFiltersForm({
  filters,
  subscriptions,
  clearHref,
}: {
  filters: WebhookFilters;
  subscriptions: readonly SelectOption[];
  clearHref: string;
}) {
  return (
    <section aria-labelledby="filters-heading" className="kp-filters">
      <h3 id="filters-heading" className="utrecht-heading-3 kp-filters__heading">
        {m.filtersHeading}
      </h3>
      <Form method="get" className="kp-filters__form">
        <div className="kp-filters__fields">
          <SelectField
            name={webhookFilterParams.status}
            label={m.statusLabel}
            placeholder={m.allStatuses}
            options={Object.entries(webhookStatusParams).map(([param, status]) => ({
              value: param,
              label: nl.webhookDeliveryStatus[status],
            }))}
            defaultValue={filters.status}
          />
          <SelectField
            name={webhookFilterParams.subscription}
            label={m.subscriptionLabel}
            placeholder={m.allSubscriptions}
            options={subscriptions}
            defaultValue={filters.subscriptionId}
          />
        </div>
        <div className="kp-filters__actions">
          <Button type="submit" appearance="secondary-action-button">
            {m.applyFilters}
          </Button>
          {hasWebhookFilters(filters) ? <AppLink to={clearHref}>{m.clearFilters}</AppLink> : null}
        </div>
      </Form>
    </section>
  );
}
