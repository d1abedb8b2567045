import { type Database, executeRows } from "@ketenportaal/db";
import { withSystemTask } from "@ketenportaal/db/system";
import { sql } from "drizzle-orm";

/**
 * Creates the webhook deliveries of the next outbox events, in outbox order, and marks those events fanned out — in
 * one transaction, so an event gets its deliveries exactly once. One fan-out runs at a time (a transaction advisory
 * lock): it is database work only, and in one place the deliveries of one aggregate are created in its commit order.
 *
 * An event reaches an abonnement when the abonnement's organisation is the event's addressee — the VT owner, the
 * handover's receiving organisation, the trajectory's partner, the table decision's receiver, a closed table's
 * participants, every organisation for VT's continuity plan (it concerns the whole chain) — and it passes the filters (empty = all): event type, gemeente, and team (only handover events name a
 * team, so a team filter lets only those through). Only events committed after the abonnement became active count.
 * This is independent of Kafka: without KAFKA_BROKERS nothing is published, and webhooks still go out.
 */
export async function fanOutWebhookEvents(options: {
  db: Database;
  batchSize?: number;
}): Promise<{ events: number; deliveries: number }> {
  const batchSize = options.batchSize ?? 200;
  return withSystemTask(options.db, { task: "webhook-fan-out" }, async (tx) => {
    const [lock] = await executeRows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(hashtextextended('ketenportaal_webhook_fan_out', 0)) as locked`,
    );
    if (!lock?.locked) return { events: 0, deliveries: 0 };
    const events = await executeRows<{ id: string }>(
      tx,
      sql`select id from outbox where webhooks_fanned_out_at is null order by position limit ${batchSize} for update`,
    );
    if (events.length === 0) return { events: 0, deliveries: 0 };
    const ids = sql`array[${sql.join(
      events.map((event) => sql`${event.id}::uuid`),
      sql`, `,
    )}]`;
    const created = await executeRows<{ id: string }>(
      tx,
      sql`insert into webhook_deliveries (subscription_id, outbox_event_id, outbox_position)
          select s.id, o.id, o.position
          from outbox o
          join webhook_subscriptions s
            on s.status = 'active' and s.deleted_at is null and s.activated_at <= o.created_at
           and (s.organisation_id::text in (o.payload->>'organisationId', o.payload->>'targetOrganisationId',
                  o.payload->>'partnerOrganisationId', o.payload->>'receivingOrganisationId')
                or coalesce(o.payload->'participantOrganisationIds', '[]'::jsonb)
                   @> jsonb_build_array(s.organisation_id::text)
                or o.aggregate_type = 'continuity_plan')
           and (cardinality(s.event_types) = 0 or o.event_type = any(s.event_types))
           and (cardinality(s.municipality_codes) = 0 or o.payload->>'municipalityCode' = any(s.municipality_codes))
           and (cardinality(s.team_ids) = 0 or o.payload->>'targetTeamId' = any(s.team_ids::text[]))
          where o.id = any(${ids})
          order by o.position
          on conflict (subscription_id, outbox_event_id) do nothing
          returning id`,
    );
    await tx.execute(sql`update outbox set webhooks_fanned_out_at = now() where id = any(${ids})`);
    return { events: events.length, deliveries: created.length };
  });
}
