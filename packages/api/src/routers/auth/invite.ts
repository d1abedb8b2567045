import { acceptInvite, findInviteState } from "../../services/auth/accept-invite";
import { publicProcedure, router } from "../../trpc";
import { ZInviteAcceptRequest, ZInviteAcceptResponse, ZInviteGetRequest, ZInviteGetResponse } from "./invite.types";

/** The page behind an invite link (/uitnodiging/:token): no session, the token is the secret. */
export const inviteRouter = router({
  get: publicProcedure
    .input(ZInviteGetRequest)
    .output(ZInviteGetResponse)
    .query(({ ctx, input }) => findInviteState({ db: ctx.db, token: input.token, now: ctx.now() })),
  accept: publicProcedure
    .input(ZInviteAcceptRequest)
    .output(ZInviteAcceptResponse)
    .mutation(({ ctx, input }) =>
      acceptInvite({ db: ctx.db, token: input.token, password: input.password, meta: ctx.meta, now: ctx.now() }),
    ),
});
