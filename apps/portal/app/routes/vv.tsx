import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { callApi, tryApi } from "../api-errors.server";
import { ActionNotices } from "../components/action-notices";
import { AppLink } from "../components/app-link";
import { DataList } from "../components/data-list";
import { ErrorSummary } from "../components/error-summary";
import { Heading1, Heading2, Paragraph } from "../components/typography";
import {
  AddConditionForm,
  CloseTrajectoryForm,
  RecordMonitoringForm,
  ScheduleMonitoringForm,
  TimelineEntryForm,
  UpdateConditionForm,
} from "../components/vv-forms";
import type { FieldErrors } from "../lib/form-data";
import { textOf } from "../lib/form-data";
import { problemsFromRefusal, type SummaryItem } from "../lib/form-errors";
import { type NoticeKey, noticeOf, withNotice } from "../lib/notices";
import { revalidateAfterConflict } from "../lib/revalidate";
import { idParamOf } from "../lib/route-params.server";
import {
  parseVvAction,
  type VvCommand,
  type VvIntent,
  vvActionFieldOf,
  vvDetailChoicesOf,
  vvFieldId,
  vvIntentFields,
} from "../lib/vv-forms";
import { vvDetailViewOf } from "../lib/vv-view";
import { nl, pageTitle } from "../messages/nl";
import { requireHandoverWorker } from "../session.server";
import collaborationCss from "../styles/collaboration.css?url";

const m = nl.vvDetail;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: collaborationCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? m.title(data.trajectory.reference) : nl.vvList.title) },
];

/** After a conflict the page must show the trajectory as the other organisation left it. */
export const shouldRevalidate = revalidateAfterConflict;

export async function loader(args: LoaderFunctionArgs) {
  await requireHandoverWorker(args);
  const id = idParamOf(args.params);
  const trajectory = await callApi(args, (api) => api.vv.get({ id }));
  const needsChoices = trajectory.allowedActions.some(
    (action) => action === "scheduleMonitoring" || action === "close",
  );
  const options = needsChoices ? await callApi(args, (api) => api.vv.formOptions()) : null;
  return {
    trajectory: vvDetailViewOf(trajectory),
    choices: options ? vvDetailChoicesOf(options.organisations, trajectory) : null,
    notice: noticeOf(args.request),
  };
}

type ActionResult = {
  intent: VvIntent | null;
  targetId: string | null;
  values: Record<string, string>;
  fieldErrors: FieldErrors;
  formErrors: string[];
  conflict: string | null;
};

const noticeAfter = {
  updateCondition: "voorwaarde-gewijzigd",
  addCondition: "voorwaarde-toegevoegd",
  scheduleMonitoring: "monitoring-gepland",
  recordMonitoring: "monitoring-vastgelegd",
  addTimelineEntry: "bericht-geplaatst",
  close: "traject-gesloten",
} as const satisfies Record<VvIntent, NoticeKey>;

type Api = Parameters<Parameters<typeof tryApi>[1]>[0];

function callFor(trajectoryId: string, command: VvCommand) {
  return (api: Api): Promise<unknown> => {
    switch (command.intent) {
      case "updateCondition": {
        const { intent: _, ...input } = command;
        return api.vv.updateCondition(input);
      }
      case "addCondition": {
        const { intent: _, ...input } = command;
        return api.vv.addCondition({ trajectoryId, ...input });
      }
      case "scheduleMonitoring": {
        const { intent: _, ...input } = command;
        return api.vv.scheduleMonitoring({ trajectoryId, ...input });
      }
      case "recordMonitoring": {
        const { intent: _, ...input } = command;
        return api.vv.recordMonitoring(input);
      }
      case "addTimelineEntry":
        return api.vv.addTimelineEntry({ trajectoryId, text: command.text });
      case "close": {
        const { intent: _, ...input } = command;
        return api.vv.close({ id: trajectoryId, ...input });
      }
    }
  };
}

/** The submitted values, to fill the form in again: checkboxes joined, the monitoring form's assessments too. */
function valuesOf(formData: FormData, intent: VvIntent | null): Record<string, string> {
  if (!intent) return {};
  const values: Record<string, string> = {};
  for (const field of vvIntentFields[intent]) values[field] = formData.getAll(field).map(String).join(",");
  if (intent === "recordMonitoring") {
    for (const [name] of formData) if (name.startsWith("assessment-")) values[name] = textOf(formData, name);
  }
  return values;
}

function targetOf(command: VvCommand): string | null {
  return command.intent === "updateCondition" || command.intent === "recordMonitoring" ? command.id : null;
}

export async function action(args: ActionFunctionArgs) {
  await requireHandoverWorker(args);
  const id = idParamOf(args.params);
  const formData = await args.request.formData();
  const parsed = parseVvAction(formData);
  if (!parsed.ok) {
    return data<ActionResult>(
      {
        intent: parsed.intent,
        targetId: parsed.targetId,
        values: valuesOf(formData, parsed.intent),
        fieldErrors: parsed.fieldErrors,
        formErrors: parsed.formErrors,
        conflict: null,
      },
      { status: 400 },
    );
  }
  const { command } = parsed;
  const done = await tryApi(args, callFor(id, command), nl.forms.checkFields);
  if (done.ok) throw redirect(withNotice(`/voorwaarden-en-vervolg/${id}`, noticeAfter[command.intent]));
  const { refusal } = done;
  if (refusal.code === "CONFLICT") {
    // The other organisation changed it first: say so; the page reloads with their change.
    return data<ActionResult>(
      { intent: null, targetId: null, values: {}, fieldErrors: {}, formErrors: [], conflict: refusal.message },
      { status: 409 },
    );
  }
  const problems = problemsFromRefusal(refusal, (path) => vvActionFieldOf(command.intent, path));
  return data<ActionResult>(
    {
      intent: command.intent,
      targetId: targetOf(command),
      values: valuesOf(formData, command.intent),
      conflict: null,
      ...problems,
    },
    { status: 400 },
  );
}

function errorSummaryOf(result: ActionResult | undefined): SummaryItem[] {
  if (!result) return [];
  const items: SummaryItem[] = result.formErrors.map((message) => ({ message }));
  if (result.intent) {
    for (const field of vvIntentFields[result.intent]) {
      const message = result.fieldErrors[field];
      if (message) items.push({ message, fieldId: vvFieldId(result.intent, field, result.targetId) });
    }
  }
  return items;
}

export default function VvRoute() {
  const { trajectory, choices, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const attempt = result && !result.conflict ? result : null;
  const allowed = (action: (typeof trajectory.allowed)[number]) => trajectory.allowed.includes(action);
  return (
    <>
      <Paragraph>
        <AppLink to="/voorwaarden-en-vervolg">{m.backToList}</AppLink>
      </Paragraph>
      <Heading1>{m.heading(trajectory.reference)}</Heading1>
      <ActionNotices notice={notice} result={result} />
      <ErrorSummary errors={errorSummaryOf(result)} focusKey={result} />
      <DataList rows={trajectory.facts} />

      <section aria-labelledby="conditions-heading">
        <Heading2 id="conditions-heading">{m.conditionsHeading}</Heading2>
        {trajectory.conditions.length === 0 ? <Paragraph>{m.conditionsEmpty}</Paragraph> : null}
        {trajectory.conditions.map((condition) => (
          <section key={condition.id} aria-labelledby={`condition-${condition.id}`} className="kp-condition">
            <h3 id={`condition-${condition.id}`} className="utrecht-heading-3">
              {m.conditionHeading(condition.index)}
              {condition.overdue ? (
                <>
                  {" "}
                  <span className="utrecht-status-badge kp-status kp-status--overdue">{m.overdue}</span>
                </>
              ) : null}
            </h3>
            <Paragraph>{condition.text}</Paragraph>
            <DataList rows={condition.rows} />
            {condition.history.length > 0 ? (
              <div className="kp-table-scroll">
                <table className="utrecht-table utrecht-table--html-table kp-table">
                  <caption className="utrecht-table__caption">{m.historyCaption(condition.index)}</caption>
                  <thead className="utrecht-table__header">
                    <tr className="utrecht-table__row">
                      <th scope="col" className="utrecht-table__header-cell">
                        {m.historyColumns.at}
                      </th>
                      <th scope="col" className="utrecht-table__header-cell">
                        {m.historyColumns.author}
                      </th>
                      <th scope="col" className="utrecht-table__header-cell">
                        {m.historyColumns.change}
                      </th>
                      <th scope="col" className="utrecht-table__header-cell">
                        {m.historyColumns.note}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="utrecht-table__body">
                    {condition.history.map((entry) => (
                      <tr key={entry.id} className="utrecht-table__row">
                        <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                          {entry.at}
                        </th>
                        <td className="utrecht-table__cell">{entry.author}</td>
                        <td className="utrecht-table__cell">{entry.change}</td>
                        <td className="utrecht-table__cell">{entry.note}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            {allowed("updateCondition") && condition.status !== "dropped" ? (
              <UpdateConditionForm condition={condition} attempt={attempt} />
            ) : null}
          </section>
        ))}
        {allowed("addCondition") ? (
          <section aria-labelledby="add-condition-heading" className="kp-action">
            <h3 id="add-condition-heading" className="utrecht-heading-3">
              {m.add.heading}
            </h3>
            <AddConditionForm attempt={attempt} />
          </section>
        ) : null}
      </section>

      <section aria-labelledby="monitoring-heading">
        <Heading2 id="monitoring-heading">{m.monitoringHeading}</Heading2>
        {trajectory.moments.length === 0 ? (
          <Paragraph>{m.monitoringEmpty}</Paragraph>
        ) : (
          <div className="kp-table-scroll">
            <table className="utrecht-table utrecht-table--html-table kp-table">
              <caption className="utrecht-table__caption kp-visually-hidden">{m.monitoringCaption}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">
                    {m.monitoringColumns.date}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {m.monitoringColumns.state}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {m.monitoringColumns.attendees}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {m.monitoringColumns.outcome}
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {trajectory.moments.map((moment) => (
                  <tr
                    key={moment.id}
                    className={`utrecht-table__row${moment.overdue ? " kp-table__row--overdue" : ""}`}
                  >
                    <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                      {moment.date}
                    </th>
                    <td className="utrecht-table__cell">
                      {moment.overdue ? (
                        <span className="utrecht-status-badge kp-status kp-status--overdue">{moment.state}</span>
                      ) : (
                        moment.state
                      )}
                    </td>
                    <td className="utrecht-table__cell">{moment.attendees}</td>
                    <td className="utrecht-table__cell">
                      {moment.outcome ? <p className="utrecht-paragraph">{moment.outcome}</p> : null}
                      {moment.assessments.length > 0 ? (
                        <ul className="utrecht-unordered-list">
                          {moment.assessments.map((line) => (
                            <li key={line} className="utrecht-unordered-list__item">
                              {line}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {allowed("recordMonitoring")
          ? trajectory.moments
              .filter((moment) => !moment.recorded)
              .map((moment) => (
                <RecordMonitoringForm
                  key={moment.id}
                  moment={moment}
                  conditions={trajectory.conditions}
                  attempt={attempt}
                />
              ))
          : null}
        {allowed("scheduleMonitoring") && choices ? (
          <section aria-labelledby="schedule-heading" className="kp-action">
            <h3 id="schedule-heading" className="utrecht-heading-3">
              {m.schedule.heading}
            </h3>
            <ScheduleMonitoringForm attempt={attempt} choices={choices} />
          </section>
        ) : null}
      </section>

      <section aria-labelledby="timeline-heading">
        <Heading2 id="timeline-heading">{m.timelineHeading}</Heading2>
        <Paragraph>{m.timelineIntro}</Paragraph>
        {trajectory.timeline.length === 0 ? (
          <Paragraph>{m.timelineEmpty}</Paragraph>
        ) : (
          <ol className="kp-timeline">
            {trajectory.timeline.map((entry) => (
              <li key={entry.id} className="kp-timeline__item">
                <p className="utrecht-paragraph kp-timeline__text">{entry.text}</p>
                <p className="utrecht-paragraph kp-timeline__reason">{entry.by}</p>
              </li>
            ))}
          </ol>
        )}
        {allowed("addTimelineEntry") ? (
          <section aria-labelledby="entry-heading" className="kp-action">
            <h3 id="entry-heading" className="utrecht-heading-3">
              {m.entry.heading}
            </h3>
            <TimelineEntryForm attempt={attempt} />
          </section>
        ) : null}
      </section>

      {allowed("close") && choices ? (
        <section aria-labelledby="close-heading" className="kp-action">
          <Heading2 id="close-heading">{m.close.heading}</Heading2>
          <Paragraph>{m.close.intro}</Paragraph>
          <CloseTrajectoryForm version={trajectory.version} attempt={attempt} choices={choices} />
        </section>
      ) : null}
    </>
  );
}
