import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { isId } from "./ids";

/** The record id in the address (`:id`); anything but a UUID is a page that does not exist. */
export function idParamOf(params: LoaderFunctionArgs["params"]): string {
  if (!isId(params.id)) throw data(null, { status: 404 });
  return params.id;
}
