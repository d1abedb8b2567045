import {
  getContactFrequenciesAsAdmin,
  setContactFrequenciesAsAdmin,
} from "../../services/waiting-list/manage-waiting-list";
import { authedProcedure, router } from "../../trpc";
import {
  ZContactFrequenciesResponse,
  ZSetContactFrequenciesRequest,
  ZSetContactFrequenciesResponse,
} from "./regions.types";

/** Region settings a VT organisation's functioneel beheerder keeps: the wachtlijst's contact frequencies. */
export const regionsAdminRouter = router({
  contactFrequencies: authedProcedure
    .output(ZContactFrequenciesResponse)
    .query(({ ctx }) => getContactFrequenciesAsAdmin({ ctx })),
  setContactFrequencies: authedProcedure
    .input(ZSetContactFrequenciesRequest)
    .output(ZSetContactFrequenciesResponse)
    .mutation(({ ctx, input }) => setContactFrequenciesAsAdmin({ ctx, input })),
});
