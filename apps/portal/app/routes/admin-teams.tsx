import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { callApi, tryApi } from "../api-errors.server";
import { ActionNotices } from "../components/action-notices";
import { AppLink } from "../components/app-link";
import { CheckboxGroup } from "../components/checkbox-group";
import { ErrorSummary } from "../components/error-summary";
import { RowActionForm } from "../components/row-action-form";
import { SelectField } from "../components/select-field";
import { TextField } from "../components/text-field";
import { Heading1, Heading2, Paragraph } from "../components/typography";
import { textOf } from "../lib/form-data";
import { fieldErrorSummary, fieldErrorsFromRefusal } from "../lib/form-errors";
import { isId } from "../lib/ids";
import { type NoticeKey, noticeOf, withNotice } from "../lib/notices";
import { revalidateAfterConflict } from "../lib/revalidate";
import { nl, pageTitle } from "../messages/nl";
import { requireUser } from "../session.server";

const m = nl.adminTeams;
const PATH = "/beheer/teams";
const FIELDS = ["name", "notificationEmail", "municipalityCodes"] as const;
type Field = (typeof FIELDS)[number];

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

/** After a refused change (someone else saved first) the form must show the team as it is now. */
export const shouldRevalidate = revalidateAfterConflict;

const pathFor = (organisationId: string, extra: Record<string, string> = {}) =>
  `${PATH}?${new URLSearchParams({ organisatie: organisationId, ...extra })}`;
/** Back to the organisation's teams with the notice. */
const afterChange = (organisationId: string, notice: NoticeKey) => withNotice(pathFor(organisationId), notice);

// `?organisatie=<id>` picks the organisation (the beheerder's choice; a partner coördinator always sees their own),
// `?bewerk=<id>` opens a team's form: plain links and a GET form, so it all works without JavaScript.
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args);
  const params = new URL(args.request.url).searchParams;
  const requested = params.get("organisatie");
  const list = await callApi(args, (api) =>
    api.admin.teams.list(isId(requested) ? { organisationId: requested } : undefined),
  );
  const names = new Map(list.municipalities.map((g) => [g.code, g.name]));
  const teams = list.teams.map((team) => ({
    ...team,
    municipalityNames: team.municipalityCodes.map((code) => names.get(code) ?? code),
  }));
  const editId = params.get("bewerk");
  return {
    organisations: list.organisations.map((o) => ({ value: o.id, label: o.name })),
    organisationId: list.organisationId,
    organisationName: list.organisations.find((o) => o.id === list.organisationId)?.name ?? "",
    teams,
    editing: teams.find((team) => team.id === editId) ?? null,
    municipalities: list.municipalities.map((g) => ({ value: g.code, label: `${g.name} (${g.regionName})` })),
    canManageAll: list.canManageAll,
    notice: noticeOf(args.request),
  };
}

type ActionResult = {
  conflict?: string;
  fieldErrors?: Partial<Record<Field, string>>;
  values?: { name?: string; notificationEmail?: string; municipalityCodes?: string[] };
};

export async function action(args: ActionFunctionArgs) {
  await requireUser(args);
  const formData = await args.request.formData();
  const intent = textOf(formData, "intent");
  const organisationId = textOf(formData, "organisationId");
  if (!isId(organisationId)) return data<ActionResult>({ conflict: m.invalidRequest }, { status: 400 });
  // A partner coördinator's form has no name and no gemeenten: what is not sent stays as it is.
  const manageAll = formData.get("manageAll") === "ja";
  const values = {
    name: textOf(formData, "name"),
    notificationEmail: textOf(formData, "notificationEmail"),
    municipalityCodes: formData.getAll("municipalityCodes").filter((v): v is string => typeof v === "string"),
  };
  if (intent === "create") {
    const done = await tryApi(args, (api) => api.admin.teams.create({ organisationId, ...values }), m.invalidRequest);
    if (!done.ok) return refused(done.refusal, values);
    throw redirect(afterChange(organisationId, "team-toegevoegd"));
  }
  const id = textOf(formData, "id");
  if (!isId(id)) return data<ActionResult>({ conflict: m.invalidRequest }, { status: 400 });
  if (intent === "test") {
    const done = await tryApi(args, (api) => api.admin.teams.sendTestMessage({ id }), m.invalidRequest);
    if (!done.ok) return data<ActionResult>({ conflict: done.refusal.message }, { status: 400 });
    throw redirect(afterChange(organisationId, "testbericht-klaar"));
  }
  const version = Number(textOf(formData, "version"));
  if (intent === "update" && Number.isInteger(version) && version >= 1) {
    const done = await tryApi(
      args,
      (api) =>
        api.admin.teams.update(
          manageAll ? { id, version, ...values } : { id, version, notificationEmail: values.notificationEmail },
        ),
      m.invalidRequest,
    );
    if (!done.ok) return refused(done.refusal, values);
    throw redirect(afterChange(organisationId, "team-gewijzigd"));
  }
  return data<ActionResult>({ conflict: m.invalidRequest }, { status: 400 });
}

function refused(refusal: Parameters<typeof fieldErrorsFromRefusal>[0], values: ActionResult["values"]) {
  return data<ActionResult>(
    { ...fieldErrorsFromRefusal(refusal, FIELDS), values },
    { status: refusal.code === "CONFLICT" ? 409 : 400 },
  );
}

export default function AdminTeamsRoute() {
  const { organisations, organisationId, organisationName, teams, editing, municipalities, canManageAll, notice } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busyId = navigation.state === "submitting" ? navigation.formData?.get("id") : null;
  const fieldErrors = result?.fieldErrors ?? {};
  const summary = fieldErrorSummary(FIELDS, result?.fieldErrors);
  const showForm = canManageAll || editing !== null;
  return (
    <>
      <Paragraph>
        <AppLink to="/beheer">{nl.admin.backToAdmin}</AppLink>
      </Paragraph>
      <Heading1>{m.heading}</Heading1>
      <ActionNotices notice={notice} result={result} />
      <Paragraph>{canManageAll ? m.intro : m.coordinatorIntro}</Paragraph>

      {organisations.length > 1 ? (
        <Form method="get" className="kp-inline-form">
          <SelectField
            name="organisatie"
            label={m.organisationLabel}
            options={organisations}
            defaultValue={organisationId}
          />
          <Button type="submit" appearance="secondary-action-button">
            {m.show}
          </Button>
        </Form>
      ) : null}

      {teams.length === 0 ? (
        <Paragraph>{m.empty}</Paragraph>
      ) : (
        <div className="kp-table-scroll">
          <table className="utrecht-table utrecht-table--html-table kp-table kp-admin-table">
            <caption className="utrecht-table__caption">{m.caption(organisationName)}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {(["name", "municipalities", "email", "open", "action"] as const).map((column) => (
                  <th key={column} scope="col" className="utrecht-table__header-cell">
                    {m.columns[column]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {teams.map((team) => (
                <tr key={team.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                    {team.name}
                  </th>
                  <td className="utrecht-table__cell">
                    {team.municipalityNames.length > 0 ? team.municipalityNames.join(", ") : m.noMunicipalities}
                  </td>
                  <td className="utrecht-table__cell">{team.notificationEmail}</td>
                  <td className="utrecht-table__cell">{team.openHandovers}</td>
                  <td className="utrecht-table__cell">
                    {/* A paragraph of its own keeps the link a target apart from the button below. */}
                    <Paragraph>
                      <AppLink to={`${pathFor(organisationId, { bewerk: team.id })}#bewerken`}>
                        {m.edit} <span className="kp-visually-hidden">{m.editTarget(team.name)}</span>
                      </AppLink>
                    </Paragraph>
                    <RowActionForm
                      intent="test"
                      id={team.id}
                      hidden={{ organisationId }}
                      busy={busyId === team.id}
                      label={m.sendTest}
                      target={m.sendTestTarget(team.name)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {showForm ? (
        <>
          <Heading2 id="bewerken">{editing ? m.editHeading(editing.name) : m.createHeading}</Heading2>
          {editing ? (
            <Paragraph>
              <AppLink to={pathFor(organisationId)}>{m.cancelEdit}</AppLink>
            </Paragraph>
          ) : null}
          {/* The key resets the fields when another team is opened for editing. */}
          <Form method="post" noValidate key={editing ? `${editing.id}-${editing.version}` : `new-${organisationId}`}>
            <ErrorSummary errors={summary} focusKey={result} />
            <input type="hidden" name="intent" value={editing ? "update" : "create"} />
            <input type="hidden" name="organisationId" value={organisationId} />
            {canManageAll ? <input type="hidden" name="manageAll" value="ja" /> : null}
            {editing ? (
              <>
                <input type="hidden" name="id" value={editing.id} />
                <input type="hidden" name="version" value={editing.version} />
              </>
            ) : null}
            {canManageAll ? (
              <TextField
                name="name"
                label={m.nameLabel}
                defaultValue={result?.values?.name ?? editing?.name ?? ""}
                error={fieldErrors.name}
                autoComplete="off"
                required
              />
            ) : null}
            <TextField
              name="notificationEmail"
              type="email"
              label={m.emailLabel}
              description={m.emailDescription}
              defaultValue={result?.values?.notificationEmail ?? editing?.notificationEmail ?? ""}
              error={fieldErrors.notificationEmail}
              autoComplete="off"
              required
            />
            {canManageAll ? (
              <CheckboxGroup
                name="municipalityCodes"
                legend={m.municipalitiesLegend}
                description={m.municipalitiesDescription}
                options={municipalities}
                defaultValues={result?.values?.municipalityCodes ?? editing?.municipalityCodes ?? []}
                error={fieldErrors.municipalityCodes}
              />
            ) : null}
            <Button type="submit" appearance="primary-action-button">
              {editing ? m.save : m.create}
            </Button>
          </Form>
        </>
      ) : null}
    </>
  );
}
