import { FormFieldDescription } from "@utrecht/form-field-description-react";
import { FormFieldErrorMessage } from "@utrecht/form-field-error-message-react";
import { FormField } from "@utrecht/form-field-react";
import { FormLabel } from "@utrecht/form-label-react";
import { describedBy } from "./field-ids";

type CheckboxFieldProps = {
  name: string;
  label: string;
  /** What the form sends when ticked. */
  value?: string;
  defaultChecked?: boolean;
  description?: string;
  error?: string | undefined;
  id?: string;
};

/** A single labelled checkbox, such as "Veiligheidsbeoordeling afgerond" or a filter. */
export function CheckboxField({
  name,
  label,
  value = "ja",
  defaultChecked,
  description,
  error,
  id = `field-${name}`,
}: CheckboxFieldProps) {
  const ids = describedBy(id, { description, error });
  return (
    <FormField
      type="checkbox"
      invalid={Boolean(error)}
      label={
        <FormLabel htmlFor={id} type="checkbox">
          {label}
        </FormLabel>
      }
      description={
        description ? <FormFieldDescription id={ids.descriptionId}>{description}</FormFieldDescription> : null
      }
      errorMessage={error ? <FormFieldErrorMessage id={ids.errorId}>{error}</FormFieldErrorMessage> : null}
      input={
        <input
          type="checkbox"
          id={id}
          name={name}
          value={value}
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={ids.describedBy}
          className="utrecht-checkbox utrecht-checkbox--html-input kp-checkbox"
        />
      }
    />
  );
}
