import { Form, useNavigation } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { Fieldset, FieldsetLegend } from "@utrecht/fieldset-react";
import type { ReactNode } from "react";
import type { FieldErrors } from "../lib/form-data";
import {
  assessmentField,
  conditionOwners,
  conditionStatuses,
  type VvDetailChoices,
  type VvIntent,
  vvFieldId,
  vvOutcomeCodes,
} from "../lib/vv-forms";
import type { ConditionView, MomentView } from "../lib/vv-view";
import { nl } from "../messages/nl";
import { CheckboxGroup } from "./checkbox-group";
import { RadioGroup } from "./radio-group";
import { SelectField } from "./select-field";
import { TextField } from "./text-field";
import { TextareaField } from "./textarea-field";

const m = nl.vvDetail;

/** The last refused submission of one of the trajectory page's forms, to show its values and errors again. */
export type VvAttempt = {
  intent: VvIntent | null;
  targetId: string | null;
  values: Record<string, string>;
  fieldErrors: FieldErrors;
};

type Field = { name: string; id: string; error: string | undefined; defaultValue: string };

/** Name, id, error and previous value of a field in one form (one condition's or one moment's, where repeated). */
function fieldsOf(attempt: VvAttempt | null, intent: VvIntent, targetId: string | null = null) {
  const mine = attempt?.intent === intent && attempt.targetId === targetId ? attempt : null;
  return (name: string): Field => ({
    name,
    id: vvFieldId(intent, name, targetId),
    error: mine?.fieldErrors[name],
    defaultValue: mine?.values[name] ?? "",
  });
}

function useBusy(intent: VvIntent, targetId: string | null = null): boolean {
  const navigation = useNavigation();
  const form = navigation.formData;
  if (navigation.state !== "submitting" || form?.get("intent") !== intent) return false;
  const target = form.get("conditionId") ?? form.get("momentId");
  return targetId === null || target === targetId;
}

function PostForm({
  intent,
  hidden,
  button,
  busy,
  children,
}: {
  intent: VvIntent;
  hidden?: Record<string, string | number>;
  button: string;
  busy: boolean;
  children: ReactNode;
}) {
  return (
    <Form method="post" noValidate className="kp-form">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <Button type="submit" appearance="primary-action-button" busy={busy}>
        {button}
      </Button>
    </Form>
  );
}

/** A condition's status or due date, always with a note: the other organisation reads why. */
export function UpdateConditionForm({ condition, attempt }: { condition: ConditionView; attempt: VvAttempt | null }) {
  const field = fieldsOf(attempt, "updateCondition", condition.id);
  const busy = useBusy("updateCondition", condition.id);
  const open = attempt?.intent === "updateCondition" && attempt.targetId === condition.id;
  return (
    <details className="kp-decision" open={open}>
      <summary className="kp-decision__summary">{m.update.summary(condition.index)}</summary>
      <PostForm
        intent="updateCondition"
        hidden={{ conditionId: condition.id, version: condition.version }}
        button={m.update.button}
        busy={busy}
      >
        <RadioGroup
          {...field("status")}
          legend={m.update.statusLegend}
          options={[
            { value: "", label: m.update.keepStatus },
            ...conditionStatuses
              .filter((status) => status !== condition.status)
              .map((status) => ({ value: status, label: nl.conditionStatus[status] })),
          ]}
        />
        <TextField {...field("dueOn")} type="date" label={m.update.dueLabel} />
        <TextareaField {...field("note")} label={m.update.noteLabel} description={m.update.noteDescription} rows={3} />
      </PostForm>
    </details>
  );
}

export function AddConditionForm({ attempt }: { attempt: VvAttempt | null }) {
  const field = fieldsOf(attempt, "addCondition");
  return (
    <PostForm intent="addCondition" button={m.add.button} busy={useBusy("addCondition")}>
      <TextareaField {...field("text")} label={m.add.textLabel} description={m.add.textDescription} rows={2} />
      <RadioGroup
        {...field("owner")}
        legend={m.add.ownerLegend}
        options={conditionOwners.map((owner) => ({ value: owner, label: nl.conditionOwners[owner] }))}
      />
      <TextField {...field("dueOn")} type="date" label={m.add.dueLabel} />
      <TextareaField {...field("note")} label={m.add.noteLabel} rows={2} />
    </PostForm>
  );
}

export function ScheduleMonitoringForm({ attempt, choices }: { attempt: VvAttempt | null; choices: VvDetailChoices }) {
  const field = fieldsOf(attempt, "scheduleMonitoring");
  const attendees = field("attendeeUserIds");
  return (
    <PostForm intent="scheduleMonitoring" button={m.schedule.button} busy={useBusy("scheduleMonitoring")}>
      <TextField {...field("scheduledOn")} type="date" label={m.schedule.dateLabel} />
      <CheckboxGroup
        name={attendees.name}
        id={attendees.id}
        error={attendees.error}
        legend={m.schedule.attendeesLegend}
        options={choices.attendees}
        defaultValues={attendees.defaultValue.split(",").filter(Boolean)}
      />
    </PostForm>
  );
}

/** The outcome of one moment, with an optional assessment of each condition still in play. */
export function RecordMonitoringForm({
  moment,
  conditions,
  attempt,
}: {
  moment: MomentView;
  conditions: readonly ConditionView[];
  attempt: VvAttempt | null;
}) {
  const field = fieldsOf(attempt, "recordMonitoring", moment.id);
  const busy = useBusy("recordMonitoring", moment.id);
  const open = attempt?.intent === "recordMonitoring" && attempt.targetId === moment.id;
  const assessed = conditions.filter((condition) => condition.status !== "dropped");
  return (
    <details className="kp-decision" open={open}>
      <summary className="kp-decision__summary">{m.record.summary(moment.date)}</summary>
      <PostForm
        intent="recordMonitoring"
        hidden={{ momentId: moment.id, version: moment.version }}
        button={m.record.button}
        busy={busy}
      >
        <TextareaField
          {...field("outcome")}
          label={m.record.outcomeLabel}
          description={m.record.outcomeDescription}
          rows={4}
        />
        {assessed.length > 0 ? (
          <Fieldset className="kp-decision__group">
            <FieldsetLegend>{m.record.assessmentsLegend}</FieldsetLegend>
            {assessed.map((condition) => (
              <div key={condition.id}>
                <input type="hidden" name="conditionIds" value={condition.id} />
                <SelectField
                  {...field(assessmentField(condition.id))}
                  label={`${m.record.assessmentLabel(condition.index)}: ${condition.text}`}
                  placeholder={m.record.notAssessed}
                  options={conditionStatuses.map((status) => ({ value: status, label: nl.conditionStatus[status] }))}
                />
              </div>
            ))}
          </Fieldset>
        ) : null}
      </PostForm>
    </details>
  );
}

export function TimelineEntryForm({ attempt }: { attempt: VvAttempt | null }) {
  const field = fieldsOf(attempt, "addTimelineEntry");
  return (
    <PostForm intent="addTimelineEntry" button={m.entry.button} busy={useBusy("addTimelineEntry")}>
      <TextareaField {...field("text")} label={m.entry.textLabel} description={m.entry.textDescription} rows={3} />
    </PostForm>
  );
}

export function CloseTrajectoryForm({
  version,
  attempt,
  choices,
}: {
  version: number;
  attempt: VvAttempt | null;
  choices: VvDetailChoices;
}) {
  const field = fieldsOf(attempt, "close");
  return (
    <PostForm intent="close" hidden={{ version }} button={m.close.button} busy={useBusy("close")}>
      <RadioGroup
        {...field("outcomeCode")}
        legend={m.close.outcomeLegend}
        options={vvOutcomeCodes.map((code) => ({ value: code, label: nl.vvOutcomes[code] }))}
      />
      <TextareaField {...field("outcomeText")} label={m.close.outcomeTextLabel} rows={3} />
      <SelectField
        {...field("followUpOrganisationId")}
        label={m.close.followUpOrganisationLabel}
        placeholder={nl.vvForm.chooseOrganisation}
        options={choices.followUpOrganisations}
      />
      <SelectField
        {...field("followUpUserId")}
        label={m.close.followUpUserLabel}
        placeholder={nl.vvForm.choosePerson}
        groups={choices.followUpPeople}
      />
    </PostForm>
  );
}
