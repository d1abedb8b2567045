import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { callApi, tryApi } from "../api-errors.server";
import { ActionNotices } from "../components/action-notices";
import { AppLink } from "../components/app-link";
import { DataList } from "../components/data-list";
import { ErrorSummary } from "../components/error-summary";
import { RadioGroup } from "../components/radio-group";
import { SelectField } from "../components/select-field";
import { TextField } from "../components/text-field";
import { TextareaField } from "../components/textarea-field";
import { Heading1, Heading2, Paragraph } from "../components/typography";
import { textOf } from "../lib/form-data";
import type { RefusalForForm } from "../lib/form-errors";
import { amsterdamToday, formatLocalDate } from "../lib/format";
import { isId } from "../lib/ids";
import { type IntentFormResult, intentFormState, refusedForIntent } from "../lib/intent-forms";
import { type NoticeKey, noticeOf, withNotice } from "../lib/notices";
import { revalidateAfterConflict } from "../lib/revalidate";
import { nextContactText } from "../lib/waiting-list-view";
import { nl, pageTitle } from "../messages/nl";
import { requireRole } from "../session.server";

const m = nl.waitingListCase;
const w = nl.waitingList;
const FIELDS = ["contactedOn", "way", "outcome", "source", "kind", "description", "receivedOn", "reason"] as const;
type Field = (typeof FIELDS)[number];

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

export const shouldRevalidate = revalidateAfterConflict;

function caseIdOf(params: LoaderFunctionArgs["params"]): string {
  const id = params.id;
  if (!isId(id)) throw data(null, { status: 404 });
  return id;
}

export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, "vt_worker", "team_coordinator");
  const id = caseIdOf(args.params);
  const melding = await callApi(args, (api) => api.case.melding.get({ id }));
  const list = await callApi(args, (api) => api.waitingList.list({ municipalityCode: melding.municipality.code }));
  const item = list.items.find((entry) => entry.id === id) ?? null;
  const status = [
    { key: "priority", label: m.status.priority, value: nl.priorities[melding.priority] },
    { key: "municipality", label: m.status.municipality, value: melding.municipality.name },
    ...(item
      ? [
          { key: "enteredOn", label: m.status.enteredOn, value: formatLocalDate(item.enteredOn) },
          { key: "waiting", label: m.status.waiting, value: w.waitingDays(item.waitingWorkingDays) },
          { key: "nextContact", label: m.status.nextContact, value: nextContactText(item) },
          {
            key: "lastContact",
            label: m.status.lastContact,
            value: item.lastContact
              ? w.lastContact(formatLocalDate(item.lastContact.contactedOn), w.ways[item.lastContact.way])
              : w.noContactYet,
          },
        ]
      : []),
    {
      key: "triage",
      label: m.status.triage,
      value: melding.safetyAssessmentCompletedAt
        ? w.triageDone
        : w.triageReopened(formatLocalDate(melding.safetyAssessmentDueOn)),
    },
    ...(item?.latestChangeSignal
      ? [
          {
            key: "latestSignal",
            label: m.status.latestSignal,
            value: `${formatLocalDate(item.latestChangeSignal.receivedOn)}: ${w.kinds[item.latestChangeSignal.kind]} (${w.sources[item.latestChangeSignal.source]})`,
          },
        ]
      : []),
  ];
  return {
    id,
    version: melding.version,
    reference: melding.reference,
    today: amsterdamToday(),
    waiting: item !== null,
    canEnter: item === null && melding.safetyAssessmentCompletedAt !== null,
    status,
    notice: noticeOf(args.request),
  };
}

type ActionResult = IntentFormResult<Field>;

function refusedWith(intent: string, refusal: RefusalForForm, values: Record<string, string>) {
  return refusedForIntent({ intent, refusal, fields: FIELDS, values });
}

const isWay = (value: string): value is keyof typeof w.ways => Object.hasOwn(w.ways, value);
const isSource = (value: string): value is keyof typeof w.sources => Object.hasOwn(w.sources, value);
const isKind = (value: string): value is keyof typeof w.kinds => Object.hasOwn(w.kinds, value);
const isReason = (value: string): value is keyof typeof w.leaveReasons => Object.hasOwn(w.leaveReasons, value);

export async function action(args: ActionFunctionArgs) {
  await requireRole(args, "vt_worker", "team_coordinator");
  const id = caseIdOf(args.params);
  const formData = await args.request.formData();
  const intent = textOf(formData, "intent");
  const version = Number(textOf(formData, "version"));
  if (!Number.isInteger(version) || version < 1) {
    return data<ActionResult>({ conflict: m.invalidRequest }, { status: 400 });
  }
  const done = (path: string, notice: NoticeKey) => redirect(withNotice(path, notice));

  if (intent === "enter") {
    const result = await tryApi(args, (api) => api.waitingList.enter({ id, version }), m.invalidRequest);
    if (!result.ok) return refusedWith(intent, result.refusal, {});
    throw done(`/wachtlijst/${id}`, "op-wachtlijst");
  }
  if (intent === "contact") {
    const values = {
      contactedOn: textOf(formData, "contactedOn"),
      way: textOf(formData, "way"),
      outcome: textOf(formData, "outcome"),
    };
    const way = values.way;
    if (!isWay(way)) {
      return data<ActionResult>({ intent, fieldErrors: { way: m.wayRequired }, values }, { status: 400 });
    }
    const result = await tryApi(
      args,
      (api) =>
        api.waitingList.recordContact({
          id,
          version,
          way,
          outcome: values.outcome,
          ...(values.contactedOn ? { contactedOn: values.contactedOn } : {}),
        }),
      m.invalidRequest,
    );
    if (!result.ok) return refusedWith(intent, result.refusal, values);
    throw done(`/wachtlijst/${id}`, "contact-vastgelegd");
  }
  if (intent === "signal") {
    const values = {
      source: textOf(formData, "source"),
      kind: textOf(formData, "kind"),
      description: textOf(formData, "description"),
      receivedOn: textOf(formData, "receivedOn"),
    };
    const { source, kind } = values;
    const fieldErrors: Partial<Record<Field, string>> = {};
    if (!isSource(source)) fieldErrors.source = m.sourceRequired;
    if (!isKind(kind)) fieldErrors.kind = m.kindRequired;
    if (!isSource(source) || !isKind(kind)) {
      return data<ActionResult>({ intent, fieldErrors, values }, { status: 400 });
    }
    const result = await tryApi(
      args,
      (api) =>
        api.waitingList.recordChangeSignal({
          id,
          version,
          source,
          kind,
          description: values.description,
          ...(values.receivedOn ? { receivedOn: values.receivedOn } : {}),
        }),
      m.invalidRequest,
    );
    if (!result.ok) return refusedWith(intent, result.refusal, values);
    throw done(`/wachtlijst/${id}`, "signaal-vastgelegd");
  }
  if (intent === "leave") {
    const values = { reason: textOf(formData, "reason") };
    const reason = values.reason;
    if (!isReason(reason)) {
      return data<ActionResult>({ intent, fieldErrors: { reason: m.leaveReasonRequired }, values }, { status: 400 });
    }
    const result = await tryApi(args, (api) => api.waitingList.leave({ id, version, reason }), m.invalidRequest);
    if (!result.ok) return refusedWith(intent, result.refusal, values);
    throw done("/wachtlijst", "van-wachtlijst");
  }
  return data<ActionResult>({ conflict: m.invalidRequest }, { status: 400 });
}

function summaryOf(result: ActionResult | undefined, intent: string) {
  return intentFormState(result, intent, FIELDS).summary;
}

export default function WaitingListCaseRoute() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsFor = (intent: string) => intentFormState(result, intent, FIELDS).errors;
  const valuesFor = (intent: string) => intentFormState(result, intent, FIELDS).values;
  const contactErrors = errorsFor("contact");
  const contactValues = valuesFor("contact");
  const signalErrors = errorsFor("signal");
  const signalValues = valuesFor("signal");
  const versionInput = <input type="hidden" name="version" value={loaded.version} />;
  return (
    <>
      <Paragraph>
        <AppLink to="/wachtlijst">{m.backToList}</AppLink>
      </Paragraph>
      <Heading1>{m.heading(loaded.reference)}</Heading1>
      <ActionNotices notice={loaded.notice} result={result} />

      <Heading2>{m.statusHeading}</Heading2>
      {loaded.waiting ? null : <Paragraph>{m.notWaiting}</Paragraph>}
      <DataList rows={loaded.status} />

      {loaded.canEnter ? (
        <>
          <Heading2>{m.enterHeading}</Heading2>
          <Paragraph>{m.enterIntro}</Paragraph>
          <Form method="post">
            <input type="hidden" name="intent" value="enter" />
            {versionInput}
            <Button type="submit" appearance="primary-action-button">
              {m.enter}
            </Button>
          </Form>
        </>
      ) : null}

      {loaded.waiting ? (
        <>
          <Heading2>{m.contactHeading}</Heading2>
          <Paragraph>{m.contactIntro}</Paragraph>
          <Form method="post" noValidate>
            <ErrorSummary errors={summaryOf(result, "contact")} focusKey={result} />
            <input type="hidden" name="intent" value="contact" />
            {versionInput}
            <TextField
              name="contactedOn"
              type="date"
              label={m.contactedOnLabel}
              defaultValue={contactValues.contactedOn ?? loaded.today}
              max={loaded.today}
              error={contactErrors.contactedOn}
              required
            />
            <RadioGroup
              name="way"
              legend={m.wayLabel}
              options={Object.entries(w.ways).map(([value, label]) => ({ value, label }))}
              defaultValue={contactValues.way ?? ""}
              error={contactErrors.way}
              required
            />
            <TextareaField
              name="outcome"
              label={m.outcomeLabel}
              description={m.outcomeDescription}
              defaultValue={contactValues.outcome ?? ""}
              error={contactErrors.outcome}
              rows={4}
              required
            />
            <Button type="submit" appearance="primary-action-button">
              {m.recordContact}
            </Button>
          </Form>
        </>
      ) : null}

      <Heading2>{m.signalHeading}</Heading2>
      <Paragraph>{m.signalIntro}</Paragraph>
      <Form method="post" noValidate>
        <ErrorSummary errors={summaryOf(result, "signal")} focusKey={result} />
        <input type="hidden" name="intent" value="signal" />
        {versionInput}
        <RadioGroup
          name="source"
          legend={m.sourceLabel}
          options={Object.entries(w.sources).map(([value, label]) => ({ value, label }))}
          defaultValue={signalValues.source ?? ""}
          error={signalErrors.source}
          required
        />
        <SelectField
          name="kind"
          label={m.kindLabel}
          placeholder={m.chooseKind}
          options={Object.entries(w.kinds).map(([value, label]) => ({ value, label }))}
          defaultValue={signalValues.kind ?? ""}
          error={signalErrors.kind}
          required
        />
        <TextareaField
          name="description"
          label={m.descriptionLabel}
          description={m.descriptionDescription}
          defaultValue={signalValues.description ?? ""}
          error={signalErrors.description}
          rows={3}
          maxLength={500}
          required
        />
        <TextField
          name="receivedOn"
          type="date"
          label={m.receivedOnLabel}
          defaultValue={signalValues.receivedOn ?? loaded.today}
          max={loaded.today}
          error={signalErrors.receivedOn}
          required
        />
        <Button type="submit" appearance="primary-action-button">
          {m.recordSignal}
        </Button>
      </Form>

      {loaded.waiting ? (
        <>
          <Heading2>{m.leaveHeading}</Heading2>
          <Form method="post" noValidate>
            <ErrorSummary errors={summaryOf(result, "leave")} focusKey={result} />
            <input type="hidden" name="intent" value="leave" />
            {versionInput}
            <RadioGroup
              name="reason"
              legend={m.leaveReasonLabel}
              options={Object.entries(w.leaveReasons).map(([value, label]) => ({ value, label }))}
              defaultValue={valuesFor("leave").reason ?? ""}
              error={errorsFor("leave").reason}
              required
            />
            <Button type="submit" appearance="secondary-action-button">
              {m.leave}
            </Button>
          </Form>
        </>
      ) : null}
    </>
  );
}
