import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { Fieldset, FieldsetLegend } from "@utrecht/fieldset-react";
import { callApi, tryApi } from "../api-errors.server";
import { ActionNotices } from "../components/action-notices";
import { AppLink } from "../components/app-link";
import { CheckboxField } from "../components/checkbox-field";
import { DataList } from "../components/data-list";
import { ErrorSummary } from "../components/error-summary";
import { RadioGroup } from "../components/radio-group";
import { SelectField } from "../components/select-field";
import { TextField } from "../components/text-field";
import { TextareaField } from "../components/textarea-field";
import { Heading1, Heading2, Paragraph } from "../components/typography";
import { amsterdamInstant } from "../lib/amsterdam-time";
import { textOf } from "../lib/form-data";
import type { RefusalForForm } from "../lib/form-errors";
import { amsterdamToday, formatDate, formatDateTime, formatLocalDate } from "../lib/format";
import { isId } from "../lib/ids";
import { type IntentFormResult, intentFormState, refusedForIntent } from "../lib/intent-forms";
import { type NoticeKey, noticeOf, withNotice } from "../lib/notices";
import { revalidateAfterConflict } from "../lib/revalidate";
import { amsterdamDateAndTime, workingDaysLeftText } from "../lib/triage-view";
import { nl, pageTitle } from "../messages/nl";
import { requireRole } from "../session.server";

const m = nl.triageCase;
const FIELDS = [
  "receivedDate",
  "municipalityCode",
  "melderKind",
  "melderEmail",
  "conclusion",
  "step",
  "givenOn",
] as const;
type Field = (typeof FIELDS)[number];
type MelderKind = keyof typeof m.melderKinds;
type Step = keyof typeof m.steps;
const FACTORS = ["urgent", "childrenInHousehold", "elderlyInHousehold", "existingHelp"] as const;

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
  const [melding, options] = await Promise.all([
    callApi(args, (api) => api.case.melding.get({ id })),
    callApi(args, (api) => api.handover.formOptions()),
  ]);
  const received = amsterdamDateAndTime(new Date(melding.reportedAt));
  const investigation = melding.investigation;
  return {
    id: melding.id,
    version: melding.version,
    reference: melding.reference,
    today: amsterdamToday(),
    status: [
      { key: "municipality", label: m.status.municipality, value: melding.municipality.name },
      { key: "priority", label: m.status.priority, value: nl.priorities[melding.priority] },
      { key: "reportedAt", label: m.status.reportedAt, value: formatDateTime(new Date(melding.reportedAt)) },
      {
        key: "melder",
        label: m.status.melder,
        value: melding.melderKind ? m.melderKinds[melding.melderKind] : m.melderUnknown,
      },
      {
        key: "assessment",
        label: m.status.assessment,
        value: melding.safetyAssessmentCompletedAt
          ? m.assessmentDone(formatDate(new Date(melding.safetyAssessmentCompletedAt)))
          : m.assessmentOpen(
              formatLocalDate(melding.safetyAssessmentDueOn),
              workingDaysLeftText(melding.workingDaysLeft ?? 0),
            ),
      },
      {
        key: "investigation",
        label: m.status.investigation,
        value: !investigation
          ? m.investigationNone
          : investigation.finishedAt
            ? m.investigationDone(
                formatDate(new Date(investigation.startedAt)),
                formatDate(new Date(investigation.finishedAt)),
              )
            : m.investigationRunning(
                formatDate(new Date(investigation.startedAt)),
                formatLocalDate(investigation.dueOn),
                workingDaysLeftText(investigation.workingDaysLeft ?? 0),
              ),
      },
    ],
    form: {
      receivedDate: received.date,
      receivedTime: received.time,
      municipalityCode: melding.municipality.code,
      melderKind: melding.melderKind ?? "",
      melderEmail: melding.melderEmail ?? "",
      factors: melding.factors,
    },
    municipalities: options.municipalities.map((item) => ({
      value: item.code,
      label: `${item.name} (${item.regionName})`,
    })),
    assessmentOpen: melding.safetyAssessmentCompletedAt === null,
    investigationState: !investigation ? "none" : investigation.finishedAt ? "finished" : "running",
    professional: melding.melderKind === "professional",
    hasMelderEmail: melding.melderEmail !== null,
    feedback: melding.feedback.map((item) => ({
      id: item.id,
      givenOn: formatLocalDate(item.givenOn),
      step: m.steps[item.step],
      mail: item.mailQueued ? m.feedbackMailSent : m.feedbackMailNone,
    })),
    notice: noticeOf(args.request),
  };
}

type ActionResult = IntentFormResult<Field>;

function refusedWith(intent: string, refusal: RefusalForForm, values: Record<string, string>) {
  // The API calls the moment of receipt reportedAt; the form asks for its date and time separately.
  return refusedForIntent({ intent, refusal, fields: FIELDS, values, alias: { reportedAt: "receivedDate" } });
}

export async function action(args: ActionFunctionArgs) {
  await requireRole(args, "vt_worker", "team_coordinator");
  const id = caseIdOf(args.params);
  const formData = await args.request.formData();
  const intent = textOf(formData, "intent");
  const version = Number(textOf(formData, "version"));
  if (!Number.isInteger(version) || version < 1) {
    return data<ActionResult>({ conflict: m.invalidRequest }, { status: 400 });
  }
  const path = `/triage/${id}`;
  const done = (notice: NoticeKey) => redirect(withNotice(path, notice));

  if (intent === "record") {
    const values: Record<string, string> &
      Record<"receivedDate" | "receivedTime" | "municipalityCode" | "melderKind" | "melderEmail", string> = {
      receivedDate: textOf(formData, "receivedDate"),
      receivedTime: textOf(formData, "receivedTime"),
      municipalityCode: textOf(formData, "municipalityCode"),
      melderKind: textOf(formData, "melderKind"),
      melderEmail: textOf(formData, "melderEmail").trim(),
      ...Object.fromEntries(FACTORS.map((factor) => [factor, formData.get(factor) === "ja" ? "ja" : ""])),
    };
    const fieldErrors: Partial<Record<Field, string>> = {};
    const reportedAt = amsterdamInstant(values.receivedDate, values.receivedTime);
    if (!reportedAt) fieldErrors.receivedDate = m.receivedRequired;
    if (!Object.hasOwn(m.melderKinds, values.melderKind)) fieldErrors.melderKind = m.melderKindRequired;
    if (!reportedAt || fieldErrors.melderKind) {
      return data<ActionResult>({ intent, fieldErrors, values }, { status: 400 });
    }
    const result = await tryApi(
      args,
      (api) =>
        api.case.melding.record({
          id,
          version,
          reportedAt,
          municipalityCode: values.municipalityCode,
          melderKind: values.melderKind as MelderKind,
          melderEmail: values.melderEmail === "" ? null : values.melderEmail,
          urgent: values.urgent === "ja",
          childrenInHousehold: values.childrenInHousehold === "ja",
          elderlyInHousehold: values.elderlyInHousehold === "ja",
          existingHelp: values.existingHelp === "ja",
        }),
      m.invalidRequest,
    );
    if (!result.ok) return refusedWith(intent, result.refusal, values);
    throw done("melding-vastgelegd");
  }
  if (intent === "assess") {
    const values = { conclusion: textOf(formData, "conclusion") };
    const result = await tryApi(
      args,
      (api) => api.case.melding.completeAssessment({ id, version, conclusion: values.conclusion }),
      m.invalidRequest,
    );
    if (!result.ok) return refusedWith(intent, result.refusal, values);
    throw done("beoordeling-afgerond");
  }
  if (intent === "start-investigation" || intent === "finish-investigation") {
    const start = intent === "start-investigation";
    const result = await tryApi(
      args,
      (api) =>
        start
          ? api.case.melding.startInvestigation({ id, version })
          : api.case.melding.finishInvestigation({ id, version }),
      m.invalidRequest,
    );
    if (!result.ok) return refusedWith(intent, result.refusal, {});
    throw done(start ? "onderzoek-gestart" : "onderzoek-afgerond");
  }
  if (intent === "feedback") {
    const values = { step: textOf(formData, "step"), givenOn: textOf(formData, "givenOn") };
    if (!Object.hasOwn(m.steps, values.step)) {
      return data<ActionResult>({ intent, fieldErrors: { step: m.chooseStep }, values }, { status: 400 });
    }
    const result = await tryApi(
      args,
      (api) =>
        api.case.melding.recordFeedback({
          id,
          version,
          step: values.step as Step,
          ...(values.givenOn ? { givenOn: values.givenOn } : {}),
        }),
      m.invalidRequest,
    );
    if (!result.ok) return refusedWith(intent, result.refusal, values);
    throw done("terugkoppeling-vastgelegd");
  }
  return data<ActionResult>({ conflict: m.invalidRequest }, { status: 400 });
}

function summaryOf(result: ActionResult | undefined, intent: string) {
  return intentFormState(result, intent, FIELDS).summary;
}

export default function TriageCaseRoute() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsFor = (intent: string) => intentFormState(result, intent, FIELDS).errors;
  const valuesFor = (intent: string) => intentFormState(result, intent, FIELDS).values;
  const recordErrors = errorsFor("record");
  const recordValues = valuesFor("record");
  const assessErrors = errorsFor("assess");
  const feedbackErrors = errorsFor("feedback");
  const feedbackValues = valuesFor("feedback");
  const versionInput = <input type="hidden" name="version" value={loaded.version} />;
  return (
    <>
      <Paragraph>
        <AppLink to="/triage">{m.backToQueue}</AppLink>
      </Paragraph>
      <Heading1>{m.heading(loaded.reference)}</Heading1>
      <ActionNotices notice={loaded.notice} result={result} />

      <Heading2>{m.statusHeading}</Heading2>
      <DataList rows={loaded.status} />

      <Heading2>{m.meldingHeading}</Heading2>
      <Paragraph>{m.meldingIntro}</Paragraph>
      <Form method="post" noValidate>
        <ErrorSummary errors={summaryOf(result, "record")} focusKey={result} />
        <input type="hidden" name="intent" value="record" />
        {versionInput}
        <TextField
          name="receivedDate"
          type="date"
          label={m.receivedDateLabel}
          defaultValue={recordValues.receivedDate ?? loaded.form.receivedDate}
          max={loaded.today}
          error={recordErrors.receivedDate}
          required
        />
        <TextField
          name="receivedTime"
          id="field-receivedTime"
          type="time"
          label={m.receivedTimeLabel}
          defaultValue={recordValues.receivedTime ?? loaded.form.receivedTime}
          required
        />
        <SelectField
          name="municipalityCode"
          label={m.municipalityLabel}
          placeholder={m.chooseMunicipality}
          options={loaded.municipalities}
          defaultValue={recordValues.municipalityCode ?? loaded.form.municipalityCode}
          error={recordErrors.municipalityCode}
          required
        />
        <RadioGroup
          name="melderKind"
          legend={m.melderKindLabel}
          options={Object.entries(m.melderKinds).map(([value, label]) => ({ value, label }))}
          defaultValue={recordValues.melderKind ?? loaded.form.melderKind}
          error={recordErrors.melderKind}
          required
        />
        <TextField
          name="melderEmail"
          type="email"
          label={m.melderEmailLabel}
          description={m.melderEmailDescription}
          defaultValue={recordValues.melderEmail ?? loaded.form.melderEmail}
          error={recordErrors.melderEmail}
          autoComplete="off"
        />
        <Fieldset>
          <FieldsetLegend>{m.factorsLegend}</FieldsetLegend>
          {FACTORS.map((factor) => (
            <CheckboxField
              key={factor}
              name={factor}
              label={m.factors[factor]}
              defaultChecked={
                recordValues[factor] !== undefined ? recordValues[factor] === "ja" : loaded.form.factors[factor]
              }
            />
          ))}
        </Fieldset>
        <Button type="submit" appearance="primary-action-button">
          {m.saveMelding}
        </Button>
      </Form>

      {loaded.assessmentOpen ? (
        <>
          <Heading2>{m.assessmentHeading}</Heading2>
          <Form method="post" noValidate>
            <ErrorSummary errors={summaryOf(result, "assess")} focusKey={result} />
            <input type="hidden" name="intent" value="assess" />
            {versionInput}
            <TextareaField
              name="conclusion"
              label={m.conclusionLabel}
              defaultValue={valuesFor("assess").conclusion ?? ""}
              error={assessErrors.conclusion}
              rows={5}
              required
            />
            <Button type="submit" appearance="primary-action-button">
              {m.completeAssessment}
            </Button>
          </Form>
        </>
      ) : (
        // After the assessment a case that waits for a VT service goes on the wachtlijst (decision 017).
        <Paragraph>
          <AppLink to={`/wachtlijst/${loaded.id}`}>{nl.waitingList.openCase(loaded.reference)}</AppLink>
        </Paragraph>
      )}

      <Heading2>{m.investigationHeading}</Heading2>
      <Paragraph>{m.investigationIntro}</Paragraph>
      {loaded.assessmentOpen ? (
        <Paragraph>{m.investigationNeedsAssessment}</Paragraph>
      ) : loaded.investigationState === "finished" ? null : (
        <Form method="post">
          <input
            type="hidden"
            name="intent"
            value={loaded.investigationState === "none" ? "start-investigation" : "finish-investigation"}
          />
          {versionInput}
          <Button type="submit" appearance="secondary-action-button">
            {loaded.investigationState === "none" ? m.startInvestigation : m.finishInvestigation}
          </Button>
        </Form>
      )}

      <Heading2>{m.feedbackHeading}</Heading2>
      {loaded.feedback.length === 0 ? (
        <Paragraph>{m.feedbackEmpty}</Paragraph>
      ) : (
        <div className="kp-table-scroll">
          <table className="utrecht-table utrecht-table--html-table kp-table">
            <caption className="utrecht-table__caption">{m.feedbackCaption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {(["givenOn", "step", "mail"] as const).map((column) => (
                  <th key={column} scope="col" className="utrecht-table__header-cell">
                    {m.feedbackColumns[column]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {loaded.feedback.map((item) => (
                <tr key={item.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{item.givenOn}</td>
                  <td className="utrecht-table__cell">{item.step}</td>
                  <td className="utrecht-table__cell">{item.mail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loaded.professional ? (
        <Form method="post" noValidate>
          <ErrorSummary errors={summaryOf(result, "feedback")} focusKey={result} />
          <input type="hidden" name="intent" value="feedback" />
          {versionInput}
          <Paragraph>{loaded.hasMelderEmail ? m.feedbackMailNote : m.feedbackNoMailNote}</Paragraph>
          <SelectField
            name="step"
            label={m.stepLabel}
            placeholder={m.chooseStep}
            options={Object.entries(m.steps).map(([value, label]) => ({ value, label }))}
            defaultValue={feedbackValues.step ?? ""}
            error={feedbackErrors.step}
            required
          />
          <TextField
            name="givenOn"
            type="date"
            label={m.givenOnLabel}
            defaultValue={feedbackValues.givenOn ?? loaded.today}
            max={loaded.today}
            error={feedbackErrors.givenOn}
            required
          />
          <Button type="submit" appearance="primary-action-button">
            {m.recordFeedback}
          </Button>
        </Form>
      ) : (
        <Paragraph>{m.feedbackOnlyProfessional}</Paragraph>
      )}
    </>
  );
}
