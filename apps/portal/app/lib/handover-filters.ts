import { nl } from "../messages/nl";
import type { HandoverStatus, ListHandoversInput } from "./api-types";
import { isCursor, isId } from "./ids";

export const handoverStatuses = Object.keys(nl.handoverStatus) as HandoverStatus[];

/**
 * The filters of the VT overview as they travel in the address: codes and ids only, never personal data.
 * `?status=offered&gemeente=GM0392&regio=<id>&verlopen=ja&mijn-regios=ja&pagina=<cursor>`.
 */
export const filterParams = {
  status: "status",
  municipalityCode: "gemeente",
  regionId: "regio",
  overdue: "verlopen",
  myRegions: "mijn-regios",
  cursor: "pagina",
} as const;

/** The value of a ticked filter checkbox in the address. */
export const CHECKED = "ja";

/** The partner page pages its inbox separately from its list of ongoing handovers. */
export const INBOX_CURSOR_PARAM = "inbox";

export type HandoverFilters = {
  status: HandoverStatus | "";
  municipalityCode: string;
  regionId: string;
  overdue: boolean;
  myRegions: boolean;
  cursor: string;
};

/** Reads the filters from the address; a value that cannot be right is left out rather than sent to the API. */
export function readHandoverFilters(params: URLSearchParams, options: { canUseMyRegions: boolean }): HandoverFilters {
  const status = params.get(filterParams.status) ?? "";
  const municipalityCode = params.get(filterParams.municipalityCode) ?? "";
  const regionId = params.get(filterParams.regionId) ?? "";
  const cursor = params.get(filterParams.cursor) ?? "";
  return {
    status: (handoverStatuses as string[]).includes(status) ? (status as HandoverStatus) : "",
    municipalityCode: /^GM\d{4}$/.test(municipalityCode) ? municipalityCode : "",
    regionId: isId(regionId) ? regionId : "",
    overdue: params.get(filterParams.overdue) === CHECKED,
    myRegions: options.canUseMyRegions && params.get(filterParams.myRegions) === CHECKED,
    cursor: isCursor(cursor) ? cursor : "",
  };
}

/** The `handover.list` input for these filters. */
export function listInputOf(filters: HandoverFilters): ListHandoversInput {
  return {
    ...(filters.status ? { status: [filters.status] } : {}),
    ...(filters.municipalityCode ? { municipalityCode: filters.municipalityCode } : {}),
    ...(filters.regionId ? { regionId: filters.regionId } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
    ...(filters.myRegions ? { myRegions: true } : {}),
    ...(filters.cursor ? { cursor: filters.cursor } : {}),
  };
}

export function hasFilters(filters: HandoverFilters): boolean {
  return Boolean(
    filters.status || filters.municipalityCode || filters.regionId || filters.overdue || filters.myRegions,
  );
}

/** The address of the next page: the same query with the given cursor parameter set, or removed for page one. */
export function pageHref(path: string, params: URLSearchParams, cursorParam: string, cursor: string | null): string {
  const next = new URLSearchParams(params);
  if (cursor) next.set(cursorParam, cursor);
  else next.delete(cursorParam);
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}
