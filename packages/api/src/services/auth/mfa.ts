import { randomBytes } from "node:crypto";
import {
  type Database,
  mfaCredentials,
  mfaRecoveryCodes,
  type Queryable,
  users,
  withAuthentication,
} from "@ketenportaal/db";
import { and, eq, isNull } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import { toString as qrCodeSvg } from "qrcode";
import { writeAudit } from "../audit/write-audit";
import { DomainRefusal } from "../errors";
import type { RequestMeta } from "./log-in";
import type { Role } from "./principal";
import { completeSecondFactor, revokeAllSessions } from "./sessions";
import { isThrottled, LoginThrottledError, recordLoginFailure } from "./throttle";
import { hashToken } from "./tokens";

/** Roles that must log in with a second factor when MFA is required: VT's own people and the beheerder. */
export const MFA_ROLES: readonly Role[] = ["vt_worker", "team_coordinator", "functional_admin"];

export const RECOVERY_CODE_COUNT = 10;
const ISSUER = "Ketenportaal";
/** An unconfirmed secret is reused this long, so reloading the enrolment page keeps the same QR code. */
const PENDING_SECRET_MS = 10 * 60 * 1000;
/** One period either way, for clocks that drift a little. */
const EPOCH_TOLERANCE_S = 30;

export function mfaRequiredFor(roles: readonly Role[], required: boolean): boolean {
  return required && roles.some((role) => MFA_ROLES.includes(role));
}

export class SecondFactorFailedError extends Error {
  constructor() {
    super("De code is niet juist of al gebruikt. Probeer het opnieuw met een nieuwe code.");
    this.name = "SecondFactorFailedError";
  }
}

/** Whether the person has a confirmed second factor. */
export async function hasConfirmedSecondFactor(db: Queryable, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ confirmedAt: mfaCredentials.confirmedAt })
    .from(mfaCredentials)
    .where(eq(mfaCredentials.userId, userId));
  return Boolean(row?.confirmedAt);
}

export type EnrolmentStart = { secret: string; otpauthUri: string; qrCode: string };

/**
 * Starts (or continues) enrolment: a new TOTP secret, its otpauth URI and that URI as an inline SVG QR code. An
 * already confirmed second factor is never replaced this way.
 */
export async function startEnrolment(options: {
  tx: Queryable;
  userId: string;
  email: string;
  now: Date;
}): Promise<EnrolmentStart> {
  const [existing] = await options.tx.select().from(mfaCredentials).where(eq(mfaCredentials.userId, options.userId));
  if (existing?.confirmedAt) {
    throw new DomainRefusal("CONFLICT", "Tweestapsverificatie is voor dit account al ingesteld.");
  }
  let secret = existing?.totpSecret;
  if (!existing || options.now.getTime() - existing.createdAt.getTime() > PENDING_SECRET_MS) {
    secret = generateSecret();
    await options.tx
      .insert(mfaCredentials)
      .values({ userId: options.userId, totpSecret: secret, createdAt: options.now })
      .onConflictDoUpdate({
        target: mfaCredentials.userId,
        set: { totpSecret: secret, createdAt: options.now, lastTimeStep: null },
      });
  }
  if (!secret) throw new Error("no secret");
  const otpauthUri = generateURI({ issuer: ISSUER, label: options.email, secret });
  const svg = await qrCodeSvg(otpauthUri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, otpauthUri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

/** Checks a TOTP code against the stored secret, at most once per time step. */
async function checkTotp(options: {
  tx: Queryable;
  userId: string;
  code: string;
  now: Date;
  confirmed: boolean;
}): Promise<boolean> {
  const code = options.code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(code)) return false;
  const [credential] = await options.tx
    .select()
    .from(mfaCredentials)
    .where(eq(mfaCredentials.userId, options.userId))
    .for("update");
  if (!credential || (credential.confirmedAt !== null) !== options.confirmed) return false;
  const result = await verify({
    secret: credential.totpSecret,
    token: code,
    epoch: Math.floor(options.now.getTime() / 1000),
    epochTolerance: EPOCH_TOLERANCE_S,
    ...(credential.lastTimeStep !== null ? { afterTimeStep: credential.lastTimeStep } : {}),
  });
  if (!result.valid || !("timeStep" in result)) return false;
  await options.tx
    .update(mfaCredentials)
    .set({ lastTimeStep: result.timeStep, ...(options.confirmed ? {} : { confirmedAt: options.now }) })
    .where(eq(mfaCredentials.userId, options.userId));
  return true;
}

/** Uses up one recovery code; false when it is unknown or already used. */
async function useRecoveryCode(options: { tx: Queryable; userId: string; code: string; now: Date }) {
  const normalised = normaliseRecoveryCode(options.code);
  if (!normalised) return false;
  const rows = await options.tx
    .update(mfaRecoveryCodes)
    .set({ usedAt: options.now })
    .where(
      and(
        eq(mfaRecoveryCodes.userId, options.userId),
        eq(mfaRecoveryCodes.codeHash, hashToken(normalised)),
        isNull(mfaRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: mfaRecoveryCodes.id });
  return rows.length === 1;
}

function normaliseRecoveryCode(code: string): string | null {
  const compact = code.replace(/[\s-]+/g, "").toLowerCase();
  return /^[a-z2-7]{16}$/.test(compact) ? compact : null;
}

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/** 16 base32 characters (80 bits) in groups of four: "abcd-efgh-ijkl-mnop". */
function newRecoveryCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((byte) => BASE32[byte % 32]).join("");
  return chars.match(/.{4}/g)?.join("-") ?? chars;
}

async function replaceRecoveryCodes(tx: Queryable, userId: string, now: Date): Promise<string[]> {
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx
    .insert(mfaRecoveryCodes)
    .values(
      codes.map((code) => ({ userId, codeHash: hashToken(normaliseRecoveryCode(code) ?? code), createdAt: now })),
    );
  return codes;
}

type SecondFactorSubject = { userId: string; email: string; sessionId: string; organisationId?: string | null };

/**
 * Runs one second-factor check in its own transaction: throttled like a password, a failure recorded (and
 * committed) before it is reported, a success completing the session with a new token.
 */
async function runSecondFactorStep<T>(options: {
  db: Database;
  subject: SecondFactorSubject;
  meta: RequestMeta;
  now: Date;
  objectType: string;
  check: (tx: Queryable) => Promise<T | null>;
}): Promise<T & { token: string; expiresAt: Date }> {
  const { subject, meta, now } = options;
  const result = await withAuthentication(
    options.db,
    { userId: subject.userId, requestId: meta.requestId },
    async (tx) => {
      if (await isThrottled({ db: tx, email: subject.email, clientAddress: meta.clientAddress, now }))
        return "throttled";
      const audit = {
        userId: subject.userId,
        organisationId: subject.organisationId ?? null,
        purpose: "authentication",
        action: "execute" as const,
        objectType: options.objectType,
        objectId: subject.sessionId,
        requestId: meta.requestId,
        clientAddress: meta.clientAddress,
      };
      const checked = await options.check(tx);
      if (checked === null) {
        await recordLoginFailure({ tx, email: subject.email, clientAddress: meta.clientAddress, now });
        await writeAudit(tx, { ...audit, outcome: "failure" });
        return null;
      }
      const session = await completeSecondFactor({ tx, sessionId: subject.sessionId, now });
      await writeAudit(tx, { ...audit, outcome: "success" });
      return { ...checked, ...session };
    },
  );
  if (result === "throttled") throw new LoginThrottledError();
  if (!result) throw new SecondFactorFailedError();
  return result;
}

/** Second login step: a TOTP code or an unused recovery code. */
export function verifySecondFactor(options: {
  db: Database;
  subject: SecondFactorSubject;
  code: string;
  meta: RequestMeta;
  now: Date;
}) {
  return runSecondFactorStep({
    ...options,
    objectType: "session.mfa",
    check: async (tx) => {
      const viaTotp = await checkTotp({
        tx,
        userId: options.subject.userId,
        code: options.code,
        now: options.now,
        confirmed: true,
      });
      if (viaTotp) return { usedRecoveryCode: false };
      const viaRecovery = await useRecoveryCode({
        tx,
        userId: options.subject.userId,
        code: options.code,
        now: options.now,
      });
      return viaRecovery ? { usedRecoveryCode: true } : null;
    },
  });
}

/** Confirms enrolment with the first correct code; returns the recovery codes, shown once. */
export function confirmEnrolment(options: {
  db: Database;
  subject: SecondFactorSubject;
  code: string;
  meta: RequestMeta;
  now: Date;
}) {
  return runSecondFactorStep({
    ...options,
    objectType: "user.mfa",
    check: async (tx) => {
      const ok = await checkTotp({
        tx,
        userId: options.subject.userId,
        code: options.code,
        now: options.now,
        confirmed: false,
      });
      if (!ok) return null;
      return { recoveryCodes: await replaceRecoveryCodes(tx, options.subject.userId, options.now) };
    },
  });
}

/**
 * Takes away a person's second factor (CLI, for a lost phone without recovery codes): the secret becomes an
 * unconfirmed one that a new enrolment replaces, the recovery codes are deleted and every session ends, so the next
 * login asks to enrol again where a second factor is required. Runs as the authentication role, the only one that
 * may touch these tables (migration 0006); that role cannot delete a credential, hence the reset in place.
 */
export async function resetSecondFactor(options: {
  db: Database;
  email: string;
  operator: { onBehalfOf: string; requestId?: string };
  now?: Date;
}): Promise<{ userId: string; endedSessions: number }> {
  const email = options.email.trim().toLowerCase();
  const now = options.now ?? new Date();
  return withAuthentication(options.db, { requestId: options.operator.requestId }, async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!user) throw new DomainRefusal("NOT_FOUND", "Er bestaat geen account met dit e-mailadres.");
    const { endedSessions } = await applySecondFactorReset({ tx, userId: user.id, now });
    await writeAudit(tx, {
      onBehalfOf: options.operator.onBehalfOf,
      purpose: "beheer",
      action: "update",
      objectType: "user.mfa_reset",
      objectId: user.id,
      outcome: "success",
      requestId: options.operator.requestId,
    });
    return { userId: user.id, endedSessions };
  });
}

/** The reset itself, in the caller's transaction as the authentication role (the CLI's and the beheer page's). */
export async function applySecondFactorReset(options: {
  tx: Queryable;
  userId: string;
  now: Date;
}): Promise<{ endedSessions: number }> {
  const { tx, userId, now } = options;
  await tx
    .update(mfaCredentials)
    // createdAt in the past: the next enrolment makes a new secret rather than showing this one again.
    .set({ totpSecret: generateSecret(), confirmedAt: null, lastTimeStep: null, createdAt: new Date(0) })
    .where(eq(mfaCredentials.userId, userId));
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  return { endedSessions: await revokeAllSessions({ tx, userId, now }) };
}
