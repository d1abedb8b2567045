import type { ListMailInput, MailStatus } from "./api-types";
import { isId } from "./ids";

/** The filter of the Verzonden e-mail page in the address: `?status=mislukt&pagina=<id>`. */
export const mailFilterParams = { status: "status", cursor: "pagina" } as const;

/** The Dutch words in the address for the API's statuses, in the order the filter offers them. */
export const mailStatusParams = { wachtend: "pending", verzonden: "sent", mislukt: "failed" } as const satisfies Record<
  string,
  MailStatus
>;
export type MailStatusParam = keyof typeof mailStatusParams;

export type MailFilters = { status: MailStatusParam | ""; cursor: string };

export function readMailFilters(params: URLSearchParams): MailFilters {
  const status = params.get(mailFilterParams.status) ?? "";
  const cursor = params.get(mailFilterParams.cursor) ?? "";
  return {
    status: Object.hasOwn(mailStatusParams, status) ? (status as MailStatusParam) : "",
    cursor: isId(cursor) ? cursor : "",
  };
}

/** The `admin.mail.list` input for this filter. */
export function mailListInputOf(filters: MailFilters): ListMailInput {
  return {
    ...(filters.status ? { status: mailStatusParams[filters.status] } : {}),
    ...(filters.cursor ? { cursor: filters.cursor } : {}),
  };
}
