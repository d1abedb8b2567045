import { involvedPersons, type Queryable } from "@ketenportaal/db";
import { maskBsn } from "@ketenportaal/domain";
import { asc, eq } from "drizzle-orm";

/** A case's directbetrokkenen in their order, as the API shows them: the BSN masked (the role cannot read more). */
export async function loadInvolvedPersons(tx: Queryable, caseId: string) {
  const rows = await tx
    .select({
      id: involvedPersons.id,
      position: involvedPersons.position,
      role: involvedPersons.role,
      name: involvedPersons.name,
      birthYear: involvedPersons.birthYear,
      bsnLastDigits: involvedPersons.bsnLastDigits,
      spokenStatus: involvedPersons.spokenStatus,
      notSpokenReason: involvedPersons.notSpokenReason,
    })
    .from(involvedPersons)
    .where(eq(involvedPersons.caseId, caseId))
    .orderBy(asc(involvedPersons.position));
  return rows.map(({ bsnLastDigits, ...person }) => ({
    ...person,
    bsnMasked: bsnLastDigits === null ? null : maskBsn(bsnLastDigits),
  }));
}
