import type { LoaderFunctionArgs } from "@remix-run/node";
import { callApi } from "../api-errors.server";
import { reportToCsv } from "../lib/report-view";
import { nl } from "../messages/nl";
import { requireUser } from "../session.server";

/** The report of the page as a CSV download: the same call, the same protection, the same audit row. */
export async function loader(args: LoaderFunctionArgs) {
  await requireUser(args);
  const params = new URL(args.request.url).searchParams;
  const report = await callApi(args, (api) =>
    api.report.gemeente({
      from: params.get("van")?.trim() || undefined,
      to: params.get("tot")?.trim() || undefined,
    }),
  );
  return new Response(reportToCsv(report), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${nl.reports.csvFileName(report.period.from, report.period.to)}"`,
      "Cache-Control": "no-store",
    },
  });
}
