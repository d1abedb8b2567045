import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { type ShouldRevalidateFunction, useActionData, useLoaderData } from "@remix-run/react";
import { type ApiRefusal, callApi, tryApi } from "../api-errors.server";
import { HandoverForm } from "../components/handover-form";
import { Heading1, Paragraph } from "../components/typography";
import type { FieldErrors } from "../lib/form-data";
import { textOf } from "../lib/form-data";
import { problemsFromRefusal } from "../lib/form-errors";
import { amsterdamToday, formatLocalDate } from "../lib/format";
import {
  addPersonRow,
  emptyHandoverFormValues,
  type HandoverFormValues,
  handoverFormChoiceLists,
  handoverFormChoiceSets,
  handoverFormFieldOf,
  parseHandoverForm,
  readHandoverForm,
} from "../lib/handover-form";
import { isId } from "../lib/ids";
import { noticeAfter, withNotice } from "../lib/notices";
import { nl, pageTitle } from "../messages/nl";
import { requireHandoverWorker } from "../session.server";

const m = nl.handoverForm;

export const meta: MetaFunction = () => [{ title: pageTitle(m.newTitle) }];

/** Adding a person row changes nothing on the server: no need to reload the choices. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "add-person" ? false : defaultShouldRevalidate;

/** Composing a handover is VT's work; a partner gets 403 here, as from the API. */
async function requireVtWorker(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const { view } = await requireHandoverWorker(args);
  if (view !== "vt") throw data(null, { status: 403 });
}

export async function loader(args: LoaderFunctionArgs) {
  await requireVtWorker(args);
  const options = await callApi(args, (api) => api.handover.formOptions());
  return {
    choices: handoverFormChoiceLists(options),
    municipalityNames: Object.fromEntries(options.municipalities.map((item) => [item.code, item.name])),
    values: emptyHandoverFormValues(),
    today: amsterdamToday(),
  };
}

/** The case, once saved: when the handover then fails, the next attempt updates this case instead of a new one. */
type SavedCase = { id: string; version: number };

type ActionResult = {
  values: HandoverFormValues;
  fieldErrors: FieldErrors;
  formErrors: string[];
  savedCase: SavedCase | null;
};

function savedCaseOf(formData: FormData): SavedCase | null {
  const id = textOf(formData, "caseId");
  const version = Number(textOf(formData, "caseVersion"));
  return isId(id) && Number.isInteger(version) && version > 0 ? { id, version } : null;
}

export async function action(args: ActionFunctionArgs) {
  await requireVtWorker(args);
  const formData = await args.request.formData();
  const values = readHandoverForm(formData);
  let savedCase = savedCaseOf(formData);
  const result = (status: number, problems: Omit<ActionResult, "values" | "savedCase">, shown = values) =>
    data<ActionResult>({ values: shown, savedCase, ...problems }, { status });

  if (textOf(formData, "intent") === "add-person") {
    return result(200, { fieldErrors: {}, formErrors: [] }, addPersonRow(values));
  }

  const options = await callApi(args, (api) => api.handover.formOptions());
  const parsed = parseHandoverForm(values, {
    mode: "create",
    today: amsterdamToday(),
    choices: handoverFormChoiceSets(options),
  });
  if (!parsed.ok) return result(400, { fieldErrors: parsed.fieldErrors, formErrors: [] });
  const refused = (refusal: ApiRefusal) =>
    result(
      refusal.code === "CONFLICT" ? 409 : 400,
      problemsFromRefusal(refusal, (path) => handoverFormFieldOf(path, parsed.personRows)),
    );

  // Two calls, two transactions: the case first, then its handover.
  const registration = parsed.registration;
  if (!registration) throw new Error("a new handover always registers its case");
  const caseSaved = await tryApi(
    args,
    (api) => {
      if (!savedCase) return api.case.create({ ...registration, ...parsed.assessment });
      return api.case.update({ id: savedCase.id, version: savedCase.version, ...parsed.assessment });
    },
    nl.forms.checkFields,
  );
  if (!caseSaved.ok) return refused(caseSaved.refusal);
  savedCase = { id: caseSaved.value.id, version: caseSaved.value.version };

  const caseId = savedCase.id;
  const created = await tryApi(
    args,
    (api) => api.handover.create({ caseId, ...parsed.handover }),
    nl.forms.checkFields,
  );
  if (!created.ok) return refused(created.refusal);
  throw redirect(withNotice(`/overdrachten/${created.value.id}`, noticeAfter.create));
}

export default function NewHandoverRoute() {
  const { choices, municipalityNames, values, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const savedCase = result?.savedCase ?? null;
  const shown = result?.values ?? values;
  return (
    <div className="kp-prose">
      <Heading1>{m.newHeading}</Heading1>
      <Paragraph>{m.newIntro}</Paragraph>
      <Paragraph>{m.draftHint}</Paragraph>
      <HandoverForm
        mode="create"
        values={shown}
        fieldErrors={result?.fieldErrors ?? {}}
        formErrors={result?.formErrors ?? []}
        attempt={result}
        choices={choices}
        hidden={savedCase ? { caseId: savedCase.id, caseVersion: String(savedCase.version) } : {}}
        fixedRegistration={
          savedCase
            ? {
                reference: shown.reference,
                municipality: municipalityNames[shown.municipalityCode] ?? shown.municipalityCode,
                reportedAt: formatLocalDate(shown.reportedAt),
              }
            : null
        }
        today={today}
        notice={savedCase ? m.caseSavedNotice : null}
        cancelTo="/overdrachten"
        submitLabel={m.save}
      />
    </div>
  );
}
