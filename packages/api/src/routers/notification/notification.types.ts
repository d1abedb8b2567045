import { z } from "zod";
import { ZCursorPage, ZId, ZPage } from "../handover/shared.types";

export const ZNotification = z.object({
  id: ZId,
  kind: z.string(),
  /** Dutch sentence without personal data, e.g. "Nieuwe overdracht aangeboden aan Wijkteam Haarlem". */
  message: z.string(),
  handoverId: ZId.nullable(),
  /** Set on V&V notices: the trajectory to link to. */
  vvTrajectoryId: ZId.nullable(),
  /** Set on a change signal's notice: the case whose triage was re-opened. */
  triageCaseId: ZId.nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});
export const ZListNotificationsRequest = ZCursorPage.extend({ unreadOnly: z.boolean().optional() });
export const ZListNotificationsResponse = ZPage(ZNotification);
export const ZUnreadCountResponse = z.object({ count: z.number().int() });
export const ZMarkReadRequest = z.object({
  ids: z.array(ZId).max(100).optional(),
  /** Everything about this handover: opening it means having seen what it says. */
  handoverId: ZId.optional(),
  all: z.boolean().optional(),
});
