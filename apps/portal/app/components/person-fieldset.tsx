import { Fieldset, FieldsetLegend } from "@utrecht/fieldset-react";
import type { FieldErrors } from "../lib/form-data";
import { type PersonField, type PersonRow, personFieldName, personRoles } from "../lib/handover-form";
import { nl } from "../messages/nl";
import { CheckboxField } from "./checkbox-field";
import { RadioGroup } from "./radio-group";
import { SelectField } from "./select-field";
import { TextField } from "./text-field";
import { TextareaField } from "./textarea-field";

const m = nl.handoverForm;

/** One directbetrokkene: a fieldset named "Directbetrokkene 2", so "Rol" and "Naam" are clear in every row. */
export function PersonFieldset({ row, values, errors }: { row: number; values: PersonRow; errors: FieldErrors }) {
  const name = (field: PersonField) => personFieldName(row, field);
  return (
    <Fieldset className="kp-person">
      <FieldsetLegend className="kp-person__legend">{m.personLegend(row + 1)}</FieldsetLegend>
      {values.id ? <input type="hidden" name={name("id")} value={values.id} /> : null}
      {values.bsnStored ? <input type="hidden" name={name("bsnStored")} value={values.bsnStored} /> : null}
      <div className="kp-person__fields">
        <SelectField
          name={name("role")}
          label={m.personRoleLabel}
          placeholder={m.chooseRole}
          options={personRoles.map((role) => ({ value: role, label: nl.personRoles[role] }))}
          defaultValue={values.role}
          error={errors[name("role")]}
        />
        <TextField
          name={name("name")}
          label={m.personNameLabel}
          defaultValue={values.name}
          error={errors[name("name")]}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          name={name("birthYear")}
          label={m.personBirthYearLabel}
          defaultValue={values.birthYear}
          error={errors[name("birthYear")]}
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          className="kp-input-year"
        />
        <TextField
          name={name("bsn")}
          label={m.personBsnLabel}
          description={values.bsnStored ? m.personBsnStored(values.bsnStored) : m.personBsnDescription}
          defaultValue={values.bsn}
          error={errors[name("bsn")]}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={20}
          className="kp-input-bsn"
        />
      </div>
      {values.bsnStored ? (
        <CheckboxField
          name={name("bsnRemove")}
          label={m.personBsnRemove}
          defaultChecked={values.bsnRemove !== ""}
          error={errors[name("bsnRemove")]}
        />
      ) : null}
      <RadioGroup
        name={name("spokenStatus")}
        legend={m.spokenLegend}
        options={[
          { value: "spoken", label: nl.forms.yes },
          { value: "not_spoken", label: nl.forms.no },
        ]}
        defaultValue={values.spokenStatus}
        error={errors[name("spokenStatus")]}
      />
      <TextareaField
        name={name("notSpokenReason")}
        label={m.notSpokenReasonLabel}
        defaultValue={values.notSpokenReason}
        error={errors[name("notSpokenReason")]}
        rows={2}
      />
    </Fieldset>
  );
}
