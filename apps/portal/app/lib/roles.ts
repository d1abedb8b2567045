import type { Role } from "@ketenportaal/api";
import { nl } from "../messages/nl";

const catalogueOrder = Object.keys(nl.roles) as Role[];

/** The Dutch names of the given roles, each once, in the catalogue's order. */
export function roleLabels(roles: readonly Role[]): string[] {
  return catalogueOrder.filter((role) => roles.includes(role)).map((role) => nl.roles[role]);
}
