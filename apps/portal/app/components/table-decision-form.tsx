import { Form, useNavigation } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { Fieldset, FieldsetLegend } from "@utrecht/fieldset-react";
import type { FieldErrors } from "../lib/form-data";
import { type DecisionChoices, itemFieldId, tableDecisionKinds } from "../lib/table-forms";
import { nl } from "../messages/nl";
import { RadioGroup } from "./radio-group";
import { SelectField } from "./select-field";
import { TextareaField } from "./textarea-field";
import { Paragraph } from "./typography";

const m = nl.tableDetail.decide;

export type DecisionAttempt = { values: Record<string, string>; fieldErrors: FieldErrors };

/**
 * One agenda item's decision: the kind, and below it the fields each kind needs, grouped per kind. It is one plain
 * form so it works by keyboard and without JavaScript; the portal sends only the chosen kind's fields and the API
 * says what is still missing.
 */
export function TableDecisionForm({
  itemId,
  reference,
  version,
  choices,
  attempt,
}: {
  itemId: string;
  reference: string;
  version: number;
  choices: DecisionChoices;
  attempt: DecisionAttempt | null;
}) {
  const navigation = useNavigation();
  const busy =
    navigation.state === "submitting" &&
    navigation.formData?.get("intent") === "decide" &&
    navigation.formData?.get("itemId") === itemId;
  const field = (name: string) => ({
    name,
    id: itemFieldId(itemId, name),
    error: attempt?.fieldErrors[name],
    defaultValue: attempt?.values[name] ?? "",
  });
  return (
    <details className="kp-decision" open={attempt !== null}>
      <summary className="kp-decision__summary">{m.summary(reference)}</summary>
      <Form method="post" noValidate className="kp-form kp-decision__form">
        <input type="hidden" name="intent" value="decide" />
        <input type="hidden" name="itemId" value={itemId} />
        <input type="hidden" name="version" value={version} />
        <RadioGroup
          {...field("kind")}
          legend={m.kindLegend}
          options={tableDecisionKinds.map((kind) => ({ value: kind, label: nl.tableDecisions[kind] }))}
        />
        <Fieldset className="kp-decision__group">
          <FieldsetLegend>{m.handoverLegend}</FieldsetLegend>
          <Paragraph>{m.handoverIntro}</Paragraph>
          <SelectField
            {...field("targetTeamId")}
            label={m.teamLabel}
            placeholder={m.chooseTeam}
            groups={choices.teams}
          />
          <SelectField
            {...field("acceptedByUserId")}
            label={m.acceptedByLabel}
            placeholder={m.choosePerson}
            groups={choices.partnerPeople}
          />
          <TextareaField {...field("concerns")} label={m.concernsLabel} rows={3} />
          <TextareaField {...field("safetyConditions")} label={m.safetyConditionsLabel} rows={3} />
          <TextareaField {...field("householdView")} label={m.householdViewLabel} rows={3} />
          <SelectField
            {...field("vtContactUserId")}
            label={m.vtContactLabel}
            placeholder={m.noVtContact}
            options={choices.vtPeople}
          />
          <RadioGroup
            {...field("vtJoinsFirstVisit")}
            legend={m.vtJoinsLegend}
            options={[
              { value: "yes", label: nl.forms.yes },
              { value: "no", label: nl.forms.no },
            ]}
          />
        </Fieldset>
        <Fieldset className="kp-decision__group">
          <FieldsetLegend>{m.vvLegend}</FieldsetLegend>
          <SelectField
            {...field("partnerOrganisationId")}
            label={m.partnerOrganisationLabel}
            placeholder={m.chooseOrganisation}
            options={choices.partners}
          />
          <SelectField
            {...field("partnerWorkerUserId")}
            label={m.partnerWorkerLabel}
            placeholder={m.choosePerson}
            groups={choices.partnerPeople}
          />
          <SelectField
            {...field("vtWorkerUserId")}
            label={m.vtWorkerLabel}
            placeholder={m.choosePerson}
            options={choices.vtPeople}
          />
        </Fieldset>
        <TextareaField {...field("note")} label={m.noteLabel} description={m.noteDescription} rows={3} />
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {m.button}
        </Button>
      </Form>
    </details>
  );
}
