import { nl } from "../messages/nl";

/** The working days left in words, so "te laat" never rests on colour alone. */
export function workingDaysLeftText(left: number): string {
  if (left < 0) return nl.triage.overdue(-left);
  if (left === 0) return nl.triage.dueToday;
  return nl.triage.workingDays(left);
}

const wallClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** An instant as the date and time inputs show it in Amsterdam: { date: "2026-12-21", time: "10:00" }. */
export function amsterdamDateAndTime(instant: Date): { date: string; time: string } {
  const parts = Object.fromEntries(wallClock.formatToParts(instant).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
