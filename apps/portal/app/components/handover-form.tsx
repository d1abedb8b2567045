import { Form, useNavigation } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import type { FieldErrors } from "../lib/form-data";
import { summaryItems } from "../lib/form-errors";
import {
  casePriorities,
  describeHandoverFieldError,
  type HandoverFormMode,
  type HandoverFormValues,
  handoverFormFieldOrder,
  MAX_PERSONS,
} from "../lib/handover-form";
import { nl } from "../messages/nl";
import { Alert } from "./alert";
import { AppLink } from "./app-link";
import { CheckboxField } from "./checkbox-field";
import { DataList } from "./data-list";
import { ErrorSummary } from "./error-summary";
import { PersonFieldset } from "./person-fieldset";
import { RadioGroup } from "./radio-group";
import { SelectField, type SelectOption, type SelectOptionGroup } from "./select-field";
import { TextField } from "./text-field";
import { TextareaField } from "./textarea-field";
import { Heading2, Paragraph } from "./typography";

const m = nl.handoverForm;

export type HandoverFormChoiceLists = {
  municipalities: SelectOption[];
  teams: SelectOptionGroup[];
  vtContacts: SelectOption[];
};

/** The case's registration as it is fixed: shown, not editable, and sent along unchanged. */
export type FixedRegistration = { reference: string; municipality: string; reportedAt?: string };

export type HandoverFormProps = {
  mode: HandoverFormMode;
  values: HandoverFormValues;
  fieldErrors: FieldErrors;
  formErrors: readonly string[];
  /** The last submission's result: moves the focus to the errors after every attempt. */
  attempt?: unknown;
  choices: HandoverFormChoiceLists;
  /** Hidden fields: versions, and the case once it exists. */
  hidden: Record<string, string>;
  /** Set when the registration can no longer change (editing, or after the case was saved). */
  fixedRegistration: FixedRegistration | null;
  /** Today in Amsterdam ("2026-11-25"), the latest possible meldingsdatum. */
  today: string;
  notice?: string | null;
  cancelTo: string;
  submitLabel: string;
};

/**
 * The case and its handover package in one form that works without JavaScript. "Persoon toevoegen" is a submit
 * button of its own (intent "add-person") that brings the form back with one more person row.
 */
export function HandoverForm({
  mode,
  values,
  fieldErrors,
  formErrors,
  attempt,
  choices,
  hidden,
  fixedRegistration,
  today,
  notice,
  cancelTo,
  submitLabel,
}: HandoverFormProps) {
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save";
  const errors = summaryItems({ fieldErrors, formErrors: [...formErrors] }, handoverFormFieldOrder(values), (f, msg) =>
    describeHandoverFieldError(f, msg),
  );

  return (
    <>
      <ErrorSummary errors={errors} focusKey={attempt} />
      {notice ? <Alert type="info">{notice}</Alert> : null}
      {/* noValidate: the server's Dutch messages replace the browser's own. */}
      <Form method="post" noValidate className="kp-form kp-handover-form">
        {/* The first submit button is the one Enter presses: saving, not adding a person row. */}
        <button type="submit" name="intent" value="save" hidden tabIndex={-1} />
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="personCount" value={values.persons.length} />

        <section aria-labelledby="section-case" className="kp-form-section">
          <Heading2 id="section-case">{m.caseSection}</Heading2>
          {fixedRegistration ? (
            <>
              <DataList
                rows={[
                  { key: "reference", label: m.referenceLabel, value: fixedRegistration.reference },
                  { key: "municipality", label: m.municipalityLabel, value: fixedRegistration.municipality },
                  ...(fixedRegistration.reportedAt
                    ? [{ key: "reportedAt", label: m.reportedAtLabel, value: fixedRegistration.reportedAt }]
                    : []),
                ]}
              />
              {mode === "create" ? (
                <>
                  <input type="hidden" name="reference" value={values.reference} />
                  <input type="hidden" name="municipalityCode" value={values.municipalityCode} />
                  <input type="hidden" name="reportedAt" value={values.reportedAt} />
                </>
              ) : null}
            </>
          ) : (
            <>
              <TextField
                name="reference"
                label={m.referenceLabel}
                defaultValue={values.reference}
                error={fieldErrors.reference}
                autoComplete="off"
                spellCheck={false}
              />
              <SelectField
                name="municipalityCode"
                label={m.municipalityLabel}
                placeholder={m.chooseMunicipality}
                options={choices.municipalities}
                defaultValue={values.municipalityCode}
                error={fieldErrors.municipalityCode}
              />
              <TextField
                name="reportedAt"
                type="date"
                label={m.reportedAtLabel}
                defaultValue={values.reportedAt}
                max={today}
                error={fieldErrors.reportedAt}
              />
            </>
          )}
          <SelectField
            name="priority"
            label={m.priorityLabel}
            options={casePriorities.map((priority) => ({ value: priority, label: nl.priorities[priority] }))}
            defaultValue={values.priority}
            error={fieldErrors.priority}
          />
          <CheckboxField
            name="safetyAssessmentCompleted"
            label={m.safetyAssessmentLabel}
            defaultChecked={values.safetyAssessmentCompleted}
            error={fieldErrors.safetyAssessmentCompleted}
          />
          <TextareaField
            name="conclusion"
            label={m.conclusionLabel}
            defaultValue={values.conclusion}
            error={fieldErrors.conclusion}
          />
        </section>

        <section aria-labelledby="section-persons" className="kp-form-section">
          <Heading2 id="section-persons">{m.personsSection}</Heading2>
          <Paragraph>{m.personsIntro}</Paragraph>
          {values.persons.map((person, row) => (
            // Rows are positions in the form, never reordered: the index is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <PersonFieldset key={row} row={row} values={person} errors={fieldErrors} />
          ))}
          {values.persons.length < MAX_PERSONS ? (
            <Button type="submit" name="intent" value="add-person" appearance="secondary-action-button">
              {m.addPerson}
            </Button>
          ) : null}
        </section>

        <section aria-labelledby="section-package" className="kp-form-section">
          <Heading2 id="section-package">{m.packageSection}</Heading2>
          <SelectField
            name="targetTeamId"
            label={m.targetTeamLabel}
            placeholder={m.chooseTeam}
            groups={choices.teams}
            defaultValue={values.targetTeamId}
            error={fieldErrors.targetTeamId}
          />
          <TextareaField
            name="concerns"
            label={m.concernsLabel}
            defaultValue={values.concerns}
            error={fieldErrors.concerns}
          />
          <TextareaField
            name="safetyConditions"
            label={m.safetyConditionsLabel}
            defaultValue={values.safetyConditions}
            error={fieldErrors.safetyConditions}
          />
          <TextareaField
            name="householdView"
            label={m.householdViewLabel}
            defaultValue={values.householdView}
            error={fieldErrors.householdView}
          />
          <SelectField
            name="vtContactUserId"
            label={m.vtContactLabel}
            placeholder={m.noVtContact}
            options={choices.vtContacts}
            defaultValue={values.vtContactUserId}
            error={fieldErrors.vtContactUserId}
          />
          <RadioGroup
            name="vtJoinsFirstVisit"
            legend={m.vtJoinsLegend}
            options={[
              { value: "yes", label: nl.forms.yes },
              { value: "no", label: nl.forms.no },
            ]}
            defaultValue={values.vtJoinsFirstVisit}
            error={fieldErrors.vtJoinsFirstVisit}
          />
        </section>

        <div className="kp-form-actions">
          <Button type="submit" name="intent" value="save" appearance="primary-action-button" busy={saving}>
            {submitLabel}
          </Button>
          <AppLink to={cancelTo}>{m.cancel}</AppLink>
        </div>
      </Form>
    </>
  );
}
