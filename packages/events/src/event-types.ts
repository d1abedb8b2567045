/** Aggregates that publish events; the type names are a public contract for partner systems. */
export const aggregates = ["handover", "vv", "table", "continuity_plan", "case"] as const;
export type Aggregate = (typeof aggregates)[number];

const EVENT_NAME = /^[a-z][a-z_]*$/;

/** `nl.ketenportaal.<aggregate>.<event>.v<version>`, e.g. `nl.ketenportaal.handover.offered.v1`. */
export function eventTypeName(options: { aggregate: Aggregate; event: string; version?: number }): string {
  if (!EVENT_NAME.test(options.event)) throw new Error(`invalid event name: ${options.event}`);
  return `nl.ketenportaal.${options.aggregate}.${options.event}.v${options.version ?? 1}`;
}

/** The NL GOV CloudEvents source: VT's OIN and the portal as the system. */
export function eventSource(options: { vtOin: string }): string {
  if (!/^\d{20}$/.test(options.vtOin)) throw new Error("an OIN has 20 digits");
  return `urn:nld:oin:${options.vtOin}:systeem:ketenportaal`;
}
