import { adminRouter } from "./routers/admin";
import { inviteRouter } from "./routers/auth/invite";
import { loginMethodsRoute, loginRoute } from "./routers/auth/login";
import { logoutRoute } from "./routers/auth/logout";
import { mfaRouter } from "./routers/auth/mfa";
import { oidcRouter } from "./routers/auth/oidc";
import { caseRouter } from "./routers/case";
import { continuityPlanRouter } from "./routers/continuity-plan";
import { handoverRouter } from "./routers/handover";
import { meRoute } from "./routers/me";
import { notificationRouter } from "./routers/notification";
import { reportRouter } from "./routers/report";
import { tableRouter } from "./routers/table";
import { vvRouter } from "./routers/vv";
import { waitingListRouter } from "./routers/waiting-list";
import { webhookRouter } from "./routers/webhook";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  me: meRoute,
  auth: router({
    login: loginRoute,
    logout: logoutRoute,
    methods: loginMethodsRoute,
    mfa: mfaRouter,
    oidc: oidcRouter,
    invite: inviteRouter,
  }),
  case: caseRouter,
  continuityPlan: continuityPlanRouter,
  handover: handoverRouter,
  notification: notificationRouter,
  report: reportRouter,
  table: tableRouter,
  vv: vvRouter,
  waitingList: waitingListRouter,
  webhook: webhookRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;

export const createApiCaller = createCallerFactory(appRouter);
export type ApiCaller = ReturnType<typeof createApiCaller>;
