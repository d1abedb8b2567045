import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { callApi, tryApi } from "../api-errors.server";
import { ActionNotices } from "../components/action-notices";
import { AppLink } from "../components/app-link";
import { ErrorSummary, type ErrorSummaryItem } from "../components/error-summary";
import { SelectField } from "../components/select-field";
import { TextField } from "../components/text-field";
import { Heading1, Heading2, Paragraph } from "../components/typography";
import { textOf } from "../lib/form-data";
import { isId } from "../lib/ids";
import { noticeOf, withNotice } from "../lib/notices";
import { nl, pageTitle } from "../messages/nl";
import { requireUser } from "../session.server";

const m = nl.adminContactFrequencies;
const PATH = "/beheer/contactfrequenties";
const PRIORITIES = ["high", "normal", "low"] as const;
const FIELDS = ["regionId", ...PRIORITIES] as const;
type Field = (typeof FIELDS)[number];

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

/** Whether this person may set the frequencies is the API's call (403 page otherwise). */
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args);
  const overview = await callApi(args, (api) => api.admin.regions.contactFrequencies());
  return { defaults: overview.defaults, regions: overview.regions, notice: noticeOf(args.request) };
}

type ActionResult = {
  conflict?: string;
  fieldErrors?: Partial<Record<Field, string>>;
  values?: Record<string, string>;
};

export async function action(args: ActionFunctionArgs) {
  await requireUser(args);
  const formData = await args.request.formData();
  const values = Object.fromEntries(FIELDS.map((field) => [field, textOf(formData, field).trim()])) as Record<
    Field,
    string
  >;
  const fieldErrors: Partial<Record<Field, string>> = {};
  if (!isId(values.regionId)) fieldErrors.regionId = m.regionRequired;
  for (const priority of PRIORITIES) {
    if (!/^\d{1,2}$/.test(values[priority])) fieldErrors[priority] = m.daysRequired;
  }
  if (Object.keys(fieldErrors).length > 0) return data<ActionResult>({ fieldErrors, values }, { status: 400 });
  const result = await tryApi(
    args,
    (api) =>
      api.admin.regions.setContactFrequencies({
        regionId: values.regionId,
        frequencies: { high: Number(values.high), normal: Number(values.normal), low: Number(values.low) },
      }),
    m.invalidRequest,
  );
  if (!result.ok) {
    const errors: Partial<Record<Field, string>> = {};
    for (const error of result.refusal.fieldErrors) {
      const field = FIELDS.find((name) => error.path === name || error.path === `frequencies.${name}`);
      if (field && !errors[field]) errors[field] = error.message;
    }
    const conflict = Object.keys(errors).length === 0 ? result.refusal.message : undefined;
    return data<ActionResult>({ fieldErrors: errors, values, ...(conflict ? { conflict } : {}) }, { status: 400 });
  }
  throw redirect(withNotice(PATH, "contactfrequenties-opgeslagen"));
}

export default function AdminContactFrequenciesRoute() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.fieldErrors ?? {};
  const values = result?.values ?? {};
  const summary: ErrorSummaryItem[] = FIELDS.flatMap((field) =>
    errors[field] ? [{ message: errors[field], fieldId: `field-${field}` }] : [],
  );
  return (
    <>
      <Paragraph>
        <AppLink to="/beheer">{nl.admin.backToAdmin}</AppLink>
      </Paragraph>
      <Heading1>{m.heading}</Heading1>
      <Paragraph>{m.intro(loaded.defaults.high, loaded.defaults.normal, loaded.defaults.low)}</Paragraph>
      <ActionNotices notice={loaded.notice} result={result} />
      <div className="kp-table-scroll">
        <table className="utrecht-table utrecht-table--html-table kp-table">
          <caption className="utrecht-table__caption">{m.caption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {m.regionLabel}
              </th>
              {PRIORITIES.map((priority) => (
                <th key={priority} scope="col" className="utrecht-table__header-cell">
                  {nl.priorities[priority]}
                </th>
              ))}
              <th scope="col" className="utrecht-table__header-cell">
                {m.sourceColumn}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {loaded.regions.map((region) => (
              <tr key={region.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {region.name}
                </th>
                {PRIORITIES.map((priority) => (
                  <td key={priority} className="utrecht-table__cell">
                    {m.days(region.frequencies[priority])}
                  </td>
                ))}
                <td className="utrecht-table__cell">{region.custom ? m.custom : m.defaults}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Heading2>{m.formHeading}</Heading2>
      <Form method="post" noValidate>
        <ErrorSummary errors={summary} focusKey={result} />
        <SelectField
          name="regionId"
          label={m.regionLabel}
          placeholder={m.chooseRegion}
          options={loaded.regions.map((region) => ({ value: region.id, label: region.name }))}
          defaultValue={values.regionId ?? ""}
          error={errors.regionId}
          required
        />
        {PRIORITIES.map((priority) => (
          <TextField
            key={priority}
            name={priority}
            type="number"
            inputMode="numeric"
            min={1}
            max={60}
            label={m.daysLabel(nl.priorities[priority])}
            defaultValue={values[priority] ?? String(loaded.defaults[priority])}
            error={errors[priority]}
            required
          />
        ))}
        <Button type="submit" appearance="primary-action-button">
          {m.save}
        </Button>
      </Form>
    </>
  );
}
