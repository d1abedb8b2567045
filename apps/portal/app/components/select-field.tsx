import { FormFieldDescription } from "@utrecht/form-field-description-react";
import { FormFieldErrorMessage } from "@utrecht/form-field-error-message-react";
import { FormField } from "@utrecht/form-field-react";
import { FormLabel } from "@utrecht/form-label-react";
import type { SelectHTMLAttributes } from "react";
import { describedBy } from "./field-ids";

export type SelectOption = { value: string; label: string };
export type SelectOptionGroup = { label: string; options: readonly SelectOption[] };

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name" | "children"> & {
  name: string;
  label: string;
  description?: string;
  error?: string | undefined;
  id?: string;
  /** The first option, with an empty value: "Kies een gemeente", "Alle statussen". */
  placeholder?: string;
  options?: readonly SelectOption[];
  /** Options grouped under a heading each (`<optgroup>`), after `options`. */
  groups?: readonly SelectOptionGroup[];
};

/** A labelled native select, styled as the NL Design System select. Works the same with and without JavaScript. */
export function SelectField({
  name,
  label,
  description,
  error,
  id = `field-${name}`,
  placeholder,
  options = [],
  groups = [],
  ...select
}: SelectFieldProps) {
  const ids = describedBy(id, { description, error });
  return (
    <FormField
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={
        description ? <FormFieldDescription id={ids.descriptionId}>{description}</FormFieldDescription> : null
      }
      errorMessage={error ? <FormFieldErrorMessage id={ids.errorId}>{error}</FormFieldErrorMessage> : null}
      input={
        <select
          {...select}
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={ids.describedBy}
          className={`utrecht-select utrecht-select--html-select${error ? " utrecht-select--invalid" : ""}`}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
          {groups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      }
    />
  );
}
