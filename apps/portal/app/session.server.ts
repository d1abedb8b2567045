import type { Role } from "@ketenportaal/api";
import { type AppLoadContext, data, redirect } from "@remix-run/node";
import { apiErrorCode } from "./api-errors.server";
import { secondStepPath } from "./auth.server";
import { type HandoverView, handoverViewOf } from "./lib/handover-access";
import { loginPath, pathOfRequest, safeRedirectTo } from "./lib/redirect-to";

type Me = Awaited<ReturnType<AppLoadContext["api"]["me"]>>;

/** A person logged in with a browser session (partner systems with a service-account token are not). */
export type SessionUser = Me & { kind: "user"; user: NonNullable<Me["user"]> };

type GuardArgs = { context: AppLoadContext; request: Request };

// The root loader and the page's loader both ask who is logged in; one API call per request is enough. The load
// context is created per request, so it is the natural cache key.
const meByRequest = new WeakMap<AppLoadContext, Promise<Me | null>>();

function loadMe(context: AppLoadContext): Promise<Me | null> {
  let pending = meByRequest.get(context);
  if (!pending) {
    pending = context.api.me().catch((error: unknown) => {
      if (apiErrorCode(error) === "UNAUTHORIZED") return null;
      throw error;
    });
    meByRequest.set(context, pending);
  }
  return pending;
}

function isPerson(me: Me): me is SessionUser {
  return me.kind === "user" && me.user !== null;
}

/** The logged-in person, or null. */
export async function getOptionalUser({ context }: Pick<GuardArgs, "context">): Promise<SessionUser | null> {
  const me = await loadMe(context);
  return me && isPerson(me) ? me : null;
}

/**
 * Whether this browser's session waits for its second login step (the code, or setting up the second factor).
 * Asked only when there is no complete session.
 */
export async function pendingSecondStep(context: AppLoadContext): Promise<"verify" | "enrol" | null> {
  const status = await context.api.auth.mfa.status();
  return status.step === "none" ? null : status.step;
}

/**
 * The logged-in person; otherwise to the login page, which brings them back here afterwards — or, when the
 * password was right but the second step is still to do, to that step before anything else.
 */
export async function requireUser({ context, request }: GuardArgs): Promise<SessionUser> {
  const me = await loadMe(context);
  if (!me) {
    const step = await pendingSecondStep(context);
    if (step) throw redirect(secondStepPath(step, pathOfRequest(request)));
    throw redirect(loginPath(pathOfRequest(request)));
  }
  if (!isPerson(me)) throw data(null, { status: 403 });
  return me;
}

/** The logged-in person with at least one of the roles; 403 otherwise. */
export async function requireRole(args: GuardArgs, ...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser(args);
  if (!user.roles.some((role) => roles.includes(role))) throw data(null, { status: 403 });
  return user;
}

/** For the login page: someone already logged in goes on to where they wanted to be. */
export async function requireAnonymous({ context, request }: GuardArgs): Promise<void> {
  if (await getOptionalUser({ context })) {
    throw redirect(safeRedirectTo(new URL(request.url).searchParams.get("redirectTo")));
  }
}

/**
 * A VT or partner caseworker, and which overdrachten view they get; 403 for everyone else (gemeente, beheer).
 * The API applies the same rule; asking first spares a call that can only be refused.
 */
export async function requireHandoverWorker(args: GuardArgs): Promise<{ user: SessionUser; view: HandoverView }> {
  const user = await requireUser(args);
  const view = handoverViewOf(user);
  if (!view) throw data(null, { status: 403 });
  return { user, view };
}
