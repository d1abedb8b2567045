import { loginRoute } from "./routers/auth/login";
import { logoutRoute } from "./routers/auth/logout";
import { meRoute } from "./routers/me";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  me: meRoute,
  auth: router({
    login: loginRoute,
    logout: logoutRoute,
  }),
});

export type AppRouter = typeof appRouter;

export const createApiCaller = createCallerFactory(appRouter);
export type ApiCaller = ReturnType<typeof createApiCaller>;
