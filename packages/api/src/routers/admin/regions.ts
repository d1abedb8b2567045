import { createRegion, listRegions, updateRegion } from "../../services/admin/manage-regions";
import {
  getContactFrequenciesAsAdmin,
  setContactFrequenciesAsAdmin,
} from "../../services/waiting-list/manage-waiting-list";
import { authedProcedure, router } from "../../trpc";
import {
  ZContactFrequenciesResponse,
  ZCreateRegion,
  ZRegionChangeResponse,
  ZRegionsResponse,
  ZSetContactFrequenciesRequest,
  ZSetContactFrequenciesResponse,
  ZUpdateRegion,
} from "./regions.types";

/**
 * Regions (issue 10, decision 020), kept by a VT organisation's functioneel beheerder: gemeenten, aanspreekpunt,
 * acceptance and first-contact deadlines (new deadlines only), and the wachtlijst's contact frequencies.
 */
export const regionsAdminRouter = router({
  list: authedProcedure.output(ZRegionsResponse).query(({ ctx }) => listRegions({ ctx })),
  create: authedProcedure
    .input(ZCreateRegion)
    .output(ZRegionChangeResponse)
    .mutation(({ ctx, input }) => createRegion({ ctx, input })),
  update: authedProcedure
    .input(ZUpdateRegion)
    .output(ZRegionChangeResponse)
    .mutation(({ ctx, input }) => updateRegion({ ctx, input })),
  contactFrequencies: authedProcedure
    .output(ZContactFrequenciesResponse)
    .query(({ ctx }) => getContactFrequenciesAsAdmin({ ctx })),
  setContactFrequencies: authedProcedure
    .input(ZSetContactFrequenciesRequest)
    .output(ZSetContactFrequenciesResponse)
    .mutation(({ ctx, input }) => setContactFrequenciesAsAdmin({ ctx, input })),
});
