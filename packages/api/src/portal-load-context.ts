import type { ApiCaller } from "./router";

/** The part of the server's logger the portal may use; lines come out as the server's JSON logs. */
export type PortalLogger = { error: (details: object, message: string) => void };

/** What the composition root hands every Remix loader and action: the API, bound to this request's caller. */
export type PortalLoadContext = {
  api: ApiCaller;
  requestId: string;
  logger: PortalLogger;
  /** The Content-Security-Policy nonce of this response, for the inline scripts Remix renders. */
  cspNonce?: string | undefined;
};
