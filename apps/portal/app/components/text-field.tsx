import { FormFieldDescription } from "@utrecht/form-field-description-react";
import { FormFieldErrorMessage } from "@utrecht/form-field-error-message-react";
import { FormField } from "@utrecht/form-field-react";
import { FormLabel } from "@utrecht/form-label-react";
import { Textbox, type TextboxProps } from "@utrecht/textbox-react";

type TextFieldProps = Omit<TextboxProps, "id" | "name" | "invalid"> & {
  name: string;
  label: string;
  description?: string;
  error?: string;
};

/** A labelled text input with its description and error message wired up through aria-describedby. */
export function TextField({ name, label, description, error, ...input }: TextFieldProps) {
  const id = `field-${name}`;
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <FormField
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={description ? <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription> : null}
      errorMessage={error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      input={<Textbox {...input} id={id} name={name} invalid={Boolean(error)} aria-describedby={describedBy} />}
    />
  );
}
