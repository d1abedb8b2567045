import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { useEffect, useRef } from "react";
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
import { formatLocalDate } from "../lib/format";
import { isId } from "../lib/ids";
import { noticeOf } from "../lib/notices";
import { revalidateAfterConflict } from "../lib/revalidate";
import { serviceAccountRowOf } from "../lib/service-account-view";
import { nl, pageTitle } from "../messages/nl";
import { requireUser } from "../session.server";

const m = nl.adminServiceAccounts;
const PATH = "/beheer/koppelingen";
const REVOKED_NOTICE = "toegang-ingetrokken" satisfies keyof typeof nl.notices;
const REVOKE_INTENT = "revoke";
const CREATE_INTENT = "create";
const FIELDS = ["organisationId", "name", "expiresOn"] as const;
type Field = (typeof FIELDS)[number];

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

/** The page with a new token on it is kept by no browser history cache or proxy (the action says so). */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const cacheControl = actionHeaders.get("Cache-Control");
  return cacheControl ? { "Cache-Control": cacheControl } : new Headers();
};

/** After a refused revocation the table must show the account as it is now. */
export const shouldRevalidate = revalidateAfterConflict;

// Whether this person may see partner systems' access is the API's call (403 page otherwise). Only VT's functioneel
// beheerder creates one; the form lists the active organisations to choose from.
export async function loader(args: LoaderFunctionArgs) {
  const user = await requireUser(args);
  const { items, expiryBounds } = await callApi(args, (api) => api.admin.serviceAccounts.list());
  const canCreate = user.organisation.kind === "vt";
  const organisations = canCreate
    ? (await callApi(args, (api) => api.admin.organisations.list())).organisations
        .filter((organisation) => organisation.active)
        .map((organisation) => ({ value: organisation.id, label: organisation.name }))
    : [];
  return {
    rows: items.map(serviceAccountRowOf),
    canCreate,
    organisations,
    expiryBounds,
    notice: noticeOf(args.request),
  };
}

type ActionResult = {
  conflict?: string;
  fieldErrors?: Partial<Record<Field, string>>;
  values?: Record<Field, string>;
  /** The new account with its token: in this one response only, never in a URL, a redirect or a log. */
  created?: { id: string; name: string; organisation: string; lastDay: string; token: string };
};

export async function action(args: ActionFunctionArgs) {
  await requireUser(args);
  const formData = await args.request.formData();
  const intent = textOf(formData, "intent");
  if (intent === CREATE_INTENT) {
    const values = {
      organisationId: textOf(formData, "organisationId"),
      name: textOf(formData, "name"),
      expiresOn: textOf(formData, "expiresOn"),
    };
    const done = await tryApi(args, (api) => api.admin.serviceAccounts.create(values), m.invalidRequest);
    if (!done.ok) {
      return data<ActionResult>(
        { ...fieldErrorsFromRefusal(done.refusal, FIELDS), values },
        { status: done.refusal.code === "CONFLICT" ? 409 : 400 },
      );
    }
    const { id, name, organisation, token } = done.value;
    return data<ActionResult>(
      { created: { id, name, organisation: organisation.name, lastDay: formatLocalDate(values.expiresOn), token } },
      // The page with the token is not kept by the browser or any cache in between.
      { headers: { "Cache-Control": "no-store" } },
    );
  }
  const id = textOf(formData, "id");
  if (intent !== REVOKE_INTENT || !isId(id)) {
    return data<ActionResult>({ conflict: m.invalidRequest }, { status: 400 });
  }
  const done = await tryApi(args, (api) => api.admin.serviceAccounts.revoke({ id }), m.invalidRequest);
  if (!done.ok)
    return data<ActionResult>(
      { conflict: done.refusal.message },
      { status: done.refusal.code === "CONFLICT" ? 409 : 400 },
    );
  throw redirect(`${PATH}?gelukt=${REVOKED_NOTICE}`);
}

/** The new token, once: it takes the focus so that keyboard and screen reader users land on it. */
function NewToken({ created }: { created: NonNullable<ActionResult["created"]> }) {
  const ref = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new account is the trigger.
  useEffect(() => {
    ref.current?.focus();
  }, [created.id]);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="utrecht-alert utrecht-alert--warning kp-new-token"
      aria-labelledby="new-token-heading"
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <Heading2 id="new-token-heading">{m.tokenHeading}</Heading2>
          <Paragraph>{m.tokenCreated(created.name, created.organisation, created.lastDay)}</Paragraph>
          <Paragraph>
            <strong>{m.tokenWarning}</strong>
          </Paragraph>
          <TextField
            name="token"
            label={m.tokenLabel}
            defaultValue={created.token}
            readOnly
            autoComplete="off"
            spellCheck={false}
            className="kp-new-token__value"
          />
          <Paragraph>{m.tokenUse}</Paragraph>
        </div>
      </div>
    </section>
  );
}

export default function AdminServiceAccountsRoute() {
  const { rows, canCreate, organisations, expiryBounds, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const revoking = navigation.state === "submitting" ? navigation.formData?.get("id") : null;
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
      {result?.created ? <NewToken created={result.created} /> : null}
      <Paragraph>{m.intro}</Paragraph>
      {rows.length === 0 ? (
        <Paragraph>{m.empty}</Paragraph>
      ) : (
        <div className="kp-table-scroll">
          <table className="utrecht-table utrecht-table--html-table kp-table kp-admin-table">
            <caption className="utrecht-table__caption">{m.caption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {(["name", "organisation", "status", "createdAt", "expiresAt", "lastUsedAt", "action"] as const).map(
                  (column) => (
                    <th key={column} scope="col" className="utrecht-table__header-cell">
                      {m.columns[column]}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((row) => (
                <tr key={row.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                    {row.name}
                  </th>
                  <td className="utrecht-table__cell">{row.organisation}</td>
                  <td className="utrecht-table__cell">{row.statusLabel}</td>
                  <td className="utrecht-table__cell">{row.createdAt}</td>
                  <td className="utrecht-table__cell">{row.expiresAt}</td>
                  <td className="utrecht-table__cell">{row.lastUsedAt}</td>
                  <td className="utrecht-table__cell">
                    {row.canRevoke ? (
                      <RowActionForm
                        intent={REVOKE_INTENT}
                        id={row.id}
                        busy={revoking === row.id}
                        label={m.revoke}
                        target={m.revokeTarget(row.name, row.organisation)}
                      />
                    ) : (
                      <span className="kp-muted">{m.noAction}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Heading2 id="nieuw">{m.createHeading}</Heading2>
      {canCreate ? (
        <>
          <Paragraph>{m.createIntro}</Paragraph>
          {/* The key empties the form after an account was created. */}
          <Form method="post" noValidate key={result?.created?.id ?? "new"}>
            <ErrorSummary errors={summary} focusKey={result} />
            <input type="hidden" name="intent" value={CREATE_INTENT} />
            <SelectField
              name="organisationId"
              label={m.organisationLabel}
              description={m.organisationDescription}
              placeholder={m.organisationPlaceholder}
              options={organisations}
              defaultValue={value("organisationId", "")}
              error={fieldErrors.organisationId}
              required
            />
            <TextField
              name="name"
              label={m.nameLabel}
              description={m.nameDescription}
              defaultValue={value("name", "")}
              error={fieldErrors.name}
              autoComplete="off"
              required
            />
            <TextField
              name="expiresOn"
              type="date"
              label={m.expiresOnLabel}
              description={m.expiresOnDescription(formatLocalDate(expiryBounds.latestOn))}
              defaultValue={value("expiresOn", expiryBounds.defaultOn)}
              min={expiryBounds.earliestOn}
              max={expiryBounds.latestOn}
              error={fieldErrors.expiresOn}
              required
            />
            <Button type="submit" appearance="primary-action-button">
              {m.create}
            </Button>
          </Form>
        </>
      ) : (
        <Paragraph>{m.createOnlyVt}</Paragraph>
      )}
    </>
  );
}
