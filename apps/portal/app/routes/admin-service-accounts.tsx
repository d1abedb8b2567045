import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { callApi, tryApi } from "../api-errors.server";
import { ActionNotices } from "../components/action-notices";
import { AppLink } from "../components/app-link";
import { RowActionForm } from "../components/row-action-form";
import { Heading1, Paragraph } from "../components/typography";
import { textOf } from "../lib/form-data";
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

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

/** After a refused revocation the table must show the account as it is now. */
export const shouldRevalidate = revalidateAfterConflict;

// Whether this person may see partner systems' access is the API's call (403 page otherwise).
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args);
  const { items } = await callApi(args, (api) => api.admin.serviceAccounts.list());
  return { rows: items.map(serviceAccountRowOf), notice: noticeOf(args.request) };
}

export async function action(args: ActionFunctionArgs) {
  await requireUser(args);
  const formData = await args.request.formData();
  const id = textOf(formData, "id");
  if (textOf(formData, "intent") !== REVOKE_INTENT || !isId(id)) {
    return data({ conflict: m.invalidRequest }, { status: 400 });
  }
  const done = await tryApi(args, (api) => api.admin.serviceAccounts.revoke({ id }), m.invalidRequest);
  if (!done.ok)
    return data({ conflict: done.refusal.message }, { status: done.refusal.code === "CONFLICT" ? 409 : 400 });
  throw redirect(`${PATH}?gelukt=${REVOKED_NOTICE}`);
}

export default function AdminServiceAccountsRoute() {
  const { rows, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const revoking = navigation.state === "submitting" ? navigation.formData?.get("id") : null;
  return (
    <>
      <Paragraph>
        <AppLink to="/beheer">{nl.admin.backToAdmin}</AppLink>
      </Paragraph>
      <Heading1>{m.heading}</Heading1>
      <ActionNotices notice={notice} result={result} />
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
    </>
  );
}
