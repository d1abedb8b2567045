import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of this response, given by the server (entry.server.tsx) to Remix's inline
 * scripts. In the browser it is empty: the scripts are already there, and browsers hide the value anyway.
 */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
