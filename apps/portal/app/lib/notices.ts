import { nl } from "../messages/nl";

export type NoticeKey = keyof typeof nl.notices;

/** What the portal did, as the value of `?gelukt=` after a change (Post/Redirect/Get). */
export const noticeAfter = {
  create: "opgeslagen",
  update: "bewerkt",
  offer: "aangeboden",
  withdraw: "ingetrokken",
  accept: "geaccepteerd",
  decline: "afgewezen",
  assign: "toegewezen",
  start: "eerste-contact",
  complete: "afgerond",
  return: "teruggemeld",
  markAllRead: "gelezen",
} as const satisfies Record<string, NoticeKey>;

/** `path` with the notice parameter, added to a query string it may already have (and before its fragment). */
export function withNotice(path: string, notice: NoticeKey): string {
  // A relative base only to parse: the result stays a path on this site.
  const url = new URL(path, "http://portaal.invalid");
  url.searchParams.set("gelukt", notice);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The Dutch notice for the `gelukt` parameter of this request, or null: only known keys, never the text itself. */
export function noticeOf(request: Request): string | null {
  const key = new URL(request.url).searchParams.get("gelukt");
  return key !== null && Object.hasOwn(nl.notices, key) ? nl.notices[key as NoticeKey] : null;
}
