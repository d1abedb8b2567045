import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { callApi, tryApi } from "../api-errors.server";
import { ActionNotices } from "../components/action-notices";
import { AppLink } from "../components/app-link";
import { CheckboxGroup } from "../components/checkbox-group";
import { ErrorSummary } from "../components/error-summary";
import { SelectField } from "../components/select-field";
import { TextField } from "../components/text-field";
import { Heading1, Heading2, Paragraph } from "../components/typography";
import { textOf } from "../lib/form-data";
import { fieldErrorSummary, fieldErrorsFromRefusal } from "../lib/form-errors";
import { isId } from "../lib/ids";
import { noticeOf, withNotice } from "../lib/notices";
import { revalidateAfterConflict } from "../lib/revalidate";
import { nl, pageTitle } from "../messages/nl";
import { requireUser } from "../session.server";

const m = nl.adminRegions;
const PATH = "/beheer/regios";
const FIELDS = [
  "name",
  "contactUserId",
  "acceptanceDeadlineDays",
  "firstContactDeadlineDays",
  "municipalityCodes",
] as const;
type Field = (typeof FIELDS)[number];

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

/** After a refused change (someone else saved first) the form must show the region as it is now. */
export const shouldRevalidate = revalidateAfterConflict;

/** The running deadlines after a change of the terms: a count, never anything about a household. */
const RUNNING = "lopend";

// `?bewerk=<id>` opens a region's form: a plain link, so it all works without JavaScript.
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args);
  const params = new URL(args.request.url).searchParams;
  const list = await callApi(args, (api) => api.admin.regions.list());
  const editId = params.get("bewerk");
  const running = params.get(RUNNING);
  const notice =
    params.get("gelukt") === "regio-termijnen-gewijzigd" && running !== null && /^\d{1,6}$/.test(running)
      ? m.savedDeadlines(Number(running))
      : noticeOf(args.request);
  return {
    regions: list.regions,
    editing: list.regions.find((region) => region.id === editId) ?? null,
    contacts: list.contactCandidates.map((c) => ({ value: c.id, label: m.contactOption(c.name, c.organisationName) })),
    municipalities: list.municipalities.map((g) => ({
      value: g.code,
      label: m.municipalityOption(g.name, g.regionName),
    })),
    notice,
  };
}

type ActionResult = {
  conflict?: string;
  fieldErrors?: Partial<Record<Field, string>>;
  values?: {
    name?: string;
    contactUserId?: string;
    acceptanceDeadlineDays?: string;
    firstContactDeadlineDays?: string;
    municipalityCodes?: string[];
  };
};

/** A number field's text as the API checks it: empty or not a number becomes NaN, refused with the field's message. */
const daysOf = (text: string) => (/^\s*-?\d+([.,]\d+)?\s*$/.test(text) ? Number(text.replace(",", ".")) : Number.NaN);

export async function action(args: ActionFunctionArgs) {
  await requireUser(args);
  const formData = await args.request.formData();
  const intent = textOf(formData, "intent");
  const values = {
    name: textOf(formData, "name"),
    contactUserId: textOf(formData, "contactUserId"),
    acceptanceDeadlineDays: textOf(formData, "acceptanceDeadlineDays"),
    firstContactDeadlineDays: textOf(formData, "firstContactDeadlineDays"),
    municipalityCodes: formData.getAll("municipalityCodes").filter((v): v is string => typeof v === "string"),
  };
  const fields = {
    name: values.name,
    contactUserId: values.contactUserId,
    acceptanceDeadlineDays: daysOf(values.acceptanceDeadlineDays),
    firstContactDeadlineDays: daysOf(values.firstContactDeadlineDays),
  };
  if (intent === "create") {
    const done = await tryApi(args, (api) => api.admin.regions.create(fields), m.invalidRequest);
    if (!done.ok) return refused(done.refusal, values);
    throw redirect(withNotice(PATH, "regio-toegevoegd"));
  }
  const id = textOf(formData, "id");
  const version = Number(textOf(formData, "version"));
  if (intent !== "update" || !isId(id) || !Number.isInteger(version) || version < 1) {
    return data<ActionResult>({ conflict: m.invalidRequest }, { status: 400 });
  }
  const done = await tryApi(
    args,
    (api) => api.admin.regions.update({ id, version, ...fields, municipalityCodes: values.municipalityCodes }),
    m.invalidRequest,
  );
  if (!done.ok) return refused(done.refusal, values);
  const { deadlinesChanged, runningDeadlines } = done.value;
  throw redirect(
    deadlinesChanged
      ? withNotice(`${PATH}?${RUNNING}=${runningDeadlines}`, "regio-termijnen-gewijzigd")
      : withNotice(PATH, "regio-gewijzigd"),
  );
}

function refused(refusal: Parameters<typeof fieldErrorsFromRefusal>[0], values: ActionResult["values"]) {
  return data<ActionResult>(
    { ...fieldErrorsFromRefusal(refusal, FIELDS), values },
    { status: refusal.code === "CONFLICT" ? 409 : 400 },
  );
}

export default function AdminRegionsRoute() {
  const { regions, editing, contacts, municipalities, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fieldErrors = result?.fieldErrors ?? {};
  const summary = fieldErrorSummary(FIELDS, result?.fieldErrors);
  const hint = editing ? m.newDeadlinesOnly(editing.runningDeadlines) : m.newDeadlinesOnlyCreate;
  return (
    <>
      <Paragraph>
        <AppLink to="/beheer">{nl.admin.backToAdmin}</AppLink>
      </Paragraph>
      <Heading1>{m.heading}</Heading1>
      <ActionNotices notice={notice} result={result} />
      <Paragraph>{m.intro}</Paragraph>
      <Paragraph>
        {m.contactFrequenciesIntro} <AppLink to="/beheer/contactfrequenties">{m.contactFrequenciesLink}</AppLink>.
      </Paragraph>

      {regions.length === 0 ? (
        <Paragraph>{m.empty}</Paragraph>
      ) : (
        <div className="kp-table-scroll">
          <table className="utrecht-table utrecht-table--html-table kp-table kp-admin-table">
            <caption className="utrecht-table__caption">{m.caption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {(
                  ["name", "municipalities", "contact", "acceptance", "firstContact", "running", "action"] as const
                ).map((column) => (
                  <th key={column} scope="col" className="utrecht-table__header-cell">
                    {m.columns[column]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {regions.map((region) => (
                <tr key={region.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                    {region.name}
                  </th>
                  <td className="utrecht-table__cell">
                    {region.municipalities.length > 0
                      ? region.municipalities.map((g) => g.name).join(", ")
                      : m.noMunicipalities}
                  </td>
                  <td className="utrecht-table__cell">{region.contact?.name ?? m.noContact}</td>
                  <td className="utrecht-table__cell">{m.days(region.acceptanceDeadlineDays)}</td>
                  <td className="utrecht-table__cell">{m.days(region.firstContactDeadlineDays)}</td>
                  <td className="utrecht-table__cell">{region.runningDeadlines}</td>
                  <td className="utrecht-table__cell">
                    <AppLink to={`${PATH}?bewerk=${region.id}#bewerken`}>
                      {m.edit} <span className="kp-visually-hidden">{m.editTarget(region.name)}</span>
                    </AppLink>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Heading2 id="bewerken">{editing ? m.editHeading(editing.name) : m.createHeading}</Heading2>
      {editing ? (
        <Paragraph>
          <AppLink to={PATH}>{m.cancelEdit}</AppLink>
        </Paragraph>
      ) : null}
      {/* The key resets the fields when another region is opened for editing. */}
      <Form method="post" noValidate key={editing ? `${editing.id}-${editing.version}` : "new"}>
        <ErrorSummary errors={summary} focusKey={result} />
        <input type="hidden" name="intent" value={editing ? "update" : "create"} />
        {editing ? (
          <>
            <input type="hidden" name="id" value={editing.id} />
            <input type="hidden" name="version" value={editing.version} />
          </>
        ) : null}
        <TextField
          name="name"
          label={m.nameLabel}
          defaultValue={result?.values?.name ?? editing?.name ?? ""}
          error={fieldErrors.name}
          autoComplete="off"
          required
        />
        <SelectField
          name="contactUserId"
          label={m.contactLabel}
          description={m.contactDescription}
          placeholder={m.contactPlaceholder}
          options={contacts}
          defaultValue={result?.values?.contactUserId ?? editing?.contact?.id ?? ""}
          error={fieldErrors.contactUserId}
          required
        />
        <Paragraph id="termijnen-uitleg">{hint}</Paragraph>
        <TextField
          name="acceptanceDeadlineDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={30}
          step={1}
          label={m.acceptanceLabel}
          description={m.acceptanceDescription}
          defaultValue={result?.values?.acceptanceDeadlineDays ?? String(editing?.acceptanceDeadlineDays ?? 3)}
          error={fieldErrors.acceptanceDeadlineDays}
          required
        />
        <TextField
          name="firstContactDeadlineDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          step={1}
          label={m.firstContactLabel}
          description={m.firstContactDescription}
          defaultValue={result?.values?.firstContactDeadlineDays ?? String(editing?.firstContactDeadlineDays ?? 10)}
          error={fieldErrors.firstContactDeadlineDays}
          required
        />
        {editing ? (
          <CheckboxGroup
            name="municipalityCodes"
            legend={m.municipalitiesLegend}
            description={m.municipalitiesDescription}
            options={municipalities}
            defaultValues={result?.values?.municipalityCodes ?? editing.municipalities.map((g) => g.code)}
            error={fieldErrors.municipalityCodes}
          />
        ) : null}
        <Button type="submit" appearance="primary-action-button">
          {editing ? m.save : m.create}
        </Button>
      </Form>
    </>
  );
}
