import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { callApi } from "../api-errors.server";
import { AppLink } from "../components/app-link";
import { ButtonLink } from "../components/button-link";
import { MeetingTable } from "../components/meeting-table";
import { SelectField } from "../components/select-field";
import { Heading1, Heading2, Paragraph } from "../components/typography";
import { readRegionFilter } from "../lib/table-forms";
import { tableRowOf } from "../lib/table-view";
import { nl, pageTitle } from "../messages/nl";
import { requireHandoverWorker } from "../session.server";

const m = nl.tables;

export const meta: MetaFunction = () => [{ title: pageTitle(m.title) }];

export async function loader(args: LoaderFunctionArgs) {
  const { user, view } = await requireHandoverWorker(args);
  const regionId = readRegionFilter(new URL(args.request.url).searchParams);
  const list = await callApi(args, (api) => api.table.list(regionId ? { regionId, pastLimit: 20 } : undefined));
  // The regions to filter on: VT plans for all of them; a partner only knows the regions of its own meetings.
  let regions: { value: string; label: string }[];
  if (view === "vt") {
    const options = await callApi(args, (api) => api.table.formOptions());
    regions = options.regions.map((region) => ({ value: region.id, label: region.name }));
  } else {
    const all = regionId ? await callApi(args, (api) => api.table.list()) : list;
    const byId = new Map([...all.upcoming, ...all.past].map((meeting) => [meeting.region.id, meeting.region.name]));
    regions = [...byId].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  }
  return {
    regionId,
    regions,
    // Planning is a VT teamcoördinator's work (the API refuses anyone else).
    canCreate: view === "vt" && user.roles.includes("team_coordinator"),
    upcoming: list.upcoming.map(tableRowOf),
    past: list.past.map(tableRowOf),
  };
}

export default function TablesRoute() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <Heading1>{m.heading}</Heading1>
      <Paragraph>{m.intro}</Paragraph>
      {data.canCreate ? (
        <p className="kp-page-actions">
          <ButtonLink to="/overdrachtstafels/nieuw">{m.newMeeting}</ButtonLink>
        </p>
      ) : null}
      <section aria-labelledby="filters-heading" className="kp-filters">
        <h2 id="filters-heading" className="utrecht-heading-2 kp-filters__heading">
          {m.filtersHeading}
        </h2>
        <Form method="get" className="kp-filters__form" key={data.regionId ?? "all"}>
          <div className="kp-filters__fields">
            <SelectField
              name="regio"
              label={m.regionLabel}
              placeholder={m.allRegions}
              options={data.regions}
              defaultValue={data.regionId ?? ""}
            />
          </div>
          <div className="kp-filters__actions">
            <Button type="submit" appearance="secondary-action-button">
              {m.applyFilters}
            </Button>
            {data.regionId ? <AppLink to="/overdrachtstafels">{m.clearFilters}</AppLink> : null}
          </div>
        </Form>
      </section>
      <section aria-labelledby="upcoming-heading">
        <Heading2 id="upcoming-heading">{m.upcomingHeading}</Heading2>
        {data.upcoming.length > 0 ? (
          <MeetingTable rows={data.upcoming} caption={m.upcomingCaption} />
        ) : (
          <Paragraph>{m.upcomingEmpty}</Paragraph>
        )}
      </section>
      <section aria-labelledby="past-heading">
        <Heading2 id="past-heading">{m.pastHeading}</Heading2>
        {data.past.length > 0 ? (
          <MeetingTable rows={data.past} caption={m.pastCaption} />
        ) : (
          <Paragraph>{m.pastEmpty}</Paragraph>
        )}
      </section>
    </>
  );
}
