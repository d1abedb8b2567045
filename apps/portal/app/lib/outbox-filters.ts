import type { ListOutboxEventsInput } from "./api-types";
import { isId } from "./ids";

/**
 * The filters of the Gebeurtenissen page as they travel in the address: `?publicatie=wachtend&onderwerp=<id>&pagina=<n>`.
 * Ids and codes only; an event's aggregate id names a handover, never a person.
 */
export const outboxFilterParams = { published: "publicatie", aggregateId: "onderwerp", cursor: "pagina" } as const;

export const publishedChoices = { gepubliceerd: true, wachtend: false } as const;
export type PublishedChoice = keyof typeof publishedChoices;

export type OutboxFilters = {
  published: PublishedChoice | "";
  aggregateId: string;
  /** The aggregate id as typed, when it is not an id: shown back with an error, not sent to the API. */
  invalidAggregateId: string | null;
  cursor: string;
};

const POSITION_CURSOR = /^[1-9]\d{0,15}$/;

export function readOutboxFilters(params: URLSearchParams): OutboxFilters {
  const published = params.get(outboxFilterParams.published) ?? "";
  const typed = (params.get(outboxFilterParams.aggregateId) ?? "").trim();
  const cursor = params.get(outboxFilterParams.cursor) ?? "";
  const valid = isEmptyOrId(typed);
  return {
    published: Object.hasOwn(publishedChoices, published) ? (published as PublishedChoice) : "",
    aggregateId: valid ? typed.toLowerCase() : "",
    invalidAggregateId: valid ? null : typed.slice(0, 100),
    cursor: POSITION_CURSOR.test(cursor) ? cursor : "",
  };
}

// A plain boolean, not a type guard: the invalid text is still a string to show back.
function isEmptyOrId(value: string): boolean {
  return value === "" || isId(value);
}

/** The `admin.events.list` input for these filters. */
export function outboxListInputOf(filters: OutboxFilters): ListOutboxEventsInput {
  return {
    ...(filters.published ? { published: publishedChoices[filters.published] } : {}),
    ...(filters.aggregateId ? { aggregateId: filters.aggregateId } : {}),
    ...(filters.cursor ? { cursor: filters.cursor } : {}),
  };
}

export function hasOutboxFilters(filters: OutboxFilters): boolean {
  return Boolean(filters.published || filters.aggregateId || filters.invalidAggregateId);
}

/** The address of this page filtered on one aggregate, as the link in each row. */
export function aggregateHref(path: string, aggregateId: string): string {
  return `${path}?${new URLSearchParams({ [outboxFilterParams.aggregateId]: aggregateId })}`;
}
