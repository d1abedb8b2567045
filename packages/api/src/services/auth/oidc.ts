import { type Database, users, withAuthentication } from "@ketenportaal/db";
import { eq } from "drizzle-orm";
import * as client from "openid-client";
import type { OidcConfig } from "../../context";
import { writeAudit } from "../audit/write-audit";
import { DomainRefusal } from "../errors";
import { type LoginPolicy, type LoginResult, loginSubjectOf, openSession, type RequestMeta } from "./log-in";

/** Where the provider sends people back; a portal route. */
export const OIDC_CALLBACK_PATH = "/inloggen/oidc/terug";

const configurations = new Map<string, Promise<client.Configuration>>();

/** The provider's configuration, discovered once per process (a failed discovery is retried next time). */
function configurationOf(oidc: OidcConfig): Promise<client.Configuration> {
  const key = `${oidc.issuer} ${oidc.clientId}`;
  let pending = configurations.get(key);
  if (!pending) {
    const issuer = new URL(oidc.issuer);
    const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(issuer.hostname);
    // Plain http only for a provider on this machine (tests); the environment check refuses it anywhere else.
    const insecure = issuer.protocol === "http:" && loopback;
    pending = client.discovery(
      issuer,
      oidc.clientId,
      undefined,
      client.ClientSecretBasic(oidc.clientSecret),
      insecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    pending.catch(() => configurations.delete(key));
    configurations.set(key, pending);
  }
  return pending;
}

/** What the portal keeps (in a short-lived HttpOnly cookie) between sending someone away and their return. */
export type OidcLoginState = { state: string; nonce: string; codeVerifier: string };

/** Starts a login at the provider: the URL to send the browser to, and the checks for its return. */
export async function startOidcLogin(options: {
  oidc: OidcConfig;
  publicUrl: string;
}): Promise<OidcLoginState & { authorizationUrl: string }> {
  const config = await configurationOf(options.oidc);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: `${options.publicUrl}${OIDC_CALLBACK_PATH}`,
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { authorizationUrl: url.href, state, nonce, codeVerifier };
}

export const OIDC_UNKNOWN_ACCOUNT =
  "Er is in het Ketenportaal geen account voor het e-mailadres waarmee u bij uw organisatie bent ingelogd. " +
  "Vraag de functioneel beheerder van uw organisatie om toegang.";

/**
 * Finishes a login at the provider's return: exchanges the code (with the PKCE verifier, state and nonce checked
 * by openid-client) and matches the verified e-mail address to an existing, active account with an active
 * membership. Nobody gets an account this way.
 */
export async function finishOidcLogin(options: {
  db: Database;
  oidc: OidcConfig;
  publicUrl: string;
  callbackUrl: string;
  checks: OidcLoginState;
  meta: RequestMeta;
  now: Date;
  policy?: LoginPolicy | undefined;
  previousSessionId?: string | null | undefined;
}): Promise<LoginResult> {
  const config = await configurationOf(options.oidc);
  // The provider answers to our public address; the request may have reached us under another host name.
  const returned = new URL(options.callbackUrl);
  const currentUrl = new URL(`${options.publicUrl}${OIDC_CALLBACK_PATH}${returned.search}`);
  let email: string | null = null;
  try {
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: options.checks.codeVerifier,
      expectedState: options.checks.state,
      expectedNonce: options.checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error("no ID token");
    // A provider that issues an access token puts the scope's claims (e-mail among them) in the userinfo
    // answer, not necessarily in the ID token (OpenID Connect Core 5.4): ask there when the token has none.
    const source =
      typeof claims.email === "string" ? claims : await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    if (typeof source.email === "string" && source.email_verified !== false) {
      email = source.email.trim().toLowerCase();
    }
  } catch {
    throw new DomainRefusal("UNAUTHORIZED", "Inloggen bij uw organisatie is niet gelukt. Probeer het opnieuw.");
  }

  const result = await withAuthentication(options.db, { requestId: options.meta.requestId }, async (tx) => {
    const [user] = email
      ? await tx.select({ id: users.id, active: users.active }).from(users).where(eq(users.email, email))
      : [];
    const subject =
      user?.active === true ? await loginSubjectOf({ db: tx, userId: user.id, policy: options.policy }) : null;
    if (!subject?.organisationId) {
      await writeAudit(tx, {
        userId: user?.id ?? null,
        purpose: "authentication",
        action: "execute",
        objectType: "session.oidc",
        outcome: "failure",
        requestId: options.meta.requestId,
        clientAddress: options.meta.clientAddress,
      });
      return null;
    }
    return openSession({
      tx,
      subject,
      method: "oidc",
      meta: options.meta,
      now: options.now,
      previousSessionId: options.previousSessionId,
    });
  });
  if (!result) throw new DomainRefusal("FORBIDDEN", OIDC_UNKNOWN_ACCOUNT);
  return result;
}
