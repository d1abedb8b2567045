import type { LocalDate } from "../working-days";

/** A monitoring moment is scheduled, then recorded; one not recorded after its date is overdue. */
export const vvMonitoringStates = ["scheduled", "overdue", "recorded"] as const;
export type VvMonitoringState = (typeof vvMonitoringStates)[number];

export const vvMonitoringStateLabels = {
  scheduled: "gepland",
  overdue: "te laat",
  recorded: "vastgelegd",
} as const satisfies Record<VvMonitoringState, string>;

/**
 * The state of a moment on a given day. The scheduled day itself still counts as on time: the moment may be that
 * afternoon and recorded the same evening.
 */
export function monitoringStateOf(options: {
  scheduledOn: LocalDate;
  recordedAt: Date | null;
  today: LocalDate;
}): VvMonitoringState {
  if (options.recordedAt !== null) return "recorded";
  return options.scheduledOn < options.today ? "overdue" : "scheduled";
}

export function isMonitoringOverdue(options: { scheduledOn: LocalDate; recordedAt: Date | null; today: LocalDate }) {
  return monitoringStateOf(options) === "overdue";
}

/** A new moment lies today or later: planning one in the past would be recording it. */
export function checkMonitoringSchedule(options: { scheduledOn: LocalDate; today: LocalDate }): string | null {
  return options.scheduledOn < options.today ? "Plan het monitoringsmoment op vandaag of later." : null;
}

/** A moment is recorded once, and not before its day has come. */
export function checkMonitoringRecord(options: {
  scheduledOn: LocalDate;
  recordedAt: Date | null;
  today: LocalDate;
}): string | null {
  if (options.recordedAt !== null) return "Dit monitoringsmoment is al vastgelegd.";
  if (options.scheduledOn > options.today) return "Een monitoringsmoment legt u vast op of na de geplande datum.";
  return null;
}
