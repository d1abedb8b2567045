/**
 * Where a notice leads: its handover, its V&V trajectory, or the melding whose triage a change signal re-opened;
 * some notices (a deadline summary) lead nowhere.
 */
export function notificationHref(item: {
  handoverId: string | null;
  vvTrajectoryId?: string | null;
  triageCaseId?: string | null;
}): string | null {
  if (item.handoverId) return `/overdrachten/${item.handoverId}`;
  if (item.vvTrajectoryId) return `/voorwaarden-en-vervolg/${item.vvTrajectoryId}`;
  if (item.triageCaseId) return `/triage/${item.triageCaseId}`;
  return null;
}
