import type { AuthedContext } from "../../context";
import { DomainRefusal } from "../errors";
import { requireFunctionalAdmin } from "./admin-access";

/**
 * Organisations and teams of the whole chain are set up by the functioneel beheerder of the VT organisation (the
 * portal's owner); a partner's beheerder, if any, is refused like everyone else.
 */
export function requireVtFunctionalAdmin(
  ctx: AuthedContext,
  nonVtMessage = "Organisaties en teams worden beheerd door de functioneel beheerder van Veilig Thuis.",
): void {
  requireFunctionalAdmin(ctx);
  if (ctx.principal.organisation.kind !== "vt") throw new DomainRefusal("FORBIDDEN", nonVtMessage);
}

export function isVtFunctionalAdmin(ctx: AuthedContext): boolean {
  return ctx.principal.roles.includes("functional_admin") && ctx.principal.organisation.kind === "vt";
}

/** A field's problem as a refusal that the form shows at the field; nothing was written. */
export function refuseField(field: string, message: string): never {
  throw new DomainRefusal("BAD_REQUEST", message, { fieldErrors: { [field]: [message] } });
}
