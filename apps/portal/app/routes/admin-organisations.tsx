import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { callApi, tryApi } from "../api-errors.server";
import { ActionNotices } from "../components/action-notices";
import { AppLink } from "../components/app-link";
import { CheckboxField } from "../components/checkbox-field";
import { ErrorSummary } from "../components/error-summary";
import { RowActionForm } from "../components/row-action-form";
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

const m = nl.adminOrganisations;
const PATH = "/beheer/organisaties";
const FIELDS = ["name", "kind", "oin", "municipalityCode", "active"] as const;
type Field = (typeof FIELDS)[number];
type Kind = keyof typeof m.kinds;

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

/** After a refused change (someone else saved first) the list and the form must show the organisation as it is now. */
export const shouldRevalidate = revalidateAfterConflict;

// Whether this person may manage organisations is the API's call (403 page otherwise). `?bewerk=<id>` opens the edit
// form: a plain link, so it works without JavaScript.
/** "Haarlem e.o.: 3 gemeenten, IJmond: 1 gemeente" from the region of each gemeente the teams serve. */
function describeServedArea(regionNames: string[]): string | null {
  const perRegion = new Map<string, number>();
  for (const region of regionNames) perRegion.set(region, (perRegion.get(region) ?? 0) + 1);
  const parts = [...perRegion].sort(([a], [b]) => a.localeCompare(b, "nl")).map(([r, n]) => m.servedRegion(r, n));
  return parts.length > 0 ? parts.join(", ") : null;
}

export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args);
  const list = await callApi(args, (api) => api.admin.organisations.list());
  const editId = new URL(args.request.url).searchParams.get("bewerk");
  const names = new Map(list.municipalities.map((g) => [g.code, g.name]));
  const regionOf = new Map(list.municipalities.map((g) => [g.code, g.regionName]));
  const organisations = list.organisations.map((o) => ({
    ...o,
    kindLabel: m.kinds[o.kind],
    municipalityName: o.municipalityCode ? (names.get(o.municipalityCode) ?? o.municipalityCode) : null,
    servedArea: describeServedArea(o.servedMunicipalityCodes.map((code) => regionOf.get(code) ?? code)),
  }));
  return {
    organisations,
    editing: organisations.find((o) => o.id === editId) ?? null,
    municipalities: list.municipalities.map((g) => ({ value: g.code, label: `${g.name} (${g.regionName})` })),
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
  const values = {
    name: textOf(formData, "name"),
    kind: textOf(formData, "kind"),
    oin: textOf(formData, "oin"),
    municipalityCode: textOf(formData, "municipalityCode"),
    active: formData.get("active") === "ja" ? "ja" : "",
  };
  const fields = {
    name: values.name,
    kind: values.kind as Kind,
    oin: values.oin.trim() === "" ? null : values.oin,
    municipalityCode: values.municipalityCode === "" ? null : values.municipalityCode,
  };
  if (intent === "create") {
    const done = await tryApi(args, (api) => api.admin.organisations.create(fields), m.invalidRequest);
    if (!done.ok) return refused(done.refusal, values);
    throw redirect(withNotice(PATH, "organisatie-toegevoegd"));
  }
  const id = textOf(formData, "id");
  const version = Number(textOf(formData, "version"));
  if (!isId(id) || !Number.isInteger(version) || version < 1) {
    return data<ActionResult>({ conflict: m.invalidRequest }, { status: 400 });
  }
  if (intent === "update") {
    const done = await tryApi(
      args,
      (api) => api.admin.organisations.update({ ...fields, id, version, active: values.active === "ja" }),
      m.invalidRequest,
    );
    if (!done.ok) return refused(done.refusal, values);
    throw redirect(withNotice(PATH, "organisatie-gewijzigd"));
  }
  if (intent === "deactivate" || intent === "reactivate") {
    // The row button sends only the id and the version it showed; the other fields stay as they are now.
    const current = (await callApi(args, (api) => api.admin.organisations.list())).organisations.find(
      (o) => o.id === id,
    );
    if (!current) return data<ActionResult>({ conflict: m.invalidRequest }, { status: 400 });
    const done = await tryApi(
      args,
      (api) =>
        api.admin.organisations.update({
          id,
          version,
          name: current.name,
          kind: current.kind,
          oin: current.oin,
          municipalityCode: current.municipalityCode,
          active: intent === "reactivate",
        }),
      m.invalidRequest,
    );
    if (!done.ok) {
      const { fieldErrors, conflict } = fieldErrorsFromRefusal(done.refusal, FIELDS);
      return data<ActionResult>(
        { conflict: conflict ?? Object.values(fieldErrors)[0] ?? done.refusal.message },
        { status: done.refusal.code === "CONFLICT" ? 409 : 400 },
      );
    }
    throw redirect(withNotice(PATH, "organisatie-gewijzigd"));
  }
  return data<ActionResult>({ conflict: m.invalidRequest }, { status: 400 });
}

function refused(
  refusal: Parameters<typeof fieldErrorsFromRefusal>[0],
  values: Partial<Record<Field, string>>,
): ReturnType<typeof data<ActionResult>> {
  return data<ActionResult>(
    { ...fieldErrorsFromRefusal(refusal, FIELDS), values },
    { status: refusal.code === "CONFLICT" ? 409 : 400 },
  );
}

export default function AdminOrganisationsRoute() {
  const { organisations, editing, municipalities, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busyId = navigation.state === "submitting" ? navigation.formData?.get("id") : null;
  const fieldErrors = result?.fieldErrors ?? {};
  const summary = fieldErrorSummary(FIELDS, result?.fieldErrors);
  const value = (field: Field, fallback: string) => result?.values?.[field] ?? fallback;
  return (
    <>
      <Paragraph>
        <AppLink to="/beheer">{nl.admin.backToAdmin}</AppLink>
      </Paragraph>
      <Heading1>{m.heading}</Heading1>
      <ActionNotices notice={notice} result={result} />
      <Paragraph>{m.intro}</Paragraph>

      {organisations.length === 0 ? (
        <Paragraph>{m.empty}</Paragraph>
      ) : (
        <div className="kp-table-scroll">
          <table className="utrecht-table utrecht-table--html-table kp-table kp-admin-table">
            <caption className="utrecht-table__caption">{m.caption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {(["name", "kind", "oin", "municipality", "served", "status", "teams", "action"] as const).map(
                  (column) => (
                    <th key={column} scope="col" className="utrecht-table__header-cell">
                      {m.columns[column]}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {organisations.map((o) => (
                <tr key={o.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                    {o.name}
                  </th>
                  <td className="utrecht-table__cell">{o.kindLabel}</td>
                  <td className="utrecht-table__cell">{o.oin ?? m.none}</td>
                  <td className="utrecht-table__cell">{o.municipalityName ?? m.none}</td>
                  <td className="utrecht-table__cell">{o.servedArea ?? m.none}</td>
                  <td className="utrecht-table__cell">{o.active ? m.active : m.inactive}</td>
                  <td className="utrecht-table__cell">
                    <AppLink to={`/beheer/teams?organisatie=${o.id}`}>
                      {o.teamCount} <span className="kp-visually-hidden">{m.teamsLink}</span>{" "}
                      <span className="kp-visually-hidden">{m.teamsTarget(o.name)}</span>
                    </AppLink>
                  </td>
                  <td className="utrecht-table__cell">
                    {/* A paragraph of its own keeps the link a target apart from the button below. */}
                    <Paragraph>
                      <AppLink to={`${PATH}?bewerk=${o.id}#bewerken`}>
                        {m.edit} <span className="kp-visually-hidden">{m.editTarget(o.name)}</span>
                      </AppLink>
                    </Paragraph>
                    <RowActionForm
                      intent={o.active ? "deactivate" : "reactivate"}
                      id={o.id}
                      hidden={{ version: o.version }}
                      busy={busyId === o.id}
                      label={o.active ? m.deactivate : m.reactivate}
                      target={m.editTarget(o.name)}
                    />
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
      {/* The key resets the fields when another organisation is opened for editing. */}
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
          defaultValue={value("name", editing?.name ?? "")}
          error={fieldErrors.name}
          autoComplete="off"
          required
        />
        <SelectField
          name="kind"
          label={m.kindLabel}
          description={m.kindDescription}
          placeholder={m.kindPlaceholder}
          options={Object.entries(m.kinds).map(([kind, label]) => ({ value: kind, label }))}
          defaultValue={value("kind", editing?.kind ?? "")}
          error={fieldErrors.kind}
          required
        />
        <TextField
          name="oin"
          label={m.oinLabel}
          description={m.oinDescription}
          defaultValue={value("oin", editing?.oin ?? "")}
          error={fieldErrors.oin}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
        />
        <SelectField
          name="municipalityCode"
          label={m.municipalityLabel}
          description={m.municipalityDescription}
          placeholder={m.municipalityPlaceholder}
          options={municipalities}
          defaultValue={value("municipalityCode", editing?.municipalityCode ?? "")}
          error={fieldErrors.municipalityCode}
        />
        {editing ? (
          <CheckboxField
            name="active"
            value="ja"
            label={m.activeLabel}
            description={m.activeDescription}
            defaultChecked={result?.values ? result.values.active === "ja" : editing.active}
            error={fieldErrors.active}
          />
        ) : null}
        <Button type="submit" appearance="primary-action-button">
          {editing ? m.save : m.create}
        </Button>
      </Form>
    </>
  );
}
