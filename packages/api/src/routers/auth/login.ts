import { TRPCError } from "@trpc/server";
import type { ApiContext } from "../../context";
import { LoginFailedError, logIn } from "../../services/auth/log-in";
import { LoginThrottledError } from "../../services/auth/throttle";
import { publicProcedure } from "../../trpc";
import { ZLoginMethodsResponse, ZLoginRequest, ZLoginResponse } from "./login.types";

/** The session the caller has now (complete or waiting for its second step): a new login ends it. */
export function currentSessionIdOf(ctx: ApiContext): string | null {
  if (ctx.principal?.kind === "user") return ctx.principal.sessionId;
  return ctx.pendingMfa?.sessionId ?? null;
}

export function loginPolicyOf(ctx: ApiContext) {
  return { mfaRequired: ctx.config.auth?.mfaRequired ?? false };
}

/**
 * Opens a session for e-mail + password. The caller (the portal) puts the token in the session cookie; `next`
 * says whether a second step is still needed before the session can be used.
 */
export const loginRoute = publicProcedure
  .input(ZLoginRequest)
  .output(ZLoginResponse)
  .mutation(async ({ ctx, input }) => {
    if (ctx.config.auth?.passwordLogin === false) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: "Inloggen met een wachtwoord is uitgeschakeld. Log in via uw organisatie.",
      });
    }
    try {
      return await logIn({
        db: ctx.db,
        email: input.email,
        password: input.password,
        meta: ctx.meta,
        now: ctx.now(),
        policy: loginPolicyOf(ctx),
        previousSessionId: currentSessionIdOf(ctx),
      });
    } catch (error) {
      if (error instanceof LoginFailedError) throw new TRPCError({ code: "UNAUTHORIZED", message: error.message });
      if (error instanceof LoginThrottledError) {
        throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: error.message });
      }
      throw error;
    }
  });

/** Which ways of logging in this installation offers. */
export const loginMethodsRoute = publicProcedure.output(ZLoginMethodsResponse).query(({ ctx }) => ({
  password: ctx.config.auth?.passwordLogin ?? true,
  oidc: Boolean(ctx.config.auth?.oidc),
}));
