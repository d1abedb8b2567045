import { authedProcedure } from "../trpc";
import { ZMeResponse } from "./me.types";

/** Who am I: the person or partner system behind this request, its organisation, team and roles. */
export const meRoute = authedProcedure.output(ZMeResponse).query(({ ctx }) => {
  const { principal } = ctx;
  if (principal.kind === "user") {
    return {
      kind: "user" as const,
      user: principal.user,
      serviceAccount: null,
      organisation: principal.organisation,
      team: principal.team,
      roles: principal.roles,
    };
  }
  return {
    kind: "service_account" as const,
    user: null,
    serviceAccount: { id: principal.serviceAccountId, name: principal.name },
    organisation: principal.organisation,
    team: null,
    roles: principal.roles,
  };
});
