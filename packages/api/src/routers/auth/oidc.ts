import { TRPCError } from "@trpc/server";
import type { ApiContext } from "../../context";
import { finishOidcLogin, startOidcLogin } from "../../services/auth/oidc";
import { publicProcedure, router } from "../../trpc";
import { currentSessionIdOf, loginPolicyOf } from "./login";
import { ZLoginResponse } from "./login.types";
import { ZOidcFinishRequest, ZOidcStartResponse } from "./oidc.types";

function oidcOf(ctx: ApiContext) {
  const oidc = ctx.config.auth?.oidc;
  if (!oidc) throw new TRPCError({ code: "NOT_FOUND", message: "Inloggen via uw organisatie is niet ingesteld." });
  return oidc;
}

/** Login through the organisation's OpenID provider (authorization code + PKCE, openid-client). */
export const oidcRouter = router({
  start: publicProcedure
    .output(ZOidcStartResponse)
    .mutation(({ ctx }) => startOidcLogin({ oidc: oidcOf(ctx), publicUrl: ctx.config.publicUrl })),
  finish: publicProcedure
    .input(ZOidcFinishRequest)
    .output(ZLoginResponse)
    .mutation(({ ctx, input }) =>
      finishOidcLogin({
        db: ctx.db,
        oidc: oidcOf(ctx),
        publicUrl: ctx.config.publicUrl,
        callbackUrl: input.callbackUrl,
        checks: { state: input.state, nonce: input.nonce, codeVerifier: input.codeVerifier },
        meta: ctx.meta,
        now: ctx.now(),
        policy: loginPolicyOf(ctx),
        previousSessionId: currentSessionIdOf(ctx),
      }),
    ),
});
