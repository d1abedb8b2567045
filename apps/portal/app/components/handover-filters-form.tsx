import { Form } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import type { HandoverFilters } from "../lib/handover-filters";
import { CHECKED, filterParams, handoverStatuses } from "../lib/handover-filters";
import { nl } from "../messages/nl";
import { AppLink } from "./app-link";
import { CheckboxField } from "./checkbox-field";
import { SelectField, type SelectOption } from "./select-field";

const m = nl.handovers;

export type FilterChoices = { municipalities: SelectOption[]; regions: SelectOption[] };

/**
 * The VT overview's filters: a GET form, so the filters are in the address (codes and ids only), the back button
 * works and nothing is needed but HTML.
 */
export function HandoverFiltersForm({
  filters,
  choices,
  canUseMyRegions,
  active,
}: {
  filters: HandoverFilters;
  choices: FilterChoices;
  canUseMyRegions: boolean;
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
            name={filterParams.status}
            label={m.statusLabel}
            placeholder={m.allStatuses}
            options={handoverStatuses.map((status) => ({ value: status, label: nl.handoverStatus[status] }))}
            defaultValue={filters.status}
          />
          <SelectField
            name={filterParams.municipalityCode}
            label={m.municipalityLabel}
            placeholder={m.allMunicipalities}
            options={choices.municipalities}
            defaultValue={filters.municipalityCode}
          />
          <SelectField
            name={filterParams.regionId}
            label={m.regionLabel}
            placeholder={m.allRegions}
            options={choices.regions}
            defaultValue={filters.regionId}
          />
        </div>
        <CheckboxField
          name={filterParams.overdue}
          value={CHECKED}
          label={m.overdueLabel}
          defaultChecked={filters.overdue}
        />
        {canUseMyRegions ? (
          <CheckboxField
            name={filterParams.myRegions}
            value={CHECKED}
            label={m.myRegionsLabel}
            defaultChecked={filters.myRegions}
          />
        ) : null}
        <div className="kp-filters__actions">
          <Button type="submit" appearance="secondary-action-button">
            {m.applyFilters}
          </Button>
          {active ? <AppLink to="/overdrachten">{m.clearFilters}</AppLink> : null}
        </div>
      </Form>
    </section>
  );
}
