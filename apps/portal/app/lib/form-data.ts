/** A form field's text; missing fields and file uploads count as empty. */
export function textOf(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** Problems per form field name, one message each: the first that applies. */
export type FieldErrors = Record<string, string>;

export function addFieldError(errors: FieldErrors, field: string, message: string): void {
  if (!(field in errors)) errors[field] = message;
}

/** The id of a form field's input, which error summaries link to. */
export function fieldId(name: string): string {
  return `field-${name}`;
}
