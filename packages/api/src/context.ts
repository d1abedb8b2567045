import type { Database, Transaction } from "@ketenportaal/db";
import type { RequestMeta } from "./services/auth/log-in";
import type { Principal } from "./services/auth/principal";
import { findServiceAccountPrincipal } from "./services/auth/service-account-principal";
import { findPendingMfaSession, findSessionPrincipal, type PendingMfaSession } from "./services/auth/sessions";
import type { WebhookTargetPolicy } from "./services/webhooks/webhook-target";
import { readSessionToken } from "./session-cookie";

export type ApiConfig = {
  /** Where people reach the portal; links in e-mail point here. */
  publicUrl: string;
  /** How people log in; absent in tests that do not care (password login on, second factor not required). */
  auth?: AuthConfig;
  /** Where webhook callbacks may point; absent: https to public addresses only. */
  webhooks?: { targetPolicy: WebhookTargetPolicy };
  /**
   * Days a partner still reads its copy of a closed handover (`PARTNER_ACCESS_AFTER_CLOSE_DAYS`); absent: the
   * default of `services/handover/partner-access.ts`.
   */
  partnerAccessAfterCloseDays?: number;
};

export type AuthConfig = {
  /** VT roles and beheerders must log in with a second factor (TOTP). */
  mfaRequired: boolean;
  /** E-mail + password login; off when everyone logs in through the organisation's OpenID provider. */
  passwordLogin: boolean;
  /** Login through an OpenID provider (authorization code + PKCE); absent when not configured. */
  oidc?: OidcConfig | undefined;
};

export type OidcConfig = { issuer: string; clientId: string; clientSecret: string };

export type ApiContext = {
  db: Database;
  principal: Principal | null;
  /** A session that waits for its second login step (it has no principal until then). */
  pendingMfa?: PendingMfaSession | null;
  meta: RequestMeta;
  config: ApiConfig;
  /** The clock of this request; tests move it. */
  now: () => Date;
};

/** What an authenticated procedure gets: who acts, and the request's transaction. */
export type AuthedContext = Omit<ApiContext, "principal"> & { principal: Principal; tx: Transaction };
export type UserContext = AuthedContext & { principal: Extract<Principal, { kind: "user" }> };

/**
 * Resolves who is calling from the request headers: a Bearer token (partner systems) or the session cookie
 * (people). A Bearer token that is not valid never falls back to the cookie.
 */
export async function createApiContext(options: {
  db: Database;
  headers: Headers;
  meta: RequestMeta;
  config: ApiConfig;
  now?: () => Date;
}): Promise<ApiContext> {
  const authorization = options.headers.get("authorization");
  let principal: Principal | null = null;
  let pendingMfa: PendingMfaSession | null = null;
  if (authorization) {
    const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(authorization.trim());
    principal = match?.[1] ? await findServiceAccountPrincipal({ db: options.db, token: match[1] }) : null;
  } else {
    const token = readSessionToken(options.headers.get("cookie"));
    principal = token ? await findSessionPrincipal({ db: options.db, token }) : null;
    if (token && !principal) pendingMfa = await findPendingMfaSession({ db: options.db, token });
  }
  return {
    db: options.db,
    principal,
    pendingMfa,
    meta: options.meta,
    config: options.config,
    now: options.now ?? (() => new Date()),
  };
}
