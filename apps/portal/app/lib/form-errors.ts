import { addFieldError, type FieldErrors, fieldId } from "./form-data";

/** The part of an API refusal a form shows (see `apiRefusalOf` in api-errors.server.ts). */
export type RefusalForForm = {
  code: "BAD_REQUEST" | "CONFLICT";
  message: string;
  fieldErrors: readonly { path: string; message: string }[];
};

export type FormProblems = {
  /** Messages shown at the field they are about, by form field name. */
  fieldErrors: FieldErrors;
  /** Messages about no field in particular (or a field this form does not have), for the error summary. */
  formErrors: string[];
};

/**
 * Puts the API's problems next to the form's fields. `fieldOf` turns an API path ("persons.1.name") into a form
 * field name, or null when the form has no such field. The refusal's general message is shown only when it adds
 * something: when no field got a message, or for a conflict that says more than the field messages do.
 */
export function problemsFromRefusal(refusal: RefusalForForm, fieldOf: (path: string) => string | null): FormProblems {
  const fieldErrors: FieldErrors = {};
  const unmatched: string[] = [];
  for (const error of refusal.fieldErrors) {
    const field = fieldOf(error.path);
    if (field) addFieldError(fieldErrors, field, error.message);
    else unmatched.push(error.message);
  }
  const fieldMessages = new Set(Object.values(fieldErrors));
  const formErrors: string[] = [];
  const mapped = fieldMessages.size > 0;
  if ((!mapped && unmatched.length === 0) || (refusal.code === "CONFLICT" && !fieldMessages.has(refusal.message))) {
    formErrors.push(refusal.message);
  }
  for (const message of unmatched) if (!formErrors.includes(message)) formErrors.push(message);
  return { fieldErrors, formErrors };
}

export type SummaryItem = { message: string; fieldId?: string };

/**
 * The error summary's items: general messages first, then one per field in the order the fields appear on the
 * page, each linking to its input. `describe` can make a message clearer out of context ("Directbetrokkene 2: …").
 */
export function summaryItems(
  problems: FormProblems,
  fieldOrder: readonly string[],
  describe: (field: string, message: string) => string = (_field, message) => message,
): SummaryItem[] {
  const items: SummaryItem[] = problems.formErrors.map((message) => ({ message }));
  const fields = Object.keys(problems.fieldErrors);
  const position = (field: string) => {
    const index = fieldOrder.indexOf(field);
    return index === -1 ? fieldOrder.length : index;
  };
  for (const field of [...fields].sort((a, b) => position(a) - position(b))) {
    const message = problems.fieldErrors[field];
    if (message) items.push({ message: describe(field, message), fieldId: fieldId(field) });
  }
  return items;
}

/**
 * For a form with a fixed list of fields: the API's first message per field (a path "services.0" belongs to
 * "services"; `alias` renames an API path the form calls otherwise), and the refusal's own message as a conflict when
 * none of them is about a field of this form.
 */
export function fieldErrorsFromRefusal<F extends string>(
  refusal: RefusalForForm,
  fields: readonly F[],
  alias: Partial<Record<string, F>> = {},
): { fieldErrors: Partial<Record<F, string>>; conflict?: string } {
  const fieldErrors: Partial<Record<F, string>> = {};
  for (const error of refusal.fieldErrors) {
    const field = alias[error.path] ?? fields.find((name) => error.path === name || error.path.startsWith(`${name}.`));
    if (field && !fieldErrors[field]) fieldErrors[field] = error.message;
  }
  return Object.keys(fieldErrors).length === 0 ? { fieldErrors, conflict: refusal.message } : { fieldErrors };
}

/** The error summary of such a form: one item per field with a message, in the fields' order, linking to it. */
export function fieldErrorSummary<F extends string>(
  fields: readonly F[],
  fieldErrors: Partial<Record<F, string>> | undefined,
): SummaryItem[] {
  return fields.flatMap((field) => {
    const message = fieldErrors?.[field];
    return message ? [{ message, fieldId: fieldId(field) }] : [];
  });
}
