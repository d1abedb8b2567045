import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { callApi, tryApi } from "../api-errors.server";
import { ActionNotices } from "../components/action-notices";
import { AppLink } from "../components/app-link";
import { CheckboxGroup } from "../components/checkbox-group";
import { ErrorSummary } from "../components/error-summary";
import { RowActionForm } from "../components/row-action-form";
import { TextField } from "../components/text-field";
import { Heading1, Heading2, Paragraph } from "../components/typography";
import { textOf } from "../lib/form-data";
import { fieldErrorSummary, fieldErrorsFromRefusal } from "../lib/form-errors";
import { amsterdamToday, formatLocalDate } from "../lib/format";
import { isId } from "../lib/ids";
import { noticeOf, withNotice } from "../lib/notices";
import { revalidateAfterConflict } from "../lib/revalidate";
import { nl, pageTitle } from "../messages/nl";
import { requireUser } from "../session.server";

const m = nl.continuityPlan;
const PATH = "/beheer/continuiteitsplan";
const FIELDS = ["startsOn", "expectedEndOn", "services"] as const;
type Field = (typeof FIELDS)[number];
type Service = keyof typeof m.services;
/** The plan's services in its order of priority, as the catalogue lists them. */
const SERVICES = Object.keys(m.services) as Service[];

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

export const shouldRevalidate = revalidateAfterConflict;

/** Whether this person may manage the plan is the API's call (403 page otherwise). Dates are Amsterdam dates. */
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args);
  const { plans } = await callApi(args, (api) => api.admin.continuityPlan.list());
  return {
    today: amsterdamToday(),
    plans: plans.map((plan) => {
      const lastDay = plan.endedOn ?? plan.expectedEndOn;
      const calledOff = plan.endedOn !== null && plan.endedOn < plan.startsOn;
      const period = m.period(
        formatLocalDate(plan.startsOn),
        formatLocalDate(calledOff ? plan.expectedEndOn : lastDay),
      );
      return {
        id: plan.id,
        version: plan.version,
        period,
        services: plan.services.map((service) => m.services[service]),
        status: m.status[plan.status],
        detail: calledOff
          ? m.calledOff
          : plan.endReason === "reached"
            ? m.reached
            : plan.endedOn
              ? m.endedOn(formatLocalDate(plan.endedOn))
              : null,
        canEnd: plan.status !== "ended",
      };
    }),
    notice: noticeOf(args.request),
  };
}

type ActionResult = {
  conflict?: string;
  fieldErrors?: Partial<Record<Field, string>>;
  values?: { startsOn: string; expectedEndOn: string; services: string[] };
};

export async function action(args: ActionFunctionArgs) {
  await requireUser(args);
  const formData = await args.request.formData();
  const intent = textOf(formData, "intent");
  if (intent === "declare") {
    const values = {
      startsOn: textOf(formData, "startsOn"),
      expectedEndOn: textOf(formData, "expectedEndOn"),
      services: formData.getAll("services").filter((value): value is string => typeof value === "string"),
    };
    const done = await tryApi(
      args,
      (api) =>
        api.admin.continuityPlan.declare({
          startsOn: values.startsOn,
          expectedEndOn: values.expectedEndOn,
          services: values.services as Service[],
        }),
      m.invalidRequest,
    );
    if (!done.ok) {
      return data<ActionResult>(
        { ...fieldErrorsFromRefusal(done.refusal, FIELDS), values },
        { status: done.refusal.code === "CONFLICT" ? 409 : 400 },
      );
    }
    throw redirect(withNotice(PATH, "plan-afgekondigd"));
  }
  if (intent === "end") {
    const id = textOf(formData, "id");
    const version = Number(textOf(formData, "version"));
    if (!isId(id) || !Number.isInteger(version) || version < 1) {
      return data<ActionResult>({ conflict: m.invalidRequest }, { status: 400 });
    }
    const done = await tryApi(args, (api) => api.admin.continuityPlan.end({ id, version }), m.invalidRequest);
    if (!done.ok) {
      return data<ActionResult>(
        { conflict: done.refusal.message },
        { status: done.refusal.code === "CONFLICT" ? 409 : 400 },
      );
    }
    throw redirect(withNotice(PATH, "plan-beeindigd"));
  }
  return data<ActionResult>({ conflict: m.invalidRequest }, { status: 400 });
}

export default function AdminContinuityPlanRoute() {
  const { today, plans, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busyId = navigation.state === "submitting" ? navigation.formData?.get("id") : null;
  const fieldErrors = result?.fieldErrors ?? {};
  const summary = fieldErrorSummary(FIELDS, fieldErrors);
  return (
    <>
      <Paragraph>
        <AppLink to="/beheer">{nl.admin.backToAdmin}</AppLink>
      </Paragraph>
      <Heading1>{m.heading}</Heading1>
      <ActionNotices notice={notice} result={result} />
      <Paragraph>{m.intro}</Paragraph>

      <Heading2>{m.plansHeading}</Heading2>
      {plans.length === 0 ? (
        <Paragraph>{m.plansEmpty}</Paragraph>
      ) : (
        <div className="kp-table-scroll">
          <table className="utrecht-table utrecht-table--html-table kp-table kp-admin-table">
            <caption className="utrecht-table__caption">{m.plansCaption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {(["period", "services", "status", "action"] as const).map((column) => (
                  <th key={column} scope="col" className="utrecht-table__header-cell">
                    {m.columns[column]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {plans.map((plan) => (
                <tr key={plan.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                    {plan.period}
                  </th>
                  <td className="utrecht-table__cell">{plan.services.join(", ")}</td>
                  <td className="utrecht-table__cell">
                    {plan.status}
                    {plan.detail ? <> ({plan.detail})</> : null}
                  </td>
                  <td className="utrecht-table__cell">
                    {plan.canEnd ? (
                      <RowActionForm
                        intent="end"
                        id={plan.id}
                        hidden={{ version: plan.version }}
                        busy={busyId === plan.id}
                        label={m.end}
                        target={m.endTarget(plan.period)}
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Heading2>{m.declareHeading}</Heading2>
      <Form method="post" noValidate>
        <ErrorSummary errors={summary} focusKey={result} />
        <input type="hidden" name="intent" value="declare" />
        <TextField
          name="startsOn"
          type="date"
          label={m.startsOnLabel}
          description={m.startsOnDescription}
          defaultValue={result?.values?.startsOn ?? today}
          min={today}
          error={fieldErrors.startsOn}
          required
        />
        <TextField
          name="expectedEndOn"
          type="date"
          label={m.expectedEndOnLabel}
          description={m.expectedEndOnDescription}
          defaultValue={result?.values?.expectedEndOn ?? ""}
          min={today}
          error={fieldErrors.expectedEndOn}
          required
        />
        <CheckboxGroup
          name="services"
          legend={m.servicesLabel}
          description={m.servicesDescription}
          options={SERVICES.map((value) => ({ value, label: m.services[value] }))}
          defaultValues={result?.values?.services ?? []}
          error={fieldErrors.services}
        />
        <Button type="submit" appearance="primary-action-button">
          {m.declare}
        </Button>
      </Form>
    </>
  );
}
