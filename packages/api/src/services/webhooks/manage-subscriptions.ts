import { municipalities, organisations, teams, webhookSubscriptions } from "@ketenportaal/db";
import { generateWebhookSecret } from "@ketenportaal/events";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { AuthedContext } from "../../context";
import type {
  ZCreateWebhookSubscriptionRequest,
  ZCreateWebhookSubscriptionResponse,
  ZDeleteWebhookSubscriptionResponse,
  ZWebhookSubscription,
} from "../../routers/webhook/webhook.types";
import { auditActorOf, writeAudit } from "../audit/write-audit";
import { DomainRefusal } from "../errors";
import { performWebhookHandshake } from "./handshake";
import { checkCallbackTarget, strictTargetPolicy, WebhookTargetRefused } from "./webhook-target";

type SubscriptionView = z.infer<typeof ZWebhookSubscription>;
type CreateInput = z.infer<typeof ZCreateWebhookSubscriptionRequest>;

const refusedRole =
  "Webhook-abonnementen beheert het registratiesysteem van de organisatie (service-account), de coördinator van " +
  "de organisatie of een functioneel beheerder.";

/**
 * Who manages abonnementen: a partner system for its own organisation (its service account), the organisation's
 * coördinator, and the functioneel beheerder for any organisation ("or a beheerder for it", issue 9). Row-level
 * security backs this up at organisation level (migration 0008).
 */
function isAdmin(ctx: AuthedContext): boolean {
  return ctx.principal.roles.includes("functional_admin");
}

function requireWebhookManager(ctx: AuthedContext): void {
  const { principal } = ctx;
  if (principal.kind === "service_account" || isAdmin(ctx) || principal.roles.includes("partner_coordinator")) return;
  throw new DomainRefusal("FORBIDDEN", refusedRole);
}

async function auditWebhookCall(
  ctx: AuthedContext,
  entry: { action: "create" | "read" | "delete"; objectId: string | null },
): Promise<void> {
  await writeAudit(ctx.tx, {
    ...auditActorOf(ctx),
    purpose: "koppeling",
    action: entry.action,
    objectType: entry.action === "read" ? "webhook_subscription.list" : "webhook_subscription",
    objectId: entry.objectId,
    outcome: "success",
  });
}

const columns = {
  id: webhookSubscriptions.id,
  organisationId: webhookSubscriptions.organisationId,
  organisationName: organisations.name,
  callbackUrl: webhookSubscriptions.callbackUrl,
  contactEmail: webhookSubscriptions.contactEmail,
  eventTypes: webhookSubscriptions.eventTypes,
  municipalityCodes: webhookSubscriptions.municipalityCodes,
  teamIds: webhookSubscriptions.teamIds,
  status: webhookSubscriptions.status,
  activatedAt: webhookSubscriptions.activatedAt,
  consecutiveFailures: webhookSubscriptions.consecutiveFailures,
  lastFailureAt: webhookSubscriptions.lastFailureAt,
  suspendedAt: webhookSubscriptions.suspendedAt,
  createdAt: webhookSubscriptions.createdAt,
  updatedAt: webhookSubscriptions.updatedAt,
  pending: sql<number>`(select count(*)::int from webhook_deliveries d
    where d.subscription_id = ${webhookSubscriptions.id} and d.status = 'pending')`,
  delivered: sql<number>`(select count(*)::int from webhook_deliveries d
    where d.subscription_id = ${webhookSubscriptions.id} and d.status = 'delivered')`,
  failed: sql<number>`(select count(*)::int from webhook_deliveries d
    where d.subscription_id = ${webhookSubscriptions.id} and d.status = 'failed')`,
};

type Row = {
  [K in keyof typeof columns]: unknown;
};

function toView(row: Row): SubscriptionView {
  const r = row as {
    id: string;
    organisationId: string;
    organisationName: string;
    callbackUrl: string;
    contactEmail: string;
    eventTypes: string[];
    municipalityCodes: string[];
    teamIds: string[];
    status: SubscriptionView["status"];
    activatedAt: Date | null;
    consecutiveFailures: number;
    lastFailureAt: Date | null;
    suspendedAt: Date | null;
    createdAt: Date;
    updatedAt: Date;
    pending: number;
    delivered: number;
    failed: number;
  };
  return {
    id: r.id,
    organisation: { id: r.organisationId, name: r.organisationName },
    callbackUrl: r.callbackUrl,
    contactEmail: r.contactEmail,
    eventTypes: r.eventTypes,
    municipalityCodes: r.municipalityCodes,
    teamIds: r.teamIds,
    status: r.status,
    activatedAt: r.activatedAt,
    consecutiveFailures: r.consecutiveFailures,
    lastFailureAt: r.lastFailureAt,
    suspendedAt: r.suspendedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    deliveries: { pending: Number(r.pending), delivered: Number(r.delivered), failed: Number(r.failed) },
  };
}

/** One abonnement the caller may see (its own organisation's; the beheerder: any), or NOT_FOUND. */
async function loadSubscription(ctx: AuthedContext, id: string): Promise<SubscriptionView> {
  const conditions = [eq(webhookSubscriptions.id, id), isNull(webhookSubscriptions.deletedAt)];
  if (!isAdmin(ctx)) conditions.push(eq(webhookSubscriptions.organisationId, ctx.principal.organisation.id));
  const [row] = await ctx.tx
    .select(columns)
    .from(webhookSubscriptions)
    .innerJoin(organisations, eq(organisations.id, webhookSubscriptions.organisationId))
    .where(and(...conditions));
  if (!row) throw new DomainRefusal("NOT_FOUND", "Dit webhook-abonnement bestaat niet.");
  return toView(row);
}

/** The abonnementen of the caller's organisation (the beheerder: of every organisation), oldest first. */
export async function listWebhookSubscriptions(options: {
  ctx: AuthedContext;
}): Promise<{ items: SubscriptionView[] }> {
  const { ctx } = options;
  requireWebhookManager(ctx);
  const conditions = [isNull(webhookSubscriptions.deletedAt)];
  if (!isAdmin(ctx)) conditions.push(eq(webhookSubscriptions.organisationId, ctx.principal.organisation.id));
  const rows = await ctx.tx
    .select(columns)
    .from(webhookSubscriptions)
    .innerJoin(organisations, eq(organisations.id, webhookSubscriptions.organisationId))
    .where(and(...conditions))
    .orderBy(asc(organisations.name), asc(webhookSubscriptions.createdAt));
  const items = rows.map(toView);
  await auditWebhookCall(ctx, { action: "read", objectId: items.map((item) => item.id).join(" ") || null });
  return { items };
}

export async function getWebhookSubscription(options: { ctx: AuthedContext; id: string }): Promise<SubscriptionView> {
  const { ctx } = options;
  requireWebhookManager(ctx);
  const view = await loadSubscription(ctx, options.id);
  await auditWebhookCall(ctx, { action: "read", objectId: view.id });
  return view;
}

function refuseInput(field: string, message: string): never {
  throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { [field]: [message] } });
}

/**
 * Registers an abonnement. The callback must be an allowed target (https, a public address: no SSRF) and must
 * confirm the validation handshake before anything is stored; then it is active at once, and events committed from
 * now on that are addressed to the organisation and pass the filters are delivered. The signing secret is in the
 * answer this once.
 */
export async function createWebhookSubscription(options: {
  ctx: AuthedContext;
  input: CreateInput;
}): Promise<z.infer<typeof ZCreateWebhookSubscriptionResponse>> {
  const { ctx, input } = options;
  requireWebhookManager(ctx);
  const organisationId = input.organisationId ?? ctx.principal.organisation.id;
  if (organisationId !== ctx.principal.organisation.id && !isAdmin(ctx)) {
    throw new DomainRefusal("FORBIDDEN", "U kunt alleen een abonnement voor uw eigen organisatie registreren.");
  }
  const [organisation] = await ctx.tx
    .select({ id: organisations.id, active: organisations.active })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation?.active) refuseInput("organisationId", "Deze organisatie bestaat niet of is niet actief.");

  const teamIds = [...new Set(input.teamIds ?? [])];
  if (teamIds.length > 0) {
    const found = await ctx.tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(inArray(teams.id, teamIds), eq(teams.organisationId, organisationId)));
    if (found.length !== teamIds.length) refuseInput("teamIds", "Een of meer teams horen niet bij deze organisatie.");
  }
  const municipalityCodes = [...new Set(input.municipalityCodes ?? [])];
  if (municipalityCodes.length > 0) {
    const found = await ctx.tx
      .select({ code: municipalities.code })
      .from(municipalities)
      .where(inArray(municipalities.code, municipalityCodes));
    if (found.length !== municipalityCodes.length) refuseInput("municipalityCodes", "Onbekende gemeentecode.");
  }

  const policy = ctx.config.webhooks?.targetPolicy ?? strictTargetPolicy;
  try {
    await checkCallbackTarget(input.callbackUrl, policy);
  } catch (error) {
    if (error instanceof WebhookTargetRefused) refuseInput("callbackUrl", error.message);
    throw error;
  }
  const handshake = await performWebhookHandshake({
    callbackUrl: input.callbackUrl,
    origin: webhookRequestOrigin(ctx.config.publicUrl),
    authorization: input.authorization ?? null,
    policy,
  });
  if (!handshake.ok) refuseInput("callbackUrl", `Het abonnement is niet geregistreerd. ${handshake.message}`);

  const id = crypto.randomUUID();
  const signingSecret = generateWebhookSecret();
  const now = ctx.now();
  const { principal } = ctx;
  // Only the granted columns (an INSERT naming a column, even as DEFAULT, needs the grant) and no RETURNING: a
  // request may write the secret columns but is not granted to read them back.
  const textArray = (values: string[]) =>
    sql`array[${sql.join(
      values.map((value) => sql`${value}`),
      sql`, `,
    )}]::text[]`;
  const uuidArray = (values: string[]) =>
    sql`array[${sql.join(
      values.map((value) => sql`${value}`),
      sql`, `,
    )}]::uuid[]`;
  await ctx.tx.execute(
    sql`insert into webhook_subscriptions (id, organisation_id, callback_url, "authorization", signing_secret,
          event_types, municipality_codes, team_ids, contact_email, status, activated_at, created_by_user_id,
          created_by_service_account_id, created_at, updated_at)
        values (${id}, ${organisationId}, ${input.callbackUrl}, ${input.authorization ?? null}, ${signingSecret},
          ${textArray([...new Set(input.eventTypes ?? [])])}, ${textArray(municipalityCodes)}, ${uuidArray(teamIds)},
          ${input.contactEmail}, 'active', ${now.toISOString()}::timestamptz,
          ${principal.kind === "user" ? principal.user.id : null},
          ${principal.kind === "service_account" ? principal.serviceAccountId : null},
          ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz)`,
  );
  await auditWebhookCall(ctx, { action: "create", objectId: id });
  return { ...(await loadSubscription(ctx, id)), signingSecret };
}

/** Ends an abonnement: no new deliveries from now on; its delivery history stays for the beheerder. */
export async function deleteWebhookSubscription(options: {
  ctx: AuthedContext;
  id: string;
}): Promise<z.infer<typeof ZDeleteWebhookSubscriptionResponse>> {
  const { ctx, id } = options;
  requireWebhookManager(ctx);
  await loadSubscription(ctx, id);
  const deletedAt = ctx.now();
  await ctx.tx
    .update(webhookSubscriptions)
    .set({ deletedAt, updatedAt: deletedAt })
    .where(and(eq(webhookSubscriptions.id, id), isNull(webhookSubscriptions.deletedAt)));
  await auditWebhookCall(ctx, { action: "delete", objectId: id });
  return { id, deletedAt };
}

/** The `WebHook-Request-Origin` we announce: the portal's host name. */
export function webhookRequestOrigin(publicUrl: string): string {
  return new URL(publicUrl).host;
}
