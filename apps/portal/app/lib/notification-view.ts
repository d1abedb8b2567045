/** Where a notice leads: its handover, or its V&V trajectory; some notices (a deadline summary) lead nowhere. */
export function notificationHref(item: { handoverId: string | null; vvTrajectoryId?: string | null }): string | null {
  if (item.handoverId) return `/overdrachten/${item.handoverId}`;
  if (item.vvTrajectoryId) return `/voorwaarden-en-vervolg/${item.vvTrajectoryId}`;
  return null;
}
