import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { type ShouldRevalidateFunction, useActionData, useLoaderData } from "@remix-run/react";
import { type ApiRefusal, callApi, tryApi } from "../api-errors.server";
import { Alert } from "../components/alert";
import { AppLink } from "../components/app-link";
import { HandoverForm } from "../components/handover-form";
import { Heading1, Paragraph } from "../components/typography";
import type { FieldErrors } from "../lib/form-data";
import { textOf } from "../lib/form-data";
import { problemsFromRefusal } from "../lib/form-errors";
import { amsterdamToday, formatDate } from "../lib/format";
import {
  addPersonRow,
  type HandoverFormValues,
  handoverFormChoiceLists,
  handoverFormChoiceSets,
  handoverFormFieldOf,
  handoverFormValuesOf,
  parseHandoverForm,
  readHandoverForm,
} from "../lib/handover-form";
import { isId } from "../lib/ids";
import { noticeAfter, withNotice } from "../lib/notices";
import { idParamOf } from "../lib/route-params.server";
import { nl, pageTitle } from "../messages/nl";
import { requireHandoverWorker } from "../session.server";

const m = nl.handoverForm;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `${m.editHeading(data.reference)}` : m.editTitle) },
];

/**
 * Reload the draft after every save attempt, refused ones included (single fetch would skip those): a conflict
 * shows the other person's version, and a half-saved attempt (case saved, package refused) needs the case's new
 * version. Adding a person row changes nothing on the server.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, formData, defaultShouldRevalidate }) => {
  if (formMethod?.toUpperCase() !== "POST") return defaultShouldRevalidate;
  return formData?.get("intent") !== "add-person";
};

async function requireVtWorker(args: LoaderFunctionArgs | ActionFunctionArgs): Promise<string> {
  const { view } = await requireHandoverWorker(args);
  if (view !== "vt") throw data(null, { status: 403 });
  return idParamOf(args.params);
}

export async function loader(args: LoaderFunctionArgs) {
  const id = await requireVtWorker(args);
  const handover = await callApi(args, (api) => api.handover.get({ id }));
  // Only a draft can be edited; someone may have offered or withdrawn it in the meantime.
  if (!handover.allowedActions.includes("update")) throw redirect(`/overdrachten/${id}?bewerken=niet-mogelijk`);
  const [caseDetail, options] = await callApi(args, (api) =>
    Promise.all([api.case.get({ id: handover.caseId }), api.handover.formOptions()]),
  );
  return {
    id,
    reference: handover.caseReference,
    fixedRegistration: {
      reference: handover.caseReference,
      municipality: handover.municipality.name,
      reportedAt: formatDate(handover.case.reportedAt),
    },
    hidden: { version: String(handover.version), caseId: caseDetail.id, caseVersion: String(caseDetail.version) },
    values: handoverFormValuesOf(handover),
    choices: handoverFormChoiceLists(options),
    today: amsterdamToday(),
  };
}

type ActionResult = {
  values: HandoverFormValues;
  fieldErrors: FieldErrors;
  formErrors: string[];
  /** Someone else changed the draft first: their version is shown, with this message. */
  conflict: string | null;
};

function versionOf(formData: FormData, name: string): number {
  const version = Number(textOf(formData, name));
  return Number.isInteger(version) && version > 0 ? version : 0;
}

export async function action(args: ActionFunctionArgs) {
  const id = await requireVtWorker(args);
  const formData = await args.request.formData();
  const values = readHandoverForm(formData);
  const result = (status: number, problems: Omit<ActionResult, "values">, shown = values) =>
    data<ActionResult>({ values: shown, ...problems }, { status });

  if (textOf(formData, "intent") === "add-person") {
    return result(200, { fieldErrors: {}, formErrors: [], conflict: null }, addPersonRow(values));
  }
  const caseId = textOf(formData, "caseId");
  const caseVersion = versionOf(formData, "caseVersion");
  const version = versionOf(formData, "version");
  if (!isId(caseId) || caseVersion === 0 || version === 0) {
    return result(400, { fieldErrors: {}, formErrors: [nl.handoverDetail.versionMissing], conflict: null });
  }

  const options = await callApi(args, (api) => api.handover.formOptions());
  const parsed = parseHandoverForm(values, {
    mode: "edit",
    today: amsterdamToday(),
    choices: handoverFormChoiceSets(options),
  });
  if (!parsed.ok) return result(400, { fieldErrors: parsed.fieldErrors, formErrors: [], conflict: null });
  const refused = (refusal: ApiRefusal) => {
    if (refusal.code === "CONFLICT" && refusal.fieldErrors.length === 0) {
      return result(409, { fieldErrors: {}, formErrors: [], conflict: refusal.message });
    }
    return result(refusal.code === "CONFLICT" ? 409 : 400, {
      ...problemsFromRefusal(refusal, (path) => handoverFormFieldOf(path, parsed.personRows)),
      conflict: null,
    });
  };

  // The case's part first (assessment, persons), then the package; each call checks the version the page showed.
  const caseSaved = await tryApi(
    args,
    (api) => api.case.update({ id: caseId, version: caseVersion, ...parsed.assessment }),
    nl.forms.checkFields,
  );
  if (!caseSaved.ok) return refused(caseSaved.refusal);
  const saved = await tryApi(
    args,
    (api) => api.handover.update({ id, version, ...parsed.handover }),
    nl.forms.checkFields,
  );
  if (!saved.ok) return refused(saved.refusal);
  throw redirect(withNotice(`/overdrachten/${id}`, noticeAfter.update));
}

export default function EditHandoverRoute() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const conflict = result?.conflict ?? null;
  // After a conflict the form shows the draft as it is now; otherwise what was typed.
  const values = result && !conflict ? result.values : loaded.values;
  return (
    <div className="kp-prose">
      <Paragraph>
        <AppLink to={`/overdrachten/${loaded.id}`}>{nl.handoverDetail.heading(loaded.reference)}</AppLink>
      </Paragraph>
      <Heading1>{m.editHeading(loaded.reference)}</Heading1>
      <Paragraph>{m.editIntro}</Paragraph>
      {conflict ? (
        <Alert type="warning" role="alert">
          {conflict}
        </Alert>
      ) : null}
      <HandoverForm
        // A new version from the server (after a conflict, or a half-saved attempt) remounts the fields.
        key={`${loaded.hidden.version}-${loaded.hidden.caseVersion}`}
        mode="edit"
        values={values}
        fieldErrors={conflict ? {} : (result?.fieldErrors ?? {})}
        formErrors={conflict ? [] : (result?.formErrors ?? [])}
        attempt={result}
        choices={loaded.choices}
        hidden={loaded.hidden}
        fixedRegistration={loaded.fixedRegistration}
        today={loaded.today}
        cancelTo={`/overdrachten/${loaded.id}`}
        submitLabel={m.saveChanges}
      />
    </div>
  );
}
