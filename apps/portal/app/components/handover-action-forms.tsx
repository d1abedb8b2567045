import { Form, useNavigation } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import type { ReactNode } from "react";
import type { FieldErrors } from "../lib/form-data";
import { declineReasonCodes, type HandoverIntent, outcomeCodes } from "../lib/handover-actions";
import { nl } from "../messages/nl";
import { RadioGroup } from "./radio-group";
import { SelectField, type SelectOption } from "./select-field";
import { TextField } from "./text-field";
import { TextareaField } from "./textarea-field";
import { Paragraph } from "./typography";

const m = nl.handoverDetail;

/** The last refused submission of one of these forms, to show its values and errors again. */
export type ActionAttempt = { intent: HandoverIntent | null; values: Record<string, string>; fieldErrors: FieldErrors };

type Props = {
  allowed: readonly string[];
  version: number;
  assignees: readonly SelectOption[];
  today: string;
  attempt: ActionAttempt | null;
};

/** The id of a field in one of the forms: several forms have a "reasonText". */
export function actionFieldId(intent: HandoverIntent, field: string): string {
  return `field-${intent}-${field}`;
}

/**
 * One small form per action the API allows now, each posting its `intent` and the `version` the page showed.
 * Only the allowed actions are rendered: the API decides, the portal does not guess.
 */
export function HandoverActionForms({ allowed, version, assignees, today, attempt }: Props) {
  const navigation = useNavigation();
  const busy = (intent: HandoverIntent) =>
    navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const value = (intent: HandoverIntent, field: string) =>
    attempt?.intent === intent ? (attempt.values[field] ?? "") : "";
  const error = (intent: HandoverIntent, field: string) =>
    attempt?.intent === intent ? attempt.fieldErrors[field] : undefined;
  const field = (intent: HandoverIntent, name: string) => ({
    name,
    id: actionFieldId(intent, name),
    error: error(intent, name),
  });

  const action = (intent: HandoverIntent, heading: string, button: string, children?: ReactNode) => (
    <section key={intent} aria-labelledby={`action-${intent}`} className="kp-action">
      <h3 id={`action-${intent}`} className="utrecht-heading-3">
        {heading}
      </h3>
      <Form method="post" noValidate className="kp-form kp-action__form">
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="version" value={version} />
        {children}
        <Button
          type="submit"
          appearance={
            intent === "withdraw" || intent === "decline" ? "secondary-action-button" : "primary-action-button"
          }
          busy={busy(intent)}
        >
          {button}
        </Button>
      </Form>
    </section>
  );

  const forms: ReactNode[] = [];
  if (allowed.includes("offer")) {
    forms.push(action("offer", m.offer.heading, m.offer.button, <Paragraph>{m.offer.intro}</Paragraph>));
  }
  if (allowed.includes("accept")) {
    forms.push(action("accept", m.accept.heading, m.accept.button, <Paragraph>{m.accept.intro}</Paragraph>));
  }
  if (allowed.includes("decline")) {
    forms.push(
      action(
        "decline",
        m.decline.heading,
        m.decline.button,
        <>
          <RadioGroup
            {...field("decline", "reasonCode")}
            legend={m.decline.reasonLegend}
            options={declineReasonCodes.map((code) => ({ value: code, label: nl.declineReasons[code] }))}
            defaultValue={value("decline", "reasonCode")}
          />
          <TextareaField
            {...field("decline", "reasonText")}
            label={m.decline.textLabel}
            description={m.decline.textDescription}
            defaultValue={value("decline", "reasonText")}
            rows={3}
          />
        </>,
      ),
    );
  }
  if (allowed.includes("assign")) {
    forms.push(
      action(
        "assign",
        m.assign.heading,
        m.assign.button,
        <SelectField
          {...field("assign", "userId")}
          label={m.assign.userLabel}
          placeholder={m.assign.chooseUser}
          options={assignees}
          defaultValue={value("assign", "userId")}
        />,
      ),
    );
  }
  if (allowed.includes("start")) {
    forms.push(
      action(
        "start",
        m.start.heading,
        m.start.button,
        <TextField
          {...field("start", "firstContactOn")}
          type="date"
          label={m.start.dateLabel}
          max={today}
          defaultValue={value("start", "firstContactOn")}
        />,
      ),
    );
  }
  if (allowed.includes("complete")) {
    forms.push(
      action(
        "complete",
        m.complete.heading,
        m.complete.button,
        <>
          <RadioGroup
            {...field("complete", "outcomeCode")}
            legend={m.complete.outcomeLegend}
            options={outcomeCodes.map((code) => ({ value: code, label: nl.outcomes[code] }))}
            defaultValue={value("complete", "outcomeCode")}
          />
          <TextField
            {...field("complete", "referredTo")}
            label={m.complete.referredToLabel}
            description={m.complete.referredToDescription}
            defaultValue={value("complete", "referredTo")}
          />
        </>,
      ),
    );
  }
  if (allowed.includes("return")) {
    forms.push(
      action(
        "return",
        m.return.heading,
        m.return.button,
        <>
          <Paragraph>{m.return.intro}</Paragraph>
          <TextareaField
            {...field("return", "reasonText")}
            label={m.return.reasonLabel}
            defaultValue={value("return", "reasonText")}
            rows={4}
          />
        </>,
      ),
    );
  }
  if (allowed.includes("withdraw")) {
    forms.push(
      action(
        "withdraw",
        m.withdraw.heading,
        m.withdraw.button,
        <TextareaField
          {...field("withdraw", "reasonText")}
          label={m.withdraw.reasonLabel}
          defaultValue={value("withdraw", "reasonText")}
          rows={3}
        />,
      ),
    );
  }
  return <>{forms}</>;
}
