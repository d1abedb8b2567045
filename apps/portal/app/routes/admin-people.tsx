import type { Role } from "@ketenportaal/api";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { callApi, tryApi } from "../api-errors.server";
import { ActionNotices } from "../components/action-notices";
import { AppLink } from "../components/app-link";
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

const m = nl.adminPeople;
const PATH = "/beheer/mensen";
const FIELDS = ["name", "email", "role", "teamId"] as const;
type Field = (typeof FIELDS)[number];

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

/** After a refused change (someone else saved first) the form must show the person as they are now. */
export const shouldRevalidate = revalidateAfterConflict;

const pathFor = (organisationId: string, extra: Record<string, string> = {}) =>
  `${PATH}?${new URLSearchParams({ organisatie: organisationId, ...extra })}`;

// `?organisatie=<id>` picks the organisation (a partner coördinator always sees their own), `?bewerk=<membership>`
// opens a person's name, address, role and team form: plain links and a GET form, so it all works without JavaScript.
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args);
  const params = new URL(args.request.url).searchParams;
  const requested = params.get("organisatie");
  const list = await callApi(args, (api) =>
    api.admin.people.list(isId(requested) ? { organisationId: requested } : undefined),
  );
  const editId = params.get("bewerk");
  return {
    organisations: list.organisations.map((o) => ({ value: o.id, label: o.name })),
    organisationId: list.organisationId,
    organisationName: list.organisations.find((o) => o.id === list.organisationId)?.name ?? "",
    teams: list.teams.map((team) => ({ value: team.id, label: team.name })),
    roles: list.roles.map((role) => ({ value: role, label: nl.roles[role] })),
    people: list.people,
    editing: list.people.find((person) => person.membershipId === editId) ?? null,
    canManageAll: list.roles.includes("functional_admin"),
    notice: noticeOf(args.request),
  };
}

type ActionResult = {
  conflict?: string;
  fieldErrors?: Partial<Record<Field, string>>;
  values?: Partial<Record<Field, string>>;
  intent?: string;
};

const isRole = (value: string): value is Role => Object.hasOwn(nl.roles, value);

export async function action(args: ActionFunctionArgs) {
  await requireUser(args);
  const formData = await args.request.formData();
  const intent = textOf(formData, "intent");
  const organisationId = textOf(formData, "organisationId");
  if (!isId(organisationId)) return data<ActionResult>({ conflict: m.invalidRequest }, { status: 400 });
  const after = (notice: NoticeKey) => redirect(withNotice(pathFor(organisationId), notice));
  const values = {
    name: textOf(formData, "name"),
    email: textOf(formData, "email"),
    role: textOf(formData, "role"),
    teamId: textOf(formData, "teamId"),
  };
  const role = isRole(values.role) ? values.role : null;
  const teamId = isId(values.teamId) ? values.teamId : null;
  if (intent === "invite") {
    if (!role) return refusedField("role", nl.adminPeople.roleLabel, values, intent);
    const done = await tryApi(
      args,
      (api) => api.admin.people.invite({ name: values.name, email: values.email, organisationId, teamId, role }),
      m.invalidRequest,
    );
    if (!done.ok) return refused(done.refusal, values, intent);
    throw after("persoon-uitgenodigd");
  }
  const id = textOf(formData, "id");
  if (!isId(id)) return data<ActionResult>({ conflict: m.invalidRequest }, { status: 400 });
  if (intent === "update") {
    const expectedRole = textOf(formData, "expectedRole");
    const expectedTeamId = textOf(formData, "expectedTeamId");
    if (!role || !isRole(expectedRole)) return refusedField("role", nl.adminPeople.roleLabel, values, intent);
    const done = await tryApi(
      args,
      (api) =>
        api.admin.people.update({
          membershipId: id,
          role,
          teamId,
          expectedRole,
          expectedTeamId: isId(expectedTeamId) ? expectedTeamId : null,
          name: values.name,
          email: values.email,
          expectedName: textOf(formData, "expectedName"),
          expectedEmail: textOf(formData, "expectedEmail"),
        }),
      m.invalidRequest,
    );
    if (!done.ok) return refused(done.refusal, values, intent);
    throw after("persoon-gewijzigd");
  }
  const rowActions = {
    deactivate: { call: "deactivate", notice: "persoon-gedeactiveerd" },
    reactivate: { call: "reactivate", notice: "persoon-geactiveerd" },
    resetMfa: { call: "resetMfa", notice: "tweestaps-hersteld" },
    reinvite: { call: "reinvite", notice: "persoon-uitgenodigd" },
    revokeInvite: { call: "revokeInvite", notice: "uitnodiging-ingetrokken" },
  } as const;
  if (Object.hasOwn(rowActions, intent)) {
    const rowAction = rowActions[intent as keyof typeof rowActions];
    const done = await tryApi(
      args,
      async (api): Promise<unknown> => api.admin.people[rowAction.call]({ userId: id }),
      m.invalidRequest,
    );
    if (!done.ok) return data<ActionResult>({ conflict: done.refusal.message }, { status: 400 });
    throw after(rowAction.notice);
  }
  return data<ActionResult>({ conflict: m.invalidRequest }, { status: 400 });
}

function refused(
  refusal: Parameters<typeof fieldErrorsFromRefusal>[0],
  values: ActionResult["values"],
  intent: string,
) {
  return data<ActionResult>(
    { ...fieldErrorsFromRefusal(refusal, FIELDS), values, intent },
    { status: refusal.code === "CONFLICT" ? 409 : 400 },
  );
}

function refusedField(field: Field, label: string, values: ActionResult["values"], intent: string) {
  return data<ActionResult>(
    { fieldErrors: { [field]: `Kies een ${label.toLowerCase()}.` }, values, intent },
    { status: 400 },
  );
}

export default function AdminPeopleRoute() {
  const { organisations, organisationId, organisationName, teams, roles, people, editing, canManageAll, notice } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busyId = navigation.state === "submitting" ? navigation.formData?.get("id") : null;
  const fieldErrors = result?.fieldErrors ?? {};
  const summary = fieldErrorSummary(FIELDS, result?.fieldErrors);
  const teamOptions = [{ value: "", label: m.teamNone }, ...teams];
  const statusOf = (person: (typeof people)[number]) =>
    !person.active
      ? m.status.inactive
      : person.invite === "open"
        ? m.status.open
        : person.invite === "expired"
          ? m.status.expired
          : m.status.active;
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

      {people.length === 0 ? (
        <Paragraph>{m.empty}</Paragraph>
      ) : (
        <div className="kp-table-scroll">
          <table className="utrecht-table utrecht-table--html-table kp-table kp-admin-table">
            <caption className="utrecht-table__caption">{m.caption(organisationName)}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {(["name", "email", "role", "team", "status", "action"] as const).map((column) => (
                  <th key={column} scope="col" className="utrecht-table__header-cell">
                    {m.columns[column]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {people.map((person) => (
                <tr key={person.membershipId} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                    {person.name}
                  </th>
                  <td className="utrecht-table__cell">{person.email}</td>
                  <td className="utrecht-table__cell">{nl.roles[person.role]}</td>
                  <td className="utrecht-table__cell">{person.teamName ?? m.noTeam}</td>
                  <td className="utrecht-table__cell">{statusOf(person)}</td>
                  <td className="utrecht-table__cell">
                    {/* A paragraph of its own keeps the link a target apart from the buttons below. */}
                    <Paragraph>
                      <AppLink to={`${pathFor(organisationId, { bewerk: person.membershipId })}#bewerken`}>
                        {m.edit} <span className="kp-visually-hidden">{m.editTarget(person.name)}</span>
                      </AppLink>
                    </Paragraph>
                    <RowActionForm
                      intent={person.active ? "deactivate" : "reactivate"}
                      id={person.userId}
                      hidden={{ organisationId }}
                      busy={busyId === person.userId}
                      label={person.active ? m.deactivate : m.reactivate}
                      target={m.rowTarget(person.name)}
                    />
                    {person.active && (person.invite === "open" || person.invite === "expired") ? (
                      <RowActionForm
                        intent="reinvite"
                        id={person.userId}
                        hidden={{ organisationId }}
                        busy={false}
                        label={m.reinvite}
                        target={m.rowTarget(person.name)}
                      />
                    ) : null}
                    {person.invite === "open" ? (
                      <RowActionForm
                        intent="revokeInvite"
                        id={person.userId}
                        hidden={{ organisationId }}
                        busy={false}
                        label={m.revokeInvite}
                        target={m.rowTarget(person.name)}
                      />
                    ) : null}
                    {person.active ? (
                      <RowActionForm
                        intent="resetMfa"
                        id={person.userId}
                        hidden={{ organisationId }}
                        busy={false}
                        label={m.resetMfa}
                        target={m.rowTarget(person.name)}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Heading2 id="bewerken">{editing ? m.editHeading(editing.name) : m.inviteHeading}</Heading2>
      {editing ? (
        <Paragraph>
          <AppLink to={pathFor(organisationId)}>{m.cancelEdit}</AppLink>
        </Paragraph>
      ) : null}
      {/* The key resets the fields when another person is opened. */}
      <Form
        method="post"
        noValidate
        key={
          editing
            ? `${editing.membershipId}-${editing.role}-${editing.teamId}-${editing.name}-${editing.email}`
            : `new-${organisationId}`
        }
      >
        <ErrorSummary errors={summary} focusKey={result} />
        <input type="hidden" name="intent" value={editing ? "update" : "invite"} />
        <input type="hidden" name="organisationId" value={organisationId} />
        {editing ? (
          <>
            <input type="hidden" name="id" value={editing.membershipId} />
            <input type="hidden" name="expectedRole" value={editing.role} />
            <input type="hidden" name="expectedTeamId" value={editing.teamId ?? ""} />
            <input type="hidden" name="expectedName" value={editing.name} />
            <input type="hidden" name="expectedEmail" value={editing.email} />
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
        <TextField
          name="email"
          type="email"
          label={m.emailLabel}
          description={editing ? m.emailEditDescription : m.emailDescription}
          defaultValue={result?.values?.email ?? editing?.email ?? ""}
          error={fieldErrors.email}
          autoComplete="off"
          required
        />
        <SelectField
          name="role"
          label={m.roleLabel}
          options={roles}
          defaultValue={result?.values?.role ?? editing?.role ?? roles[0]?.value}
          error={fieldErrors.role}
        />
        <SelectField
          name="teamId"
          label={m.teamLabel}
          options={teamOptions}
          defaultValue={result?.values?.teamId ?? editing?.teamId ?? ""}
          error={fieldErrors.teamId}
        />
        <Button type="submit" appearance="primary-action-button">
          {editing ? m.save : m.invite}
        </Button>
      </Form>
    </>
  );
}
