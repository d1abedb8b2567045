import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { callApi, tryApi } from "../api-errors.server";
import { Alert } from "../components/alert";
import { AppLink } from "../components/app-link";
import { AuditLogFiltersForm, type AuditLogFormValues } from "../components/audit-log-filters-form";
import { AuditLogTable } from "../components/audit-log-table";
import { ErrorSummary, type ErrorSummaryItem } from "../components/error-summary";
import { Pager } from "../components/pager";
import { Heading1, Heading2, Paragraph } from "../components/typography";
import {
  auditLogFields,
  auditLogHref,
  auditSearchInputOf,
  hasAuditLogFilters,
  readAuditLogFilters,
  readPostedAuditSearch,
} from "../lib/audit-log-filters";
import { auditLogRowOf } from "../lib/audit-log-view";
import { type FieldErrors, fieldId } from "../lib/form-data";
import { nl, pageTitle } from "../messages/nl";
import { requireRole } from "../session.server";

const m = nl.adminAuditLog;
const PATH = "/beheer/audit-log";
const MFA_SETUP_HREF = `/inloggen/tweestapsverificatie?redirectTo=${encodeURIComponent(PATH)}`;

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

/**
 * The functioneel beheerder's audit-log search. Without the second factor in this session the page explains how
 * to get it instead of searching (the API would refuse: `mfaProcedure`). The address holds ids and dates only.
 */
export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, "functional_admin");
  const mfa = await args.context.api.auth.mfa.status();
  if (!mfa.verified) return { kind: "mfa" as const, enrolled: mfa.enrolled };

  const filters = readAuditLogFilters(new URL(args.request.url).searchParams);
  const result = await callApi(args, (api) => api.admin.audit.search(auditSearchInputOf(filters)));
  const values: AuditLogFormValues = {
    caseReference: result.filters.case ? (result.filters.case.reference ?? result.filters.case.id) : "",
    userEmail: result.filters.user ? (result.filters.user.email ?? result.filters.user.id) : "",
    organisationId: filters.organisationId,
    from: filters.from,
    to: filters.to,
    purpose: filters.purpose,
    action: filters.action,
    outcome: filters.outcome,
  };
  return {
    kind: "search" as const,
    values,
    active: hasAuditLogFilters(filters),
    rows: result.items.map(auditLogRowOf),
    organisations: result.options.organisations,
    purposes: result.options.purposes,
    nextHref: result.nextCursor ? auditLogHref(PATH, { ...filters, cursor: result.nextCursor }) : null,
    firstHref: filters.cursor ? auditLogHref(PATH, { ...filters, cursor: "" }) : null,
  };
}

/** Where the API's field names land in this form. */
const FIELD_OF_API: Record<string, string> = {
  caseReference: auditLogFields.caseReference,
  userEmail: auditLogFields.userEmail,
};

/**
 * The posted search: a typed case reference and e-mail address become ids on the server, then the browser is sent
 * to the address with ids only. Problems come back per field, with what was typed kept in the form.
 */
export async function action(args: ActionFunctionArgs) {
  await requireRole(args, "functional_admin");
  const posted = readPostedAuditSearch(await args.request.formData(), {
    invalidDate: m.invalidDate,
    toBeforeFrom: m.toBeforeFrom,
  });
  const errors: FieldErrors = { ...posted.errors };
  const general: string[] = [];
  let ids = { caseId: "", userId: "" };
  if (posted.caseReference || posted.userEmail) {
    const resolved = await tryApi(
      args,
      (api) =>
        api.admin.audit.resolveFilters({
          ...(posted.caseReference ? { caseReference: posted.caseReference } : {}),
          ...(posted.userEmail ? { userEmail: posted.userEmail } : {}),
        }),
      m.notFound,
    );
    if (resolved.ok) {
      ids = { caseId: resolved.value.caseId ?? "", userId: resolved.value.userId ?? "" };
    } else {
      for (const error of resolved.refusal.fieldErrors) {
        const field = FIELD_OF_API[error.path];
        if (field && !(field in errors)) errors[field] = error.message;
        else if (!field) general.push(error.message);
      }
      if (resolved.refusal.fieldErrors.length === 0) general.push(resolved.refusal.message);
    }
  }
  if (Object.keys(errors).length > 0 || general.length > 0) {
    const values: AuditLogFormValues = {
      ...posted.filters,
      caseReference: posted.caseReference,
      userEmail: posted.userEmail,
    };
    return data({ errors, general, values }, { status: 400 });
  }
  throw redirect(auditLogHref(PATH, { ...posted.filters, ...ids }));
}

function summaryOf(errors: FieldErrors, general: readonly string[]): ErrorSummaryItem[] {
  return [
    ...general.map((message) => ({ message })),
    ...Object.entries(errors).map(([name, message]) => ({ message, fieldId: fieldId(name) })),
  ];
}

export default function AdminAuditLogRoute() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  return (
    <>
      <Paragraph>
        <AppLink to="/beheer">{nl.admin.backToAdmin}</AppLink>
      </Paragraph>
      <Heading1>{m.heading}</Heading1>
      {page.kind === "mfa" ? (
        <>
          <Alert type="warning">
            <Heading2>{m.mfaHeading}</Heading2>
            <Paragraph>{m.mfaIntro}</Paragraph>
            <Paragraph>{page.enrolled ? m.mfaLogInAgain : m.mfaSetUpIntro}</Paragraph>
          </Alert>
          {page.enrolled ? null : (
            <Paragraph>
              <AppLink to={MFA_SETUP_HREF}>{m.mfaSetUp}</AppLink>
            </Paragraph>
          )}
        </>
      ) : (
        <>
          <Paragraph>{m.intro}</Paragraph>
          <ErrorSummary errors={result ? summaryOf(result.errors, result.general) : []} focusKey={result} />
          <AuditLogFiltersForm
            key={result ? "posted" : location.search}
            values={result?.values ?? page.values}
            errors={result?.errors ?? {}}
            organisations={page.organisations}
            purposes={page.purposes}
            clearHref={PATH}
            active={page.active}
          />
          <section aria-labelledby="results-heading">
            <Heading2 id="results-heading">{m.resultsHeading}</Heading2>
            {page.rows.length > 0 ? <AuditLogTable rows={page.rows} /> : <Paragraph>{m.noResults}</Paragraph>}
            <Pager
              label={m.pagerLabel}
              nextHref={page.nextHref}
              nextLabel={m.nextPage}
              firstHref={page.firstHref}
              firstLabel={m.firstPage}
            />
          </section>
        </>
      )}
    </>
  );
}
