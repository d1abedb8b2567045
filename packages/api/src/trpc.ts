import { type RequestActor, type Transaction, withRequest } from "@ketenportaal/db";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import type { ApiContext } from "./context";
import { writeRefusalAudit } from "./services/audit/write-refusal-audit";
import type { Principal, Role } from "./services/auth/principal";
import { DomainRefusal } from "./services/errors";
import { partnerAccessCutoffOf } from "./services/handover/partner-access";

// Validation messages we did not write ourselves still reach people in Dutch.
z.config(z.locales.nl());

const t = initTRPC.context<ApiContext>().create({
  // Never send stack traces to a client, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error }) {
    const { stack: _stack, ...data } = shape.data;
    const refusal = error.cause instanceof DomainRefusal ? error.cause : undefined;
    const fieldErrors = error.cause instanceof ZodError ? fieldErrorsOf(error.cause) : refusal?.fieldErrors;
    return {
      ...shape,
      message: error.cause instanceof ZodError ? "De invoer is niet geldig." : shape.message,
      data: {
        ...data,
        ...(fieldErrors ? { fieldErrors } : {}),
        ...(refusal?.missingItems ? { missingItems: refusal.missingItems } : {}),
      },
    };
  },
});

function fieldErrorsOf(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] = [...(fields[key] ?? []), issue.message];
  }
  return fields;
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns a refusal from an application service into the matching tRPC error, with its Dutch message. */
const mapRefusals = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainRefusal) {
    const refusal = result.error.cause;
    throw new TRPCError({ code: refusal.code, message: refusal.message, cause: refusal });
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapRefusals);

const ROLLBACK = Symbol("rollback");

/**
 * Every authenticated procedure runs in one transaction that carries the acting user and organisation
 * (`withRequest`), handed to it as `ctx.tx`. A procedure that fails leaves nothing behind — except the one
 * `failure` row of the audit log that records the refused attempt (NEN 7513), written after the rollback.
 * A call without a session (UNAUTHORIZED) has nobody to record; the server's request log has it.
 */
export const authedProcedure = publicProcedure.use(async ({ ctx, next, path, type, getRawInput }) => {
  const { principal } = ctx;
  if (!principal) throw new TRPCError({ code: "UNAUTHORIZED", message: "Log in om verder te gaan." });
  const run = (tx: Transaction) => next({ ctx: { ...ctx, principal, tx } });
  let result: Awaited<ReturnType<typeof run>> | undefined;
  try {
    // The partner-access cutoff goes with every request, so the handover policy applies it to every read.
    const partnerAccessCutoff = partnerAccessCutoffOf({ now: ctx.now(), config: ctx.config });
    await withRequest(ctx.db, { ...actorOf(principal, ctx.meta.requestId), partnerAccessCutoff }, async (tx) => {
      result = await run(tx);
      if (!result.ok) throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  if (!result) throw new Error("procedure produced no result");
  if (!result.ok && !isInputValidationError(result.error)) {
    const rawInput = await getRawInput().catch(() => undefined);
    await writeRefusalAudit({
      db: ctx.db,
      principal,
      meta: ctx.meta,
      now: ctx.now(),
      call: { path, type, rawInput },
    });
  }
  return result;
});

/**
 * Input that fails the procedure's schema never reached a record: no audit row (decision 010). The request log
 * line (path, status 400, request id) keeps it traceable, and a session cannot fill the log with garbage.
 */
function isInputValidationError(error: TRPCError): boolean {
  return error.code === "BAD_REQUEST" && error.cause instanceof ZodError;
}

function actorOf(principal: Principal, requestId: string): RequestActor {
  return principal.kind === "user"
    ? { userId: principal.user.id, organisationId: principal.organisation.id, requestId }
    : { serviceAccountId: principal.serviceAccountId, organisationId: principal.organisation.id, requestId };
}

export const userProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.principal.kind !== "user") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Alleen voor ingelogde personen." });
  }
  return next({ ctx: { ...ctx, principal: ctx.principal as Extract<Principal, { kind: "user" }> } });
});

/** Guard for procedures that need one of the given roles in the acting organisation. */
export function requireRole(...roles: Role[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!ctx.principal.roles.some((role) => roles.includes(role))) {
      throw new TRPCError({ code: "FORBIDDEN", message: "U heeft geen toegang tot deze functie." });
    }
    return next();
  });
}

/**
 * Guard for procedures that need a person who logged in with a second factor in this session (e.g. searching the
 * audit log). Partner systems and sessions without MFA are refused with a Dutch message.
 */
export const requireMfa = t.middleware(({ ctx, next }) => {
  const { principal } = ctx;
  if (principal?.kind !== "user" || principal.mfa !== true) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Voor deze functie moet u inloggen met tweestapsverificatie.",
    });
  }
  return next();
});

/** A person's procedure that needs the second factor: `userProcedure` plus `requireMfa`. */
export const mfaProcedure = userProcedure.use(requireMfa);
