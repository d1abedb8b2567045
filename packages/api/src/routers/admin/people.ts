import {
  deactivatePerson,
  invitePerson,
  listPeople,
  reactivatePerson,
  reinvitePerson,
  resetPersonMfa,
  revokePersonInvites,
  updateMembership,
} from "../../services/admin/manage-people";
import { authedProcedure, router } from "../../trpc";
import {
  ZInvitePerson,
  ZInvitePersonResponse,
  ZListPeople,
  ZPeopleResponse,
  ZPersonChangeResponse,
  ZPersonRequest,
  ZUpdateMembership,
} from "./people.types";

/**
 * Mensen (issue 10): the VT beheerder invites and manages everyone; a partner coördinator the people of their own
 * organisation in partner roles. The service refuses everyone else; every call is audited.
 */
export const peopleAdminRouter = router({
  list: authedProcedure
    .input(ZListPeople)
    .output(ZPeopleResponse)
    .query(({ ctx, input }) => listPeople({ ctx, input })),
  invite: authedProcedure
    .input(ZInvitePerson)
    .output(ZInvitePersonResponse)
    .mutation(({ ctx, input }) => invitePerson({ ctx, input })),
  update: authedProcedure
    .input(ZUpdateMembership)
    .output(ZPersonChangeResponse)
    .mutation(({ ctx, input }) => updateMembership({ ctx, input })),
  deactivate: authedProcedure
    .input(ZPersonRequest)
    .output(ZPersonChangeResponse)
    .mutation(({ ctx, input }) => deactivatePerson({ ctx, input })),
  reactivate: authedProcedure
    .input(ZPersonRequest)
    .output(ZPersonChangeResponse)
    .mutation(({ ctx, input }) => reactivatePerson({ ctx, input })),
  reinvite: authedProcedure
    .input(ZPersonRequest)
    .output(ZInvitePersonResponse)
    .mutation(({ ctx, input }) => reinvitePerson({ ctx, input })),
  revokeInvite: authedProcedure
    .input(ZPersonRequest)
    .output(ZPersonChangeResponse)
    .mutation(({ ctx, input }) => revokePersonInvites({ ctx, input })),
  resetMfa: authedProcedure
    .input(ZPersonRequest)
    .output(ZPersonChangeResponse)
    .mutation(({ ctx, input }) => resetPersonMfa({ ctx, input })),
});
