import type { ApiCaller } from "./router";

/** What the composition root hands every Remix loader and action: the API, bound to this request's caller. */
export type PortalLoadContext = {
  api: ApiCaller;
  requestId: string;
};
