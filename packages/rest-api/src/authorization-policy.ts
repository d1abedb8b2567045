/**
 * A partner system's relation to the record an operation is about, from the organisation of its service account:
 * `own` — the record belongs to that organisation (VT's own handover, the organisation's own webhook abonnement);
 * `addressed` — it is offered to that organisation; `other` — neither. Operations about no record (lists, a new
 * abonnement) use `none`.
 */
export type RestRelation = "own" | "addressed" | "other" | "none";

/**
 * Who may call which `/api/v1` operation, by operationId: the relations in which a service account gets past
 * authorisation. A partner system acts for its whole organisation (every team), with a partner coördinator's
 * rights on what is addressed to it. The REST authorisation matrix calls every operation of the OpenAPI document
 * as a service account of each relation and compares with this table; an operation missing here fails it.
 */
export const REST_AUTHORIZATION_POLICY: Record<string, readonly RestRelation[]> = {
  // The document is public (ADR); a partner system reads it like anyone.
  openapiDocument: ["none"],
  lijstOverdrachten: ["none"],
  // VT's own registration system may read its handovers; a partner reads what is offered to it.
  haalOverdrachtOp: ["own", "addressed"],
  accepteerOverdracht: ["addressed"],
  wijsOverdrachtAf: ["addressed"],
  registreerEersteContact: ["addressed"],
  rondOverdrachtAf: ["addressed"],
  meldOverdrachtTerug: ["addressed"],
  // Webhook abonnementen: every partner system manages its own organisation's; another's does not exist for it.
  lijstAbonnementen: ["none"],
  registreerAbonnement: ["none"],
  haalAbonnementOp: ["own"],
  verwijderAbonnement: ["own"],
};

export function isRestCallAllowed(operationId: string, relation: RestRelation): boolean {
  return REST_AUTHORIZATION_POLICY[operationId]?.includes(relation) ?? false;
}
