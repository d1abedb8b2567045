import { z } from "zod";
import { logOut } from "../../services/auth/log-out";
import { userProcedure } from "../../trpc";

/** Ends the caller's session at once; the cookie is cleared by the portal. */
export const logoutRoute = userProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
  await logOut({ tx: ctx.tx, principal: ctx.principal, meta: ctx.meta });
  return { ok: true as const };
});
