import { Form } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { type MailFilters, mailFilterParams, mailStatusParams } from "../lib/mail-filters";
import { nl } from "../messages/nl";
import { AppLink } from "./app-link";
import { SelectField } from "./select-field";

const m = nl.adminMail;

/** The Verzonden e-mail filter: a GET form with the status in the address. */
export function MailFiltersForm({ filters, clearHref }: { filters: MailFilters; clearHref: string }) {
  return (
    <section aria-labelledby="filters-heading" className="kp-filters">
      <h2 id="filters-heading" className="utrecht-heading-2 kp-filters__heading">
        {m.filtersHeading}
      </h2>
      <Form method="get" className="kp-filters__form">
        <div className="kp-filters__fields">
          <SelectField
            name={mailFilterParams.status}
            label={m.statusLabel}
            placeholder={m.allStatuses}
            options={Object.entries(mailStatusParams).map(([param, status]) => ({
              value: param,
              label: nl.mailStatus[status],
            }))}
            defaultValue={filters.status}
          />
        </div>
        <div className="kp-filters__actions">
          <Button type="submit" appearance="secondary-action-button">
            {m.applyFilters}
          </Button>
          {filters.status ? <AppLink to={clearHref}>{m.clearFilters}</AppLink> : null}
        </div>
      </Form>
    </section>
  );
}
