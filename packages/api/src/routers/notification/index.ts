import { z } from "zod";
import {
  countUnreadNotifications,
  listNotifications,
  markNotificationsRead,
} from "../../services/notification/notifications";
import { router, userProcedure } from "../../trpc";
import {
  ZListNotificationsRequest,
  ZListNotificationsResponse,
  ZMarkReadRequest,
  ZUnreadCountResponse,
} from "./notification.types";

/** The signed-in person's in-portal notifications. */
export const notificationRouter = router({
  list: userProcedure
    .input(ZListNotificationsRequest.optional())
    .output(ZListNotificationsResponse)
    .query(({ ctx, input }) => listNotifications({ ctx, page: input ?? { limit: 50 } })),
  unreadCount: userProcedure
    .input(z.void())
    .output(ZUnreadCountResponse)
    .query(({ ctx }) => countUnreadNotifications({ ctx })),
  markRead: userProcedure
    .input(ZMarkReadRequest)
    .output(z.object({ updated: z.number().int() }))
    .mutation(({ ctx, input }) => markNotificationsRead({ ctx, ...input })),
});
