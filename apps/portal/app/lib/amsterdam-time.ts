import { isLocalDate } from "./format";

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether the text is a clock time as a time input sends it: "14:00". */
export function isLocalTime(value: string): boolean {
  return TIME.test(value);
}

const offsetParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** Minutes Amsterdam is ahead of UTC at this instant (60 in winter, 120 in summer). */
function amsterdamOffsetMinutes(instant: Date): number {
  const parts = Object.fromEntries(offsetParts.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  const asUtc = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0);
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/**
 * The instant of a date and time as people in the Netherlands mean them ("2026-12-03", "14:00"), whatever the
 * server's own time zone; null when either is not valid. Around the switch to summer time the offset of the
 * wall-clock time itself is used, so 14:00 stays 14:00.
 */
export function amsterdamInstant(date: string, time: string): Date | null {
  if (!isLocalDate(date) || !isLocalTime(time)) return null;
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  const wallAsUtc = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
  const first = wallAsUtc - amsterdamOffsetMinutes(new Date(wallAsUtc)) * 60_000;
  return new Date(wallAsUtc - amsterdamOffsetMinutes(new Date(first)) * 60_000);
}
