import { Form } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import type { ReactNode } from "react";

/**
 * One button on a table row as a plain POST form (works without JavaScript): the action's intent and the row's id
 * (plus any other hidden fields) go with it. Every row's button looks alike, so `target` names the row for screen
 * readers.
 */
export function RowActionForm({
  intent,
  id,
  hidden = {},
  busy,
  label,
  target,
  appearance = "secondary-action-button",
}: {
  intent: string;
  id: string;
  hidden?: Record<string, string | number>;
  busy: boolean;
  label: ReactNode;
  target: ReactNode;
  appearance?: "primary-action-button" | "secondary-action-button";
}) {
  return (
    <Form method="post" className="kp-inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" appearance={appearance} busy={busy}>
        {label} <span className="kp-visually-hidden">{target}</span>
      </Button>
    </Form>
  );
}
