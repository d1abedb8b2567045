import { createOrganisation, listOrganisations, updateOrganisation } from "../../services/admin/manage-organisations";
import { authedProcedure, router } from "../../trpc";
import {
  ZCreateOrganisation,
  ZOrganisationChangeResponse,
  ZOrganisationsResponse,
  ZUpdateOrganisation,
} from "./organisations.types";

/**
 * Organisaties (issue 10): the VT organisation's functioneel beheerder lists, creates and edits the chain's
 * organisations; deactivating is the only way out. The service refuses everyone else; every call is audited.
 */
export const organisationsAdminRouter = router({
  list: authedProcedure.output(ZOrganisationsResponse).query(({ ctx }) => listOrganisations({ ctx })),
  create: authedProcedure
    .input(ZCreateOrganisation)
    .output(ZOrganisationChangeResponse)
    .mutation(({ ctx, input }) => createOrganisation({ ctx, input })),
  update: authedProcedure
    .input(ZUpdateOrganisation)
    .output(ZOrganisationChangeResponse)
    .mutation(({ ctx, input }) => updateOrganisation({ ctx, input })),
});
