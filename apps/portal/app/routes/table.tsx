import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { type ApiRefusal, callApi, tryApi } from "../api-errors.server";
import { ActionNotices } from "../components/action-notices";
import { Alert } from "../components/alert";
import { AppLink } from "../components/app-link";
import { DataList } from "../components/data-list";
import { ErrorSummary } from "../components/error-summary";
import { SelectField } from "../components/select-field";
import { TableDecisionForm } from "../components/table-decision-form";
import { TextareaField } from "../components/textarea-field";
import { Heading1, Heading2, ListItem, Paragraph, UnorderedList } from "../components/typography";
import type { FieldErrors } from "../lib/form-data";
import { fieldId, textOf } from "../lib/form-data";
import { problemsFromRefusal, type SummaryItem } from "../lib/form-errors";
import { type NoticeKey, noticeOf, withNotice } from "../lib/notices";
import { revalidateAfterConflict } from "../lib/revalidate";
import { idParamOf } from "../lib/route-params.server";
import {
  agendaFieldOf,
  decisionChoicesOf,
  decisionFieldOf,
  decisionFields,
  itemFieldId,
  packageFormFields,
  parseTableAction,
  type TableCommand,
  type TableIntent,
} from "../lib/table-forms";
import { meetingViewOf } from "../lib/table-view";
import { nl, pageTitle } from "../messages/nl";
import { requireHandoverWorker } from "../session.server";
import collaborationCss from "../styles/collaboration.css?url";

const m = nl.tableDetail;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: collaborationCss }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? m.title(data.meeting.region) : nl.tables.title) },
];

/** After a conflict the page must show the meeting as the other person left it (single fetch skips 4xx). */
export const shouldRevalidate = revalidateAfterConflict;

export async function loader(args: LoaderFunctionArgs) {
  await requireHandoverWorker(args);
  const id = idParamOf(args.params);
  const meeting = await callApi(args, (api) => api.table.get({ id }));
  const canPrepare = meeting.allowedActions.includes("addItem") || meeting.allowedActions.includes("decide");
  // The choosers exist only for VT, who works the agenda; a participant gets the agenda and nothing to fill in.
  const options = canPrepare ? await callApi(args, (api) => api.table.formOptions({ meetingId: id })) : null;
  return {
    meeting: meetingViewOf(meeting),
    choices: options ? decisionChoicesOf(options, meeting) : null,
    candidates: (options?.agendaCandidates ?? []).map((candidate) => ({
      value: candidate.id,
      label: m.caseOption(candidate.reference, candidate.municipality.name, nl.priorities[candidate.priority]),
    })),
    notice: noticeOf(args.request),
  };
}

type ActionResult = {
  intent: TableIntent | null;
  itemId: string | null;
  values: Record<string, string>;
  fieldErrors: FieldErrors;
  formErrors: string[];
  /** The package gate's refusal of a handover decision: what the case still lacks. */
  missingItems: { message: string; fieldId: string | null }[];
  conflict: string | null;
};

const noticeAfter = {
  addItem: "casus-geagendeerd",
  removeItem: "casus-van-agenda",
  decide: "besluit-vastgelegd",
  close: "tafel-gesloten",
} as const satisfies Record<TableIntent, NoticeKey>;

type Api = Parameters<Parameters<typeof tryApi>[1]>[0];

function callFor(meetingId: string, command: TableCommand) {
  return (api: Api): Promise<unknown> => {
    switch (command.intent) {
      case "addItem":
        return api.table.addItem({ meetingId, caseId: command.caseId, shortReason: command.shortReason });
      case "removeItem":
        return api.table.removeItem({ id: command.itemId, version: command.version });
      case "decide":
        return api.table.decide({ id: command.itemId, ...command.input });
      case "close":
        return api.table.close({ id: meetingId, version: command.version });
    }
  };
}

function valuesOf(formData: FormData, intent: TableIntent | null): Record<string, string> {
  const fields = intent === "decide" ? decisionFields : intent === "addItem" ? ["caseId", "shortReason"] : [];
  return Object.fromEntries(fields.map((field) => [field, textOf(formData, field)]));
}

/** Where a refusal's problems go: at the decision form's or agenda form's fields, the rest in the summary. */
function problemsOf(refusal: ApiRefusal, command: TableCommand) {
  if (command.intent === "decide") {
    const problems = problemsFromRefusal(
      { ...refusal, fieldErrors: refusal.missingItems.length > 0 ? [] : refusal.fieldErrors },
      decisionFieldOf,
    );
    const missingItems = refusal.missingItems.map((item) => ({
      message: item.message,
      fieldId: packageFormFields.has(item.field) ? itemFieldId(command.itemId, item.field) : null,
    }));
    for (const item of refusal.missingItems) {
      if (packageFormFields.has(item.field) && !(item.field in problems.fieldErrors)) {
        problems.fieldErrors[item.field] = item.message;
      }
    }
    // The gate's own message repeats the list below it; the summary points at the list instead.
    return { ...problems, formErrors: missingItems.length > 0 ? [] : problems.formErrors, missingItems };
  }
  return { ...problemsFromRefusal(refusal, agendaFieldOf), missingItems: [] };
}

export async function action(args: ActionFunctionArgs) {
  await requireHandoverWorker(args);
  const id = idParamOf(args.params);
  const formData = await args.request.formData();
  const parsed = parseTableAction(formData);
  if (!parsed.ok) {
    return data<ActionResult>(
      {
        intent: parsed.intent,
        itemId: parsed.itemId,
        values: valuesOf(formData, parsed.intent),
        fieldErrors: parsed.fieldErrors,
        formErrors: parsed.formErrors,
        missingItems: [],
        conflict: null,
      },
      { status: 400 },
    );
  }
  const { command } = parsed;
  const done = await tryApi(args, callFor(id, command), nl.forms.checkFields);
  if (done.ok) throw redirect(withNotice(`/overdrachtstafels/${id}`, noticeAfter[command.intent]));
  const { refusal } = done;
  if (refusal.code === "CONFLICT" && refusal.fieldErrors.length === 0) {
    // Someone else changed the meeting or decided this item first: say who and when; the page reloads.
    return data<ActionResult>(
      {
        intent: null,
        itemId: null,
        values: {},
        fieldErrors: {},
        formErrors: [],
        missingItems: [],
        conflict: refusal.message,
      },
      { status: 409 },
    );
  }
  return data<ActionResult>(
    {
      intent: command.intent,
      itemId: command.intent === "decide" || command.intent === "removeItem" ? command.itemId : null,
      values: valuesOf(formData, command.intent),
      conflict: null,
      ...problemsOf(refusal, command),
    },
    { status: 400 },
  );
}

function errorSummaryOf(result: ActionResult | undefined): SummaryItem[] {
  if (!result) return [];
  const items: SummaryItem[] = result.formErrors.map((message) => ({ message }));
  if (result.missingItems.length > 0 && result.itemId) {
    items.push({ message: m.missingIntro, fieldId: `item-${result.itemId}-missing` });
  }
  const fields: readonly string[] = result.intent === "decide" ? decisionFields : ["caseId", "shortReason"];
  for (const field of fields) {
    const message = result.fieldErrors[field];
    if (!message) continue;
    const id = result.intent === "decide" && result.itemId ? itemFieldId(result.itemId, field) : fieldId(field);
    items.push({ message, fieldId: id });
  }
  return items;
}

export default function TableRoute() {
  const { meeting, choices, candidates, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = (intent: string) => navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const allowed = (action: (typeof meeting.allowed)[number]) => meeting.allowed.includes(action);
  const addAttempt = result?.intent === "addItem" ? result : null;
  return (
    <>
      <Paragraph>
        <AppLink to="/overdrachtstafels">{m.backToList}</AppLink>
      </Paragraph>
      <Heading1>{m.heading(meeting.region, meeting.when)}</Heading1>
      <ActionNotices notice={notice} result={result} conflictHint={m.conflictAgain} />
      <ErrorSummary errors={errorSummaryOf(result)} focusKey={result} />
      {meeting.closedAt ? <Alert type="info">{m.closedNotice(meeting.closedAt)}</Alert> : null}
      {meeting.view === "participant" ? <Paragraph>{m.partnerNotice}</Paragraph> : null}

      <DataList
        rows={[
          { key: "status", label: m.status, value: meeting.status },
          { key: "when", label: m.when, value: meeting.when },
          { key: "region", label: m.region, value: meeting.region },
          { key: "chair", label: m.chair, value: meeting.chair },
        ]}
      />
      <Paragraph>
        <AppLink to={`/overdrachtstafels/${meeting.id}/verslag`}>
          {meeting.closed ? m.minutesLink : m.minutesLinkDraft}
        </AppLink>
      </Paragraph>

      <section aria-labelledby="participants-heading">
        <Heading2 id="participants-heading">{m.participantsHeading}</Heading2>
        <UnorderedList>
          {meeting.participants.map((name) => (
            <ListItem key={name}>{name}</ListItem>
          ))}
        </UnorderedList>
      </section>

      <section aria-labelledby="agenda-heading">
        <Heading2 id="agenda-heading">{m.agendaHeading}</Heading2>
        <Paragraph>{m.agendaIntro}</Paragraph>
        {meeting.items.length === 0 ? <Paragraph>{m.agendaEmpty}</Paragraph> : null}
        {meeting.items.map((item) => {
          const attempt = result?.itemId === item.id && result.intent === "decide" ? result : null;
          return (
            <section key={item.id} aria-labelledby={`item-${item.id}-heading`} className="kp-agenda-item">
              <h3 id={`item-${item.id}-heading`} className="utrecht-heading-3">
                {item.heading}
              </h3>
              <DataList rows={item.rows} />
              {item.receivedByMe ? <Paragraph>{m.receivedByMe}</Paragraph> : null}
              {item.links.length > 0 ? (
                <UnorderedList>
                  {item.links.map((link) => (
                    <ListItem key={link.key}>
                      <AppLink to={link.href}>{link.label}</AppLink>
                    </ListItem>
                  ))}
                </UnorderedList>
              ) : null}
              {attempt && attempt.missingItems.length > 0 ? (
                <div className="kp-missing">
                  <h4 id={`item-${item.id}-missing`} tabIndex={-1} className="utrecht-heading-4">
                    {m.missingHeading(item.reference)}
                  </h4>
                  <Paragraph>{m.missingIntro}</Paragraph>
                  <UnorderedList>
                    {attempt.missingItems.map((missing) => (
                      <ListItem key={missing.message}>
                        {missing.fieldId ? (
                          <a className="utrecht-link utrecht-link--html-a" href={`#${missing.fieldId}`}>
                            {missing.message}
                          </a>
                        ) : (
                          missing.message
                        )}
                      </ListItem>
                    ))}
                  </UnorderedList>
                </div>
              ) : null}
              {!item.decided && allowed("decide") && choices ? (
                <TableDecisionForm
                  itemId={item.id}
                  reference={item.reference}
                  version={item.version}
                  choices={choices}
                  attempt={attempt}
                />
              ) : null}
              {!item.decided && allowed("removeItem") ? (
                <Form method="post" className="kp-inline-form">
                  <input type="hidden" name="intent" value="removeItem" />
                  <input type="hidden" name="itemId" value={item.id} />
                  <input type="hidden" name="version" value={item.version} />
                  <Button type="submit" appearance="secondary-action-button">
                    {m.removeButton} <span className="kp-visually-hidden">{m.removeTarget(item.reference)}</span>
                  </Button>
                </Form>
              ) : null}
            </section>
          );
        })}
      </section>

      {allowed("addItem") ? (
        <section aria-labelledby="add-heading" className="kp-action">
          <Heading2 id="add-heading">{m.addHeading}</Heading2>
          <Paragraph>{m.addIntro}</Paragraph>
          {candidates.length > 0 ? (
            <Form method="post" noValidate className="kp-form">
              <input type="hidden" name="intent" value="addItem" />
              <SelectField
                name="caseId"
                label={m.caseLabel}
                placeholder={m.chooseCase}
                options={candidates}
                defaultValue={addAttempt?.values.caseId ?? ""}
                error={addAttempt?.fieldErrors.caseId}
              />
              <TextareaField
                name="shortReason"
                label={m.shortReasonLabel}
                description={m.shortReasonDescription}
                maxLength={200}
                rows={2}
                defaultValue={addAttempt?.values.shortReason ?? ""}
                error={addAttempt?.fieldErrors.shortReason}
              />
              <Button type="submit" appearance="secondary-action-button" busy={busy("addItem")}>
                {m.addButton}
              </Button>
            </Form>
          ) : (
            <Paragraph>{m.noCandidates}</Paragraph>
          )}
        </section>
      ) : null}

      {allowed("close") ? (
        <section aria-labelledby="close-heading" className="kp-action">
          <Heading2 id="close-heading">{m.closeHeading}</Heading2>
          <Paragraph>{m.closeIntro}</Paragraph>
          <Form method="post" className="kp-form">
            <input type="hidden" name="intent" value="close" />
            <input type="hidden" name="version" value={meeting.version} />
            <Button type="submit" appearance="primary-action-button" busy={busy("close")}>
              {m.closeButton}
            </Button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
