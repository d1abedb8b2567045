import { withAuthentication } from "@ketenportaal/db";
import { TRPCError } from "@trpc/server";
import type { ApiContext } from "../../context";
import {
  confirmEnrolment,
  hasConfirmedSecondFactor,
  SecondFactorFailedError,
  startEnrolment,
  verifySecondFactor,
} from "../../services/auth/mfa";
import { LoginThrottledError } from "../../services/auth/throttle";
import { publicProcedure, router } from "../../trpc";
import {
  ZConfirmEnrolmentResponse,
  ZMfaCodeRequest,
  ZMfaStatusResponse,
  ZStartEnrolmentResponse,
  ZVerifyMfaResponse,
} from "./mfa.types";

type Subject = { userId: string; email: string; sessionId: string; organisationId: string | null; enrolled: boolean };

/** Whose second factor this is: a session waiting for its second step, or a logged-in person setting one up. */
async function subjectOf(ctx: ApiContext): Promise<Subject> {
  if (ctx.pendingMfa) return { ...ctx.pendingMfa, organisationId: null };
  if (ctx.principal?.kind === "user") {
    return {
      userId: ctx.principal.user.id,
      email: ctx.principal.user.email,
      sessionId: ctx.principal.sessionId,
      organisationId: ctx.principal.organisation.id,
      enrolled: await enrolledOf(ctx, ctx.principal.user.id),
    };
  }
  throw new TRPCError({ code: "UNAUTHORIZED", message: "Log in om verder te gaan." });
}

function enrolledOf(ctx: ApiContext, userId: string): Promise<boolean> {
  return withAuthentication(ctx.db, { userId, requestId: ctx.meta.requestId }, (tx) =>
    hasConfirmedSecondFactor(tx, userId),
  );
}

function mapFailure(error: unknown): never {
  if (error instanceof SecondFactorFailedError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
  if (error instanceof LoginThrottledError) throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: error.message });
  throw error;
}

/** The second login step (TOTP with otplib) and its enrolment, for sessions waiting for it and for volunteers. */
export const mfaRouter = router({
  status: publicProcedure.output(ZMfaStatusResponse).query(async ({ ctx }) => {
    if (ctx.pendingMfa) {
      return { step: ctx.pendingMfa.enrolled ? "verify" : "enrol", enrolled: ctx.pendingMfa.enrolled, verified: false };
    }
    if (ctx.principal?.kind === "user") {
      return {
        step: "none" as const,
        enrolled: await enrolledOf(ctx, ctx.principal.user.id),
        verified: ctx.principal.mfa === true,
      };
    }
    return { step: "none" as const, enrolled: false, verified: false };
  }),

  startEnrolment: publicProcedure.output(ZStartEnrolmentResponse).mutation(async ({ ctx }) => {
    const subject = await subjectOf(ctx);
    if (subject.enrolled) {
      throw new TRPCError({ code: "CONFLICT", message: "Tweestapsverificatie is voor dit account al ingesteld." });
    }
    return withAuthentication(ctx.db, { userId: subject.userId, requestId: ctx.meta.requestId }, (tx) =>
      startEnrolment({ tx, userId: subject.userId, email: subject.email, now: ctx.now() }),
    );
  }),

  confirmEnrolment: publicProcedure
    .input(ZMfaCodeRequest)
    .output(ZConfirmEnrolmentResponse)
    .mutation(async ({ ctx, input }) => {
      const subject = await subjectOf(ctx);
      if (subject.enrolled) {
        throw new TRPCError({ code: "CONFLICT", message: "Tweestapsverificatie is voor dit account al ingesteld." });
      }
      const result = await confirmEnrolment({
        db: ctx.db,
        subject,
        code: input.code,
        meta: ctx.meta,
        now: ctx.now(),
      }).catch(mapFailure);
      return { token: result.token, expiresAt: result.expiresAt, recoveryCodes: result.recoveryCodes };
    }),

  verify: publicProcedure
    .input(ZMfaCodeRequest)
    .output(ZVerifyMfaResponse)
    .mutation(async ({ ctx, input }) => {
      if (!ctx.pendingMfa?.enrolled) {
        throw new TRPCError({ code: "UNAUTHORIZED", message: "Log in om verder te gaan." });
      }
      const result = await verifySecondFactor({
        db: ctx.db,
        subject: { ...ctx.pendingMfa, organisationId: null },
        code: input.code,
        meta: ctx.meta,
        now: ctx.now(),
      }).catch(mapFailure);
      return { token: result.token, expiresAt: result.expiresAt, usedRecoveryCode: result.usedRecoveryCode };
    }),
});
