import type { PortalLoadContext } from "@ketenportaal/api";

// What the server hands every loader and action: `context.api` (the tRPC caller bound to this request's session)
// and `context.requestId`. The Future augmentation for single fetch lives beside the flags in vite.config.ts.
declare module "@remix-run/node" {
  interface AppLoadContext extends PortalLoadContext {}
}
