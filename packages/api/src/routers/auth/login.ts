import { TRPCError } from "@trpc/server";
import { LoginFailedError, logIn } from "../../services/auth/log-in";
import { publicProcedure } from "../../trpc";
import { ZLoginRequest, ZLoginResponse } from "./login.types";

/** Opens a session for e-mail + password. The caller (the portal) puts the token in the session cookie. */
export const loginRoute = publicProcedure
  .input(ZLoginRequest)
  .output(ZLoginResponse)
  .mutation(async ({ ctx, input }) => {
    try {
      return await logIn({ db: ctx.db, email: input.email, password: input.password, meta: ctx.meta });
    } catch (error) {
      if (error instanceof LoginFailedError) throw new TRPCError({ code: "UNAUTHORIZED", message: error.message });
      throw error;
    }
  });
