import type { Database } from "@ketenportaal/db";
import type { ApiContext } from "../context";
import { createApiCaller } from "../router";
import { createServiceAccount } from "../services/accounts/manage-accounts";
import { logIn } from "../services/auth/log-in";
import { findServiceAccountPrincipal } from "../services/auth/service-account-principal";
import { findSessionPrincipal } from "../services/auth/sessions";
import { DEMO_PASSWORD } from "../services/demo/demo-region";

export type TestClock = { now: () => Date; set: (date: Date | string) => void };

/** A clock tests can move; starts at the given moment. */
export function createTestClock(start: Date | string): TestClock {
  let current = new Date(start);
  return { now: () => new Date(current), set: (date) => (current = new Date(date)) };
}

const meta = { requestId: "test-request", clientAddress: "127.0.0.1" };
/** Webhook callbacks may be test receivers on loopback over http here (never outside tests). */
const config = {
  publicUrl: "https://ketenportaal.test",
  webhooks: { targetPolicy: { allowHttp: true, allowPrivateTargets: true } },
};

/** A tRPC caller acting as a demo user, as the portal would get it for that user's session. */
export async function callerForUser(options: { db: Database; email: string; clock?: TestClock }) {
  const { token } = await logIn({ db: options.db, email: options.email, password: DEMO_PASSWORD, meta });
  const principal = await findSessionPrincipal({ db: options.db, token });
  if (!principal) throw new Error(`no principal for ${options.email}`);
  const context: ApiContext = {
    db: options.db,
    principal,
    meta,
    config,
    now: options.clock?.now ?? (() => new Date()),
  };
  return createApiCaller(context);
}

/** A caller acting as a new service account of the given organisation. */
export async function callerForServiceAccount(options: { db: Database; organisationSlug: string; clock?: TestClock }) {
  const { token } = await createServiceAccount({
    db: options.db,
    organisationSlug: options.organisationSlug,
    // A name of its own each time: an organisation's active accounts have different names.
    name: `Koppeling ${options.organisationSlug} ${crypto.randomUUID().slice(0, 8)}`,
    operator: { onBehalfOf: "test" },
  });
  return callerForToken({ db: options.db, token, ...(options.clock ? { clock: options.clock } : {}) });
}

/** A caller acting as the partner system behind this Bearer token, as the server would get it. */
export async function callerForToken(options: { db: Database; token: string; clock?: TestClock }) {
  const principal = await findServiceAccountPrincipal({ db: options.db, token: options.token });
  if (!principal) throw new Error("no service account principal");
  return createApiCaller({ db: options.db, principal, meta, config, now: options.clock?.now ?? (() => new Date()) });
}

export const testApiConfig = config;
