import type { AuthedContext } from "../../context";
import { DomainRefusal } from "../errors";
import { isPartnerCaseworker, isVtCaseworker } from "../handover/access";
import { listCaseworkOrganisations } from "../table/form-options";

/**
 * The choices of the V&V forms: organisations with the people who do casework there — the partner and its worker
 * when opening, attendees of a monitoring moment, and the follow-up owner when closing.
 */
export async function vvFormOptions(options: { ctx: AuthedContext }) {
  const { ctx } = options;
  if (!isVtCaseworker(ctx.principal) && !isPartnerCaseworker(ctx.principal)) {
    throw new DomainRefusal("FORBIDDEN", "U heeft geen toegang tot V&V-trajecten.");
  }
  return { organisations: await listCaseworkOrganisations(ctx.tx) };
}
