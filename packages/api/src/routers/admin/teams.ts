import { createTeam, listTeams, sendTeamTestMessage, updateTeam } from "../../services/admin/manage-teams";
import { authedProcedure, router } from "../../trpc";
import {
  ZCreateTeam,
  ZListTeams,
  ZSendTeamTestMessage,
  ZSendTeamTestMessageResponse,
  ZTeamChangeResponse,
  ZTeamsResponse,
  ZUpdateTeam,
} from "./teams.types";

/**
 * Teams (issue 10): the VT beheerder manages every team (name, gemeenten, notification address); a partner
 * coördinator the notification address of their own organisation's teams. Both may send a test message.
 */
export const teamsAdminRouter = router({
  list: authedProcedure
    .input(ZListTeams)
    .output(ZTeamsResponse)
    .query(({ ctx, input }) => listTeams({ ctx, input })),
  create: authedProcedure
    .input(ZCreateTeam)
    .output(ZTeamChangeResponse)
    .mutation(({ ctx, input }) => createTeam({ ctx, input })),
  update: authedProcedure
    .input(ZUpdateTeam)
    .output(ZTeamChangeResponse)
    .mutation(({ ctx, input }) => updateTeam({ ctx, input })),
  sendTestMessage: authedProcedure
    .input(ZSendTeamTestMessage)
    .output(ZSendTeamTestMessageResponse)
    .mutation(({ ctx, input }) => sendTeamTestMessage({ ctx, input })),
});
