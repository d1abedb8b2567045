import { nl } from "../messages/nl";
import type { OutboxEvent } from "./api-types";
import { formatDateTime } from "./format";

const m = nl.adminEvents;

/** One row of the Gebeurtenissen table, formatted on the server so the browser hydrates the same text. */
export type OutboxEventRow = {
  id: string;
  position: number;
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  sequence: number;
  topic: string;
  createdAt: string;
  published: string;
  isPublished: boolean;
  attempts: number;
  /** The stored payload as indented JSON; by contract it carries ids, statuses and dates only. */
  payload: string;
};

export function outboxEventRowOf(event: OutboxEvent): OutboxEventRow {
  return {
    id: event.id,
    position: event.position,
    eventType: event.eventType,
    aggregateType: m.aggregateTypes[event.aggregateType] ?? event.aggregateType,
    aggregateId: event.aggregateId,
    sequence: event.sequence,
    topic: event.topic,
    createdAt: formatDateTime(event.createdAt),
    published: event.publishedAt ? m.publishedAt(formatDateTime(event.publishedAt)) : m.notPublished,
    isPublished: event.publishedAt !== null,
    attempts: event.attempts,
    payload: JSON.stringify(event.payload, null, 2),
  };
}
