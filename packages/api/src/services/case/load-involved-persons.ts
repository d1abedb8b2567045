import { involvedPersons, type Queryable } from "@ketenportaal/db";
import { asc, eq } from "drizzle-orm";

/** A case's directbetrokkenen in their order, as the API shows them. */
export async function loadInvolvedPersons(tx: Queryable, caseId: string) {
  return tx
    .select({
      id: involvedPersons.id,
      position: involvedPersons.position,
      role: involvedPersons.role,
      name: involvedPersons.name,
      birthYear: involvedPersons.birthYear,
      spokenStatus: involvedPersons.spokenStatus,
      notSpokenReason: involvedPersons.notSpokenReason,
    })
    .from(involvedPersons)
    .where(eq(involvedPersons.caseId, caseId))
    .orderBy(asc(involvedPersons.position));
}
