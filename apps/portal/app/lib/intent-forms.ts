import { data } from "@remix-run/node";
import { fieldErrorSummary, fieldErrorsFromRefusal, type RefusalForForm, type SummaryItem } from "./form-errors";

/**
 * A page with several forms, told apart by the submit button's `intent` (the triage and wachtlijst case pages): what
 * the action answers, so only the form that was posted shows its errors and keeps its values.
 */
export type IntentFormResult<F extends string> = {
  intent?: string;
  conflict?: string;
  fieldErrors?: Partial<Record<F, string>>;
  values?: Record<string, string>;
};

/** The API's refusal of the posted form, at that form's fields (400, or 409 for a conflict). */
export function refusedForIntent<F extends string>(options: {
  intent: string;
  refusal: RefusalForForm;
  fields: readonly F[];
  values: Record<string, string>;
  alias?: Partial<Record<string, F>>;
}) {
  const { intent, refusal, fields, values, alias } = options;
  return data<IntentFormResult<F>>(
    { intent, ...fieldErrorsFromRefusal(refusal, fields, alias), values },
    { status: refusal.code === "CONFLICT" ? 409 : 400 },
  );
}

/** One form's share of the action's answer: its errors, its values and its error summary; empty for the others. */
export function intentFormState<F extends string>(
  result: IntentFormResult<F> | undefined,
  intent: string,
  fields: readonly F[],
): { errors: Partial<Record<F, string>>; values: Record<string, string>; summary: SummaryItem[] } {
  const own = result?.intent === intent ? result : undefined;
  return {
    errors: own?.fieldErrors ?? {},
    values: own?.values ?? {},
    summary: fieldErrorSummary(fields, own?.fieldErrors),
  };
}
