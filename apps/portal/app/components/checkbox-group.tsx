import { Fieldset, FieldsetLegend } from "@utrecht/fieldset-react";
import { FormFieldDescription } from "@utrecht/form-field-description-react";
import { FormFieldErrorMessage } from "@utrecht/form-field-error-message-react";
import { FormField } from "@utrecht/form-field-react";
import { FormLabel } from "@utrecht/form-label-react";
import { describedBy } from "./field-ids";

export type CheckboxOption = { value: string; label: string };

type CheckboxGroupProps = {
  name: string;
  legend: string;
  options: readonly CheckboxOption[];
  defaultValues?: readonly string[];
  description?: string;
  error?: string | undefined;
  /** Id of the first checkbox, which an error summary links to; the others get "<id>-<value>". */
  id?: string;
};

/** Several choices under one question (a fieldset and its legend), sent as repeated values of one name. */
export function CheckboxGroup({
  name,
  legend,
  options,
  defaultValues = [],
  description,
  error,
  id = `field-${name}`,
}: CheckboxGroupProps) {
  const ids = describedBy(id, { description, error });
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={ids.describedBy} className="kp-radio-group">
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description ? <FormFieldDescription id={ids.descriptionId}>{description}</FormFieldDescription> : null}
      {error ? <FormFieldErrorMessage id={ids.errorId}>{error}</FormFieldErrorMessage> : null}
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <FormField
            key={option.value}
            type="checkbox"
            label={
              <FormLabel htmlFor={optionId} type="checkbox">
                {option.label}
              </FormLabel>
            }
            input={
              <input
                type="checkbox"
                id={optionId}
                name={name}
                value={option.value}
                defaultChecked={defaultValues.includes(option.value)}
                aria-invalid={error ? true : undefined}
                className="utrecht-checkbox utrecht-checkbox--html-input kp-checkbox"
              />
            }
          />
        );
      })}
    </Fieldset>
  );
}
