import { FormFieldDescription } from "@utrecht/form-field-description-react";
import { FormFieldErrorMessage } from "@utrecht/form-field-error-message-react";
import { FormField } from "@utrecht/form-field-react";
import { FormLabel } from "@utrecht/form-label-react";
import { Textbox, type TextboxProps } from "@utrecht/textbox-react";
import { describedBy } from "./field-ids";

type TextFieldProps = Omit<TextboxProps, "id" | "name" | "invalid"> & {
  name: string;
  label: string;
  description?: string;
  error?: string | undefined;
  /** The input's id; "field-<name>" unless several forms on one page share a field name. */
  id?: string;
};

/** A labelled text input with its description and error message wired up through aria-describedby. */
export function TextField({ name, label, description, error, id = `field-${name}`, ...input }: TextFieldProps) {
  const ids = describedBy(id, { description, error });
  return (
    <FormField
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={
        description ? <FormFieldDescription id={ids.descriptionId}>{description}</FormFieldDescription> : null
      }
      errorMessage={error ? <FormFieldErrorMessage id={ids.errorId}>{error}</FormFieldErrorMessage> : null}
      input={<Textbox {...input} id={id} name={name} invalid={Boolean(error)} aria-describedby={ids.describedBy} />}
    />
  );
}
