import { Form } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { type OutboxFilters, outboxFilterParams } from "../lib/outbox-filters";
import { nl } from "../messages/nl";
import { AppLink } from "./app-link";
import { SelectField } from "./select-field";
import { TextField } from "./text-field";

const m = nl.adminEvents;

/** The Gebeurtenissen filters: a GET form, so the filters are in the address and nothing is needed but HTML. */
export function OutboxFiltersForm({
  filters,
  clearHref,
  active,
}: {
  filters: OutboxFilters;
  clearHref: string;
  active: boolean;
}) {
  return (
    <section aria-labelledby="filters-heading" className="kp-filters">
      <h2 id="filters-heading" className="utrecht-heading-2 kp-filters__heading">
        {m.filtersHeading}
      </h2>
      <Form method="get" className="kp-filters__form">
        <div className="kp-filters__fields">
          <SelectField
            name={outboxFilterParams.published}
            label={m.publishedLabel}
            placeholder={m.allEvents}
            options={[
              { value: "wachtend", label: m.unpublishedOnly },
              { value: "gepubliceerd", label: m.publishedOnly },
            ]}
            defaultValue={filters.published}
          />
          <TextField
            name={outboxFilterParams.aggregateId}
            label={m.aggregateLabel}
            description={m.aggregateDescription}
            error={filters.invalidAggregateId !== null ? m.aggregateInvalid : undefined}
            defaultValue={filters.invalidAggregateId ?? filters.aggregateId}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <div className="kp-filters__actions">
          <Button type="submit" appearance="secondary-action-button">
            {m.applyFilters}
          </Button>
          {active ? <AppLink to={clearHref}>{m.clearFilters}</AppLink> : null}
        </div>
      </Form>
    </section>
  );
}
