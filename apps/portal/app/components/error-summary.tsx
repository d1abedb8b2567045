import { type MouseEvent, useEffect, useRef } from "react";
import { nl } from "../messages/nl";

export type ErrorSummaryItem = { message: string; fieldId?: string };

/**
 * With JavaScript, a click on "#field-x" would be a navigation for Remix, which forgets the submission's result
 * and with it every error message. Instead, bring the field's label (or a radio group's legend) into view and
 * focus the field, as the GOV.UK error summary does. Without JavaScript the plain link does the job.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string | undefined) {
  const target = fieldId ? document.getElementById(fieldId) : null;
  if (!target) return;
  event.preventDefault();
  const container =
    target instanceof HTMLInputElement && (target.type === "radio" || target.type === "checkbox")
      ? (target.closest("fieldset") ?? target.closest(".utrecht-form-field"))
      : target.closest(".utrecht-form-field");
  (container ?? target).scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
}

/**
 * The list of problems above a refused form. It takes the focus after each attempt, so keyboard and screen
 * reader users land on it; each field error links to its field. Without JavaScript, role="alert" and its place
 * at the top of the form do that job.
 */
export function ErrorSummary({ errors, focusKey }: { errors: readonly ErrorSummaryItem[]; focusKey?: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  const hasErrors = errors.length > 0;

  // focusKey is the submission's result: a new object per attempt, so the same error twice is announced twice.
  // biome-ignore lint/correctness/useExhaustiveDependencies: focusKey is the trigger, not a value read here.
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [focusKey, hasErrors]);

  if (errors.length === 0) return null;
  return (
    <div
      ref={ref}
      className="utrecht-alert utrecht-alert--error kp-error-summary"
      role="alert"
      aria-labelledby="error-summary-heading"
      tabIndex={-1}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h2 id="error-summary-heading" className="utrecht-heading-2 kp-error-summary__heading">
            {nl.forms.errorSummaryHeading}
          </h2>
          <ul className="utrecht-unordered-list kp-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.fieldId ?? ""}|${error.message}`} className="utrecht-unordered-list__item">
                {error.fieldId ? (
                  <a
                    className="utrecht-link utrecht-link--html-a"
                    href={`#${error.fieldId}`}
                    onClick={(event) => focusField(event, error.fieldId)}
                  >
                    {error.message}
                  </a>
                ) : (
                  error.message
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
