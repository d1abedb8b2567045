import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { callApi, tryApi } from "../api-errors.server";
import { ActionNotices } from "../components/action-notices";
import { AppLink } from "../components/app-link";
import { ErrorSummary } from "../components/error-summary";
import { RadioGroup } from "../components/radio-group";
import { RowActionForm } from "../components/row-action-form";
import { SelectField } from "../components/select-field";
import { TextField } from "../components/text-field";
import { Heading1, Heading2, Paragraph } from "../components/typography";
import { textOf } from "../lib/form-data";
import { fieldErrorSummary, fieldErrorsFromRefusal } from "../lib/form-errors";
import { formatLocalDate } from "../lib/format";
import { isId } from "../lib/ids";
import { noticeOf, withNotice } from "../lib/notices";
import { revalidateAfterConflict } from "../lib/revalidate";
import { nl, pageTitle } from "../messages/nl";
import { requireUser } from "../session.server";

const m = nl.adminRetention;
const PATH = "/beheer/bewaartermijnen";
const FIELDS = ["caseReference", "requestedOn", "requesterCategory"] as const;
type Field = (typeof FIELDS)[number];
type RequesterCategory = keyof typeof m.requesters;
type RefusalCode = keyof typeof m.refusalReasons;

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

/** After a refused decision the lists must show the requests as they are now. */
export const shouldRevalidate = revalidateAfterConflict;

// Whether this person may see the files' retention is the API's call (403 page otherwise). Dates are Amsterdam dates.
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args);
  const overview = await callApi(args, (api) => api.admin.retention.overview());
  return {
    today: overview.today,
    dueFiles: overview.dueFiles.map((file) => ({
      caseId: file.caseId,
      reference: file.reference,
      municipality: file.municipality.name,
      closedOn: formatLocalDate(file.closedOn),
      retainUntil: formatLocalDate(file.retainUntil),
      expired: file.expired,
    })),
    requests: overview.requests.map((request) => ({
      id: request.id,
      version: request.version,
      reference: request.caseReference ?? m.destroyedFile,
      requestedOn: formatLocalDate(request.requestedOn),
      requester: m.requesters[request.requesterCategory],
      dueOn: formatLocalDate(request.dueOn),
      overdue: request.overdue,
      status: request.status,
      statusLabel:
        request.status === "refused" && request.refusalCode
          ? `${m.status.refused}: ${m.refusalReasons[request.refusalCode].toLowerCase()}`
          : m.status[request.status],
      open: request.status === "open",
      fileInProgress: request.fileInProgress,
    })),
    notice: noticeOf(args.request),
  };
}

type ActionResult = {
  conflict?: string;
  fieldErrors?: Partial<Record<Field, string>>;
  values?: Partial<Record<Field, string>>;
};

export async function action(args: ActionFunctionArgs) {
  await requireUser(args);
  const formData = await args.request.formData();
  const intent = textOf(formData, "intent");
  if (intent === "record") {
    const values = {
      caseReference: textOf(formData, "caseReference"),
      requestedOn: textOf(formData, "requestedOn"),
      requesterCategory: textOf(formData, "requesterCategory"),
    };
    const done = await tryApi(
      args,
      (api) =>
        api.admin.retention.recordRequest({
          caseReference: values.caseReference,
          requestedOn: values.requestedOn,
          requesterCategory: values.requesterCategory as RequesterCategory,
        }),
      m.invalidRequest,
    );
    if (!done.ok) {
      return data<ActionResult>(
        { ...fieldErrorsFromRefusal(done.refusal, FIELDS), values },
        { status: done.refusal.code === "CONFLICT" ? 409 : 400 },
      );
    }
    throw redirect(withNotice(PATH, "verzoek-vastgelegd"));
  }

  const id = textOf(formData, "id");
  const version = Number(textOf(formData, "version"));
  if (!isId(id) || !Number.isInteger(version) || version < 1) {
    return data<ActionResult>({ conflict: m.invalidRequest }, { status: 400 });
  }
  if (intent === "carry-out") {
    const done = await tryApi(args, (api) => api.admin.retention.carryOut({ id, version }), m.invalidRequest);
    if (!done.ok) return refused(done.refusal);
    throw redirect(withNotice(PATH, "dossier-vernietigd"));
  }
  if (intent === "refuse") {
    const reasonCode = textOf(formData, "reasonCode");
    if (!Object.hasOwn(m.refusalReasons, reasonCode)) {
      return data<ActionResult>({ conflict: m.chooseReason }, { status: 400 });
    }
    const done = await tryApi(
      args,
      (api) => api.admin.retention.refuse({ id, version, reasonCode: reasonCode as RefusalCode }),
      m.invalidRequest,
    );
    if (!done.ok) return refused(done.refusal);
    throw redirect(withNotice(PATH, "verzoek-geweigerd"));
  }
  return data<ActionResult>({ conflict: m.invalidRequest }, { status: 400 });
}

function refused(refusal: { code: "BAD_REQUEST" | "CONFLICT"; message: string }) {
  return data<ActionResult>({ conflict: refusal.message }, { status: refusal.code === "CONFLICT" ? 409 : 400 });
}

export default function AdminRetentionRoute() {
  const { today, dueFiles, requests, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busyId = navigation.state === "submitting" ? navigation.formData?.get("id") : null;
  const fieldErrors = result?.fieldErrors ?? {};
  const summary = fieldErrorSummary(FIELDS, result?.fieldErrors);
  return (
    <>
      <Paragraph>
        <AppLink to="/beheer">{nl.admin.backToAdmin}</AppLink>
      </Paragraph>
      <Heading1>{m.heading}</Heading1>
      <ActionNotices notice={notice} result={result} />
      <Paragraph>{m.intro}</Paragraph>

      <Heading2>{m.requestsHeading}</Heading2>
      {requests.length === 0 ? (
        <Paragraph>{m.requestsEmpty}</Paragraph>
      ) : (
        <div className="kp-table-scroll">
          <table className="utrecht-table utrecht-table--html-table kp-table kp-admin-table">
            <caption className="utrecht-table__caption">{m.requestsCaption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {(["reference", "requestedOn", "requester", "dueOn", "status", "action"] as const).map((column) => (
                  <th key={column} scope="col" className="utrecht-table__header-cell">
                    {m.requestColumns[column]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {requests.map((request) => (
                <tr key={request.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                    {request.reference}
                  </th>
                  <td className="utrecht-table__cell">{request.requestedOn}</td>
                  <td className="utrecht-table__cell">{request.requester}</td>
                  <td className="utrecht-table__cell">
                    {request.dueOn}
                    {request.open && request.overdue ? <strong> ({m.overdue})</strong> : null}
                  </td>
                  <td className="utrecht-table__cell">{request.statusLabel}</td>
                  <td className="utrecht-table__cell">
                    {request.open ? (
                      <>
                        {request.fileInProgress ? (
                          <Paragraph>{m.fileInProgress}</Paragraph>
                        ) : (
                          <RowActionForm
                            intent="carry-out"
                            id={request.id}
                            hidden={{ version: request.version }}
                            busy={busyId === request.id}
                            label={m.carryOut}
                            target={m.carryOutTarget(request.reference)}
                            appearance="primary-action-button"
                          />
                        )}
                        <Form method="post">
                          <input type="hidden" name="intent" value="refuse" />
                          <input type="hidden" name="id" value={request.id} />
                          <input type="hidden" name="version" value={request.version} />
                          <SelectField
                            name="reasonCode"
                            id={`field-reasonCode-${request.id}`}
                            label={m.refuseLabel(request.reference)}
                            placeholder={m.chooseReason}
                            required
                            options={Object.entries(m.refusalReasons).map(([value, label]) => ({ value, label }))}
                          />
                          <Button type="submit" appearance="secondary-action-button">
                            {m.refuse}
                          </Button>
                        </Form>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Heading2>{m.recordHeading}</Heading2>
      <Paragraph>{m.recordIntro}</Paragraph>
      <Form method="post" noValidate>
        <ErrorSummary errors={summary} focusKey={result} />
        <input type="hidden" name="intent" value="record" />
        <TextField
          name="caseReference"
          label={m.caseReferenceLabel}
          description={m.caseReferenceDescription}
          defaultValue={result?.values?.caseReference ?? ""}
          error={fieldErrors.caseReference}
          autoComplete="off"
          required
        />
        <TextField
          name="requestedOn"
          type="date"
          label={m.requestedOnLabel}
          description={m.requestedOnDescription}
          defaultValue={result?.values?.requestedOn ?? today}
          max={today}
          error={fieldErrors.requestedOn}
          required
        />
        <RadioGroup
          name="requesterCategory"
          legend={m.requesterLabel}
          options={Object.entries(m.requesters).map(([value, label]) => ({ value, label }))}
          defaultValue={result?.values?.requesterCategory ?? ""}
          error={fieldErrors.requesterCategory}
          required
        />
        <Button type="submit" appearance="primary-action-button">
          {m.record}
        </Button>
      </Form>

      <Heading2>{m.dueHeading}</Heading2>
      {dueFiles.length === 0 ? (
        <Paragraph>{m.dueEmpty}</Paragraph>
      ) : (
        <div className="kp-table-scroll">
          <table className="utrecht-table utrecht-table--html-table kp-table kp-admin-table">
            <caption className="utrecht-table__caption">{m.dueCaption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {(["reference", "municipality", "closedOn", "retainUntil"] as const).map((column) => (
                  <th key={column} scope="col" className="utrecht-table__header-cell">
                    {m.dueColumns[column]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {dueFiles.map((file) => (
                <tr key={file.caseId} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                    {file.reference}
                  </th>
                  <td className="utrecht-table__cell">{file.municipality}</td>
                  <td className="utrecht-table__cell">{file.closedOn}</td>
                  <td className="utrecht-table__cell">
                    {file.retainUntil}
                    {file.expired ? ` (${m.dueExpired})` : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
