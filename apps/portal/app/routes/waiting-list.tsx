import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { callApi } from "../api-errors.server";
import { AppLink } from "../components/app-link";
import { SelectField } from "../components/select-field";
import { Heading1, Paragraph } from "../components/typography";
import { formatLocalDate } from "../lib/format";
import { isId } from "../lib/ids";
import { nextContactText } from "../lib/waiting-list-view";
import { nl, pageTitle } from "../messages/nl";
import { requireRole } from "../session.server";

const m = nl.waitingList;

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

// VT's teamcoördinatoren and medewerkers only; the API refuses anyone else as well.
export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, "vt_worker", "team_coordinator");
  const params = new URL(args.request.url).searchParams;
  const regionParam = params.get("regio") ?? "";
  const municipalityParam = params.get("gemeente") ?? "";
  const regionId = isId(regionParam) ? regionParam : undefined;
  const municipalityCode = /^GM\d{4}$/.test(municipalityParam) ? municipalityParam : undefined;
  const [list, options] = await Promise.all([
    callApi(args, (api) =>
      api.waitingList.list({
        ...(regionId ? { regionId } : {}),
        ...(municipalityCode ? { municipalityCode } : {}),
      }),
    ),
    callApi(args, (api) => api.handover.formOptions()),
  ]);
  return {
    filters: { regionId: regionId ?? "", municipalityCode: municipalityCode ?? "" },
    regions: options.regions.map((region) => ({ value: region.id, label: region.name })),
    municipalities: options.municipalities.map((item) => ({
      value: item.code,
      label: `${item.name} (${item.regionName})`,
    })),
    rows: list.items.map((item) => ({
      id: item.id,
      reference: item.reference,
      municipality: item.municipality.name,
      priority: nl.priorities[item.priority],
      waiting: m.waitingDays(item.waitingWorkingDays),
      nextContact: nextContactText(item),
      overdue: item.overdue,
      lastContact: item.lastContact
        ? m.lastContact(formatLocalDate(item.lastContact.contactedOn), m.ways[item.lastContact.way])
        : m.noContactYet,
      triage: item.triageReopened ? m.triageReopened(formatLocalDate(item.triageReopened.dueOn)) : m.triageDone,
    })),
  };
}

export default function WaitingListRoute() {
  const { filters, regions, municipalities, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <Heading1>{m.heading}</Heading1>
      <Paragraph>{m.intro}</Paragraph>
      <section aria-labelledby="filters-heading" className="kp-filters">
        <h2 id="filters-heading" className="utrecht-heading-2 kp-filters__heading">
          {m.filtersLegend}
        </h2>
        <Form method="get" className="kp-filters__form">
          <div className="kp-filters__fields">
            <SelectField
              name="regio"
              label={m.regionLabel}
              placeholder={m.all}
              options={regions}
              defaultValue={filters.regionId}
            />
            <SelectField
              name="gemeente"
              label={m.municipalityLabel}
              placeholder={m.all}
              options={municipalities}
              defaultValue={filters.municipalityCode}
            />
          </div>
          <div className="kp-filters__actions">
            <Button type="submit" appearance="secondary-action-button">
              {m.filter}
            </Button>
          </div>
        </Form>
      </section>
      {rows.length === 0 ? (
        <Paragraph>{m.empty}</Paragraph>
      ) : (
        <div className="kp-table-scroll">
          <table className="utrecht-table utrecht-table--html-table kp-table">
            <caption className="utrecht-table__caption">{m.caption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {(
                  ["reference", "municipality", "priority", "waiting", "nextContact", "lastContact", "triage"] as const
                ).map((column) => (
                  <th key={column} scope="col" className="utrecht-table__header-cell">
                    {m.columns[column]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((row) => (
                <tr key={row.id} className={`utrecht-table__row${row.overdue ? " kp-table__row--overdue" : ""}`}>
                  <th scope="row" className="utrecht-table__header-cell kp-table__row-header">
                    <AppLink to={`/wachtlijst/${row.id}`} aria-label={m.openCase(row.reference)}>
                      {row.reference}
                    </AppLink>
                  </th>
                  <td className="utrecht-table__cell">{row.municipality}</td>
                  <td className="utrecht-table__cell">{row.priority}</td>
                  <td className="utrecht-table__cell">{row.waiting}</td>
                  <td className="utrecht-table__cell">
                    {row.overdue ? (
                      <strong className="utrecht-status-badge kp-status kp-status--overdue">{row.nextContact}</strong>
                    ) : (
                      row.nextContact
                    )}
                  </td>
                  <td className="utrecht-table__cell">{row.lastContact}</td>
                  <td className="utrecht-table__cell">{row.triage}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
