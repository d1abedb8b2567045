import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { callApi, tryApi } from "../api-errors.server";
import { AppLink } from "../components/app-link";
import { ErrorSummary } from "../components/error-summary";
import { SelectField } from "../components/select-field";
import { Heading1, Paragraph } from "../components/typography";
import type { FieldErrors } from "../lib/form-data";
import { problemsFromRefusal, summaryItems } from "../lib/form-errors";
import { withNotice } from "../lib/notices";
import {
  parseVvForm,
  readVvForm,
  type VvFormValues,
  vvFormChoicesOf,
  vvFormFieldOf,
  vvFormFields,
} from "../lib/vv-forms";
import { nl, pageTitle } from "../messages/nl";
import { requireHandoverWorker } from "../session.server";

const m = nl.vvForm;

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

/** Only VT opens a trajectory (always with a partner); a partner gets 403 here, as from the API. */
async function requireVtWorker(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const { user, view } = await requireHandoverWorker(args);
  if (view !== "vt") throw data(null, { status: 403 });
  return user;
}

async function loadChoices(args: LoaderFunctionArgs | ActionFunctionArgs, vtOrganisationId: string) {
  const [options, cases] = await callApi(args, (api) =>
    Promise.all([api.vv.formOptions(), api.case.list({ limit: 100 })]),
  );
  return vvFormChoicesOf({ organisations: options.organisations, cases: cases.items, vtOrganisationId });
}

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireVtWorker(args);
  const values: VvFormValues = {
    caseId: "",
    vtWorkerUserId: user.user.id,
    partnerOrganisationId: "",
    partnerWorkerUserId: "",
  };
  return { choices: await loadChoices(args, user.organisation.id), values };
}

type ActionResult = { values: VvFormValues; fieldErrors: FieldErrors; formErrors: string[] };

export async function action(args: ActionFunctionArgs) {
  const user = await requireVtWorker(args);
  const values = readVvForm(await args.request.formData());
  const parsed = parseVvForm(values, await loadChoices(args, user.organisation.id));
  if (!parsed.ok)
    return data<ActionResult>({ values, fieldErrors: parsed.fieldErrors, formErrors: [] }, { status: 400 });
  const input = parsed.input;
  const created = await tryApi(args, (api) => api.vv.create(input), nl.forms.checkFields);
  if (created.ok) throw redirect(withNotice(`/voorwaarden-en-vervolg/${created.value.id}`, "traject-geopend"));
  const problems = problemsFromRefusal(created.refusal, vvFormFieldOf);
  return data<ActionResult>({ values, ...problems }, { status: created.refusal.code === "CONFLICT" ? 409 : 400 });
}

export default function NewVvRoute() {
  const { choices, values: initial } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const values = result?.values ?? initial;
  const errors = result?.fieldErrors ?? {};
  return (
    <div className="kp-prose">
      <Paragraph>
        <AppLink to="/voorwaarden-en-vervolg">{nl.vvDetail.backToList}</AppLink>
      </Paragraph>
      <Heading1>{m.heading}</Heading1>
      <Paragraph>{m.intro}</Paragraph>
      <ErrorSummary
        errors={result ? summaryItems({ fieldErrors: errors, formErrors: result.formErrors }, vvFormFields) : []}
        focusKey={result}
      />
      <Form method="post" noValidate className="kp-form">
        <SelectField
          name="caseId"
          label={m.caseLabel}
          placeholder={m.chooseCase}
          options={choices.cases}
          defaultValue={values.caseId}
          error={errors.caseId}
        />
        <SelectField
          name="vtWorkerUserId"
          label={m.vtWorkerLabel}
          placeholder={m.choosePerson}
          options={choices.vtPeople}
          defaultValue={values.vtWorkerUserId}
          error={errors.vtWorkerUserId}
        />
        <SelectField
          name="partnerOrganisationId"
          label={m.partnerOrganisationLabel}
          placeholder={m.chooseOrganisation}
          options={choices.partners}
          defaultValue={values.partnerOrganisationId}
          error={errors.partnerOrganisationId}
        />
        <SelectField
          name="partnerWorkerUserId"
          label={m.partnerWorkerLabel}
          description={m.partnerWorkerDescription}
          placeholder={m.choosePerson}
          groups={choices.partnerPeople}
          defaultValue={values.partnerWorkerUserId}
          error={errors.partnerWorkerUserId}
        />
        <div className="kp-form-actions">
          <Button type="submit" appearance="primary-action-button" busy={navigation.state === "submitting"}>
            {m.save}
          </Button>
          <AppLink to="/voorwaarden-en-vervolg">{m.cancel}</AppLink>
        </div>
      </Form>
    </div>
  );
}
