import { FormFieldDescription } from "@utrecht/form-field-description-react";
import { FormFieldErrorMessage } from "@utrecht/form-field-error-message-react";
import { FormField } from "@utrecht/form-field-react";
import { FormLabel } from "@utrecht/form-label-react";
import type { TextareaHTMLAttributes } from "react";
import { describedBy } from "./field-ids";

type TextareaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name"> & {
  name: string;
  label: string;
  description?: string;
  error?: string | undefined;
  id?: string;
};

/** A labelled multi-line text field, styled as the NL Design System textarea. */
export function TextareaField({
  name,
  label,
  description,
  error,
  id = `field-${name}`,
  rows = 5,
  ...textarea
}: TextareaFieldProps) {
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
        <textarea
          {...textarea}
          id={id}
          name={name}
          rows={rows}
          aria-invalid={error ? true : undefined}
          aria-describedby={ids.describedBy}
          className={`utrecht-textarea utrecht-textarea--html-textarea${error ? " utrecht-textarea--invalid" : ""}`}
        />
      }
    />
  );
}
