import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { callApi, tryApi } from "../api-errors.server";
import { Alert } from "../components/alert";
import { AppLink } from "../components/app-link";
import { DataList } from "../components/data-list";
import { ErrorSummary } from "../components/error-summary";
import { type ActionAttempt, actionFieldId, HandoverActionForms } from "../components/handover-action-forms";
import { HandoverTimeline } from "../components/handover-timeline";
import { OverdueBadge, StatusBadge } from "../components/status-badge";
import { Heading1, Heading2, ListItem, Paragraph, UnorderedList } from "../components/typography";
import type { SummaryItem } from "../lib/form-errors";
import { problemsFromRefusal } from "../lib/form-errors";
import { amsterdamToday } from "../lib/format";
import {
  actionFieldOf,
  type HandoverCommand,
  type HandoverIntent,
  intentFields,
  parseHandoverAction,
} from "../lib/handover-actions";
import { handoverDetailViewOf } from "../lib/handover-detail-view";
import { noticeAfter, noticeOf, withNotice } from "../lib/notices";
import { revalidateAfterConflict } from "../lib/revalidate";
import { idParamOf } from "../lib/route-params.server";
import { nl, pageTitle } from "../messages/nl";
import { requireHandoverWorker } from "../session.server";

const m = nl.handoverDetail;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? m.title(data.handover.reference) : nl.handovers.title) },
];

/**
 * With single fetch, a 4xx answer to an action does not reload the page's data. After a conflict it must: the
 * page then shows the handover as the other person left it.
 */
export const shouldRevalidate = revalidateAfterConflict;

export async function loader(args: LoaderFunctionArgs) {
  const { view } = await requireHandoverWorker(args);
  const id = idParamOf(args.params);
  const handover = await callApi(args, (api) => api.handover.get({ id }));
  // Opening a handover means having seen what its notifications said; a failure here must not hide the page.
  await args.context.api.notification.markRead({ handoverId: id }).catch(() => undefined);
  const assignees = handover.allowedActions.includes("assign")
    ? await callApi(args, (api) => api.handover.assignees({ id }))
    : [];
  const params = new URL(args.request.url).searchParams;
  return {
    handover: handoverDetailViewOf(handover),
    assignees: assignees.map((person) => ({ value: person.id, label: person.name })),
    notice: noticeOf(args.request),
    notEditable: params.get("bewerken") === "niet-mogelijk",
    today: amsterdamToday(),
    // VT's own file: the full BSN on request (the API checks the organisation and records the read).
    canRevealBsn: view === "vt",
  };
}

type ActionResult = ActionAttempt & {
  formErrors: string[];
  conflict: string | null;
  incomplete: boolean;
  /** "Toon BSN": the full number of one person, in this answer only (never in a URL, never in the loader's data). */
  revealed?: { personId: string; bsn: string } | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 123456782 as people write it: 1234.56.782. */
function formatBsn(bsn: string): string {
  return `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}`;
}

type Api = Parameters<Parameters<typeof tryApi>[1]>[0];

/** Each intent calls its own procedure, with what the form checked and the handover's id. */
function callFor(id: string, command: HandoverCommand) {
  return (api: Api) => {
    const version = command.version;
    switch (command.intent) {
      case "offer":
        return api.handover.offer({ id, version });
      case "accept":
        return api.handover.accept({ id, version });
      case "withdraw":
        return api.handover.withdraw({ id, version, reasonText: command.reasonText });
      case "decline":
        return api.handover.decline({ id, version, reasonCode: command.reasonCode, reasonText: command.reasonText });
      case "assign":
        return api.handover.assign({ id, version, userId: command.userId });
      case "start":
        return api.handover.start({ id, version, firstContactOn: command.firstContactOn });
      case "complete":
        return api.handover.complete({
          id,
          version,
          outcomeCode: command.outcomeCode,
          referredTo: command.referredTo,
        });
      case "return":
        return api.handover.returnToVt({ id, version, reasonText: command.reasonText });
    }
  };
}

export async function action(args: ActionFunctionArgs) {
  await requireHandoverWorker(args);
  const id = idParamOf(args.params);
  const formData = await args.request.formData();
  if (formData.get("intent") === "revealBsn") {
    const personId = String(formData.get("personId") ?? "");
    if (!UUID.test(personId)) throw data(null, { status: 400 });
    const { bsn } = await callApi(args, (api) => api.case.revealBsn({ personId }));
    return data<ActionResult>({
      intent: null,
      values: {},
      fieldErrors: {},
      formErrors: [],
      conflict: null,
      incomplete: false,
      revealed: bsn ? { personId, bsn: formatBsn(bsn) } : null,
    });
  }
  const parsed = parseHandoverAction(formData, { today: amsterdamToday() });
  if (!parsed.ok) {
    return data<ActionResult>(
      {
        intent: parsed.intent,
        values: parsed.values,
        fieldErrors: parsed.fieldErrors,
        formErrors: parsed.formErrors,
        conflict: null,
        incomplete: false,
      },
      { status: 400 },
    );
  }
  const { command } = parsed;
  const done = await tryApi(args, callFor(id, command), nl.forms.checkFields);
  if (done.ok) throw redirect(withNotice(`/overdrachten/${id}`, noticeAfter[command.intent]));

  const { refusal } = done;
  const values: Record<string, string> = {};
  for (const field of intentFields[command.intent]) values[field] = String(formData.get(field) ?? "");
  if (refusal.code === "CONFLICT") {
    // Someone else acted first: say what happened; the page shows the handover as it is now.
    return data<ActionResult>(
      { intent: null, values: {}, fieldErrors: {}, formErrors: [], conflict: refusal.message, incomplete: false },
      { status: 409 },
    );
  }
  const incomplete = refusal.missingItems.length > 0;
  const problems = problemsFromRefusal(refusal, (path) => actionFieldOf(command.intent, path));
  return data<ActionResult>(
    {
      intent: command.intent,
      values,
      fieldErrors: problems.fieldErrors,
      formErrors: incomplete ? [] : problems.formErrors,
      conflict: null,
      incomplete,
    },
    { status: 400 },
  );
}

function errorSummaryOf(result: ActionResult | undefined): SummaryItem[] {
  if (!result) return [];
  const items: SummaryItem[] = result.formErrors.map((message) => ({ message }));
  if (result.incomplete) items.push({ message: m.offerIncomplete, fieldId: "missing-heading" });
  const intent = result.intent;
  if (intent) {
    for (const field of intentFields[intent] as readonly string[]) {
      const message = result.fieldErrors[field];
      if (message) items.push({ message, fieldId: actionFieldId(intent as HandoverIntent, field) });
    }
  }
  return items;
}

export default function HandoverRoute() {
  const { handover, assignees, notice, notEditable, today, canRevealBsn } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const editable = handover.allowedActions.includes("update");
  const hasActions = handover.allowedActions.some((action) => action !== "update");
  return (
    <>
      <Paragraph>
        <AppLink to="/overdrachten">{m.backToList}</AppLink>
      </Paragraph>
      <Heading1>{m.heading(handover.reference)}</Heading1>
      {notice && !result ? (
        <Alert type="ok" role="status">
          {notice}
        </Alert>
      ) : null}
      {notEditable && !result ? <Alert type="info">{m.notEditable}</Alert> : null}
      {result?.conflict ? (
        <Alert type="warning" role="alert">
          {result.conflict}
        </Alert>
      ) : null}
      <ErrorSummary errors={errorSummaryOf(result)} focusKey={result} />

      <DataList
        className="kp-handover-facts"
        rows={[
          { key: "status", label: m.status, value: <StatusBadge status={handover.status} /> },
          ...(handover.deadline
            ? [
                {
                  key: "deadline",
                  label: m.deadline,
                  value: (
                    <>
                      {handover.overdue ? (
                        <>
                          <OverdueBadge />{" "}
                        </>
                      ) : null}
                      {handover.deadline}
                    </>
                  ),
                },
              ]
            : []),
          ...handover.facts,
        ]}
      />

      {editable ? (
        <section aria-labelledby="missing-heading" className="kp-missing">
          <Heading2 id="missing-heading" tabIndex={-1}>
            {m.missingHeading}
          </Heading2>
          {handover.missingItems.length > 0 ? (
            <>
              <Paragraph>{m.missingIntro}</Paragraph>
              <UnorderedList>
                {handover.missingItems.map((item) => (
                  <ListItem key={`${item.href}|${item.message}`}>
                    <AppLink to={item.href}>{item.message}</AppLink>
                  </ListItem>
                ))}
              </UnorderedList>
            </>
          ) : (
            <Paragraph>{m.packageComplete}</Paragraph>
          )}
          <Paragraph>
            <AppLink to={`/overdrachten/${handover.id}/bewerken`}>{m.editLink}</AppLink>
          </Paragraph>
        </section>
      ) : null}

      <section aria-labelledby="package-heading">
        <Heading2 id="package-heading">{m.packageHeading}</Heading2>
        <DataList rows={handover.packageRows} className="kp-data-list--long" />
      </section>

      <section aria-labelledby="case-heading">
        <Heading2 id="case-heading">{m.caseHeading}</Heading2>
        <DataList rows={handover.caseRows} />
      </section>

      <section aria-labelledby="persons-heading">
        <Heading2 id="persons-heading">{m.personsHeading}</Heading2>
        {handover.persons.length > 0 ? (
          <div className="kp-table-scroll">
            <table className="utrecht-table utrecht-table--html-table kp-table">
              <caption className="utrecht-table__caption kp-visually-hidden">{m.personsCaption}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">
                    {m.personColumns.name}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {m.personColumns.role}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {m.personColumns.birthYear}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {m.personColumns.bsn}
                  </th>
                  <th scope="col" className="utrecht-table__header-cell">
                    {m.personColumns.spoken}
                  </th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {handover.persons.map((person) => (
                  <tr key={person.id} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                      {person.name}
                    </th>
                    <td className="utrecht-table__cell">{person.role}</td>
                    <td className="utrecht-table__cell">{person.birthYear}</td>
                    <td className="utrecht-table__cell">
                      <BsnCell
                        person={person}
                        revealed={result?.revealed?.personId === person.id ? result.revealed.bsn : null}
                        canReveal={canRevealBsn}
                      />
                    </td>
                    <td className="utrecht-table__cell">{person.spoken}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Paragraph>{m.personsEmpty}</Paragraph>
        )}
      </section>

      {handover.closure.map((part) => (
        <section key={part.key} aria-labelledby={`closure-${part.key}`}>
          <Heading2 id={`closure-${part.key}`}>{part.heading}</Heading2>
          <DataList rows={part.rows} />
        </section>
      ))}

      {hasActions ? (
        <section aria-labelledby="actions-heading" className="kp-actions">
          <Heading2 id="actions-heading">{m.actionsHeading}</Heading2>
          <HandoverActionForms
            allowed={handover.allowedActions}
            version={handover.version}
            assignees={assignees}
            today={today}
            attempt={result && !result.conflict ? result : null}
          />
        </section>
      ) : null}

      <section aria-labelledby="history-heading">
        <Heading2 id="history-heading">{m.historyHeading}</Heading2>
        <HandoverTimeline entries={handover.history} />
      </section>
    </>
  );
}

/** The masked BSN (read out as "BSN eindigend op 782"), or the full one after "Toon BSN". */
function BsnCell({
  person,
  revealed,
  canReveal,
}: {
  person: { id: string; name: string; bsn: { masked: string; lastDigits: string } | null };
  revealed: string | null;
  canReveal: boolean;
}) {
  if (!person.bsn) return <>{m.bsnNone}</>;
  if (revealed) {
    return (
      <>
        <span className="kp-visually-hidden">{m.bsnRevealed(person.name)} </span>
        <span className="kp-bsn">{revealed}</span>
      </>
    );
  }
  return (
    <>
      <span aria-hidden="true" className="kp-bsn">
        {person.bsn.masked}
      </span>
      <span className="kp-visually-hidden">{m.bsnEndingIn(person.bsn.lastDigits)}</span>
      {canReveal ? (
        <Form method="post" className="kp-bsn__reveal">
          <input type="hidden" name="intent" value="revealBsn" />
          <input type="hidden" name="personId" value={person.id} />
          <Button type="submit" appearance="subtle-button" aria-label={m.revealBsnOf(person.name)}>
            {m.revealBsn}
          </Button>
        </Form>
      ) : null}
    </>
  );
}
