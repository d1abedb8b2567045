import { Fieldset, FieldsetLegend } from "@utrecht/fieldset-react";
import { FormFieldDescription } from "@utrecht/form-field-description-react";
import { FormFieldErrorMessage } from "@utrecht/form-field-error-message-react";
import { FormField } from "@utrecht/form-field-react";
import { FormLabel } from "@utrecht/form-label-react";
import { describedBy } from "./field-ids";

export type RadioOption = { value: string; label: string };

type RadioGroupProps = {
  name: string;
  legend: string;
  options: readonly RadioOption[];
  defaultValue?: string;
  description?: string;
  error?: string | undefined;
  /** Id of the first radio button, which an error summary links to; the others get "<id>-<value>". */
  id?: string;
  required?: boolean;
};

/**
 * A group of radio buttons in a fieldset whose legend asks the question; the description and error message belong
 * to the whole group. The first option carries the field's id, so an error summary link lands on the group.
 */
export function RadioGroup({
  name,
  legend,
  options,
  defaultValue,
  description,
  error,
  id = `field-${name}`,
  required,
}: RadioGroupProps) {
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
            type="radio"
            label={
              <FormLabel htmlFor={optionId} type="radio">
                {option.label}
              </FormLabel>
            }
            input={
              <input
                type="radio"
                id={optionId}
                name={name}
                value={option.value}
                defaultChecked={defaultValue === option.value}
                required={required}
                aria-invalid={error ? true : undefined}
                className={`utrecht-radio-button utrecht-radio-button--html-input${
                  error ? " utrecht-radio-button--invalid" : ""
                }`}
              />
            }
          />
        );
      })}
    </Fieldset>
  );
}
