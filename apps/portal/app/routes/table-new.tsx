import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { callApi, tryApi } from "../api-errors.server";
import { AppLink } from "../components/app-link";
import { CheckboxGroup } from "../components/checkbox-group";
import { ErrorSummary } from "../components/error-summary";
import { SelectField } from "../components/select-field";
import { TextField } from "../components/text-field";
import { Heading1, Paragraph } from "../components/typography";
import type { FieldErrors } from "../lib/form-data";
import { problemsFromRefusal, summaryItems } from "../lib/form-errors";
import { amsterdamToday } from "../lib/format";
import { withNotice } from "../lib/notices";
import {
  parseTableForm,
  readTableForm,
  type TableFormValues,
  tableFormChoicesOf,
  tableFormFieldOf,
} from "../lib/table-forms";
import { nl, pageTitle } from "../messages/nl";
import { requireRole } from "../session.server";

const m = nl.tableForm;
const FIELD_ORDER = ["regionId", "date", "time", "chairUserId", "participantOrganisationIds"];

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

/** Planning a meeting is a VT teamcoördinator's work; everyone else gets 403, as from the API. */
async function requireVtCoordinator(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const user = await requireRole(args, "team_coordinator");
  if (user.organisation.kind !== "vt") throw data(null, { status: 403 });
  return user;
}

export async function loader(args: LoaderFunctionArgs) {
  const user = await requireVtCoordinator(args);
  const options = await callApi(args, (api) => api.table.formOptions());
  const values: TableFormValues = {
    regionId: "",
    date: "",
    time: "14:00",
    chairUserId: user.user.id,
    participantOrganisationIds: [],
  };
  return { choices: tableFormChoicesOf(options, user.organisation.id), values, today: amsterdamToday() };
}

type ActionResult = { values: TableFormValues; fieldErrors: FieldErrors; formErrors: string[] };

export async function action(args: ActionFunctionArgs) {
  await requireVtCoordinator(args);
  const values = readTableForm(await args.request.formData());
  const parsed = parseTableForm(values);
  if (!parsed.ok)
    return data<ActionResult>({ values, fieldErrors: parsed.fieldErrors, formErrors: [] }, { status: 400 });
  const input = parsed.input;
  const created = await tryApi(args, (api) => api.table.create(input), nl.forms.checkFields);
  if (created.ok) throw redirect(withNotice(`/overdrachtstafels/${created.value.id}`, "tafel-gepland"));
  const problems = problemsFromRefusal(created.refusal, tableFormFieldOf);
  return data<ActionResult>({ values, ...problems }, { status: created.refusal.code === "CONFLICT" ? 409 : 400 });
}

export default function NewTableRoute() {
  const { choices, values: initial, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const values = result?.values ?? initial;
  const errors = result?.fieldErrors ?? {};
  return (
    <div className="kp-prose">
      <Paragraph>
        <AppLink to="/overdrachtstafels">{nl.tableDetail.backToList}</AppLink>
      </Paragraph>
      <Heading1>{m.heading}</Heading1>
      <Paragraph>{m.intro}</Paragraph>
      <ErrorSummary
        errors={result ? summaryItems({ fieldErrors: errors, formErrors: result.formErrors }, FIELD_ORDER) : []}
        focusKey={result}
      />
      <Form method="post" noValidate className="kp-form">
        <SelectField
          name="regionId"
          label={m.regionLabel}
          placeholder={m.chooseRegion}
          options={choices.regions}
          defaultValue={values.regionId}
          error={errors.regionId}
        />
        <TextField
          name="date"
          type="date"
          label={m.dateLabel}
          min={today}
          defaultValue={values.date}
          error={errors.date}
        />
        <TextField
          name="time"
          type="time"
          label={m.timeLabel}
          description={m.timeDescription}
          defaultValue={values.time}
          error={errors.time}
        />
        <SelectField
          name="chairUserId"
          label={m.chairLabel}
          description={m.chairDescription}
          options={choices.chairs}
          defaultValue={values.chairUserId}
          error={errors.chairUserId}
        />
        <CheckboxGroup
          name="participantOrganisationIds"
          legend={m.participantsLegend}
          description={m.participantsDescription}
          options={choices.partners}
          defaultValues={values.participantOrganisationIds}
          error={errors.participantOrganisationIds}
        />
        <div className="kp-form-actions">
          <Button type="submit" appearance="primary-action-button" busy={navigation.state === "submitting"}>
            {m.save}
          </Button>
          <AppLink to="/overdrachtstafels">{m.cancel}</AppLink>
        </div>
      </Form>
    </div>
  );
}
