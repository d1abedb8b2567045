import { Form, useNavigation } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { type AuditLogFilters, auditActions, auditLogFields, auditOutcomes } from "../lib/audit-log-filters";
import type { FieldErrors } from "../lib/form-data";
import { nl } from "../messages/nl";
import { AppLink } from "./app-link";
import { SelectField } from "./select-field";
import { TextField } from "./text-field";

const m = nl.adminAuditLog;

export type AuditLogFormValues = Omit<AuditLogFilters, "caseId" | "userId" | "cursor"> & {
  caseReference: string;
  userEmail: string;
};

/**
 * The audit-log search. Posted, not a GET form: a case reference and an e-mail address are typed here, and those
 * must not end up in an address. The action turns them into ids and redirects to the address with ids only.
 */
export function AuditLogFiltersForm({
  values,
  errors,
  organisations,
  purposes,
  clearHref,
  active,
}: {
  values: AuditLogFormValues;
  errors: FieldErrors;
  organisations: readonly { id: string; name: string }[];
  purposes: readonly string[];
  clearHref: string;
  active: boolean;
}) {
  const navigation = useNavigation();
  return (
    <section aria-labelledby="filters-heading" className="kp-filters">
      <h2 id="filters-heading" className="utrecht-heading-2 kp-filters__heading">
        {m.filtersHeading}
      </h2>
      <p className="utrecht-paragraph">{m.filtersIntro}</p>
      <Form method="post" className="kp-filters__form" noValidate>
        <div className="kp-filters__fields">
          <TextField
            name={auditLogFields.caseReference}
            label={m.caseLabel}
            description={m.caseDescription}
            error={errors[auditLogFields.caseReference]}
            defaultValue={values.caseReference}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            name={auditLogFields.userEmail}
            label={m.userLabel}
            type="email"
            error={errors[auditLogFields.userEmail]}
            defaultValue={values.userEmail}
            autoComplete="off"
            spellCheck={false}
          />
          <SelectField
            name={auditLogFields.organisationId}
            label={m.organisationLabel}
            placeholder={m.allOrganisations}
            options={organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
            defaultValue={values.organisationId}
          />
          <TextField
            name={auditLogFields.from}
            label={m.fromLabel}
            description={m.dateDescription}
            type="date"
            error={errors[auditLogFields.from]}
            defaultValue={values.from}
          />
          <TextField
            name={auditLogFields.to}
            label={m.toLabel}
            description={m.dateDescription}
            type="date"
            error={errors[auditLogFields.to]}
            defaultValue={values.to}
          />
          <SelectField
            name={auditLogFields.purpose}
            label={m.purposeLabel}
            placeholder={m.allPurposes}
            options={purposes.map((purpose) => ({ value: purpose, label: m.purposes[purpose] ?? purpose }))}
            defaultValue={values.purpose}
          />
          <SelectField
            name={auditLogFields.action}
            label={m.actionLabel}
            placeholder={m.allActions}
            options={auditActions.map((action) => ({ value: action, label: m.actions[action] ?? action }))}
            defaultValue={values.action}
          />
          <SelectField
            name={auditLogFields.outcome}
            label={m.outcomeLabel}
            placeholder={m.allOutcomes}
            options={auditOutcomes.map((outcome) => ({ value: outcome, label: m.outcomes[outcome] }))}
            defaultValue={values.outcome}
          />
        </div>
        <div className="kp-filters__actions">
          <Button type="submit" appearance="primary-action-button" busy={navigation.state === "submitting"}>
            {m.search}
          </Button>
          {active ? <AppLink to={clearHref}>{m.clear}</AppLink> : null}
        </div>
      </Form>
    </section>
  );
}
