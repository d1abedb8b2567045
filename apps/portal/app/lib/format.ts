const TIME_ZONE = "Europe/Amsterdam";

const longDate = new Intl.DateTimeFormat("nl-NL", {
  timeZone: TIME_ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});

const date = new Intl.DateTimeFormat("nl-NL", { timeZone: TIME_ZONE, day: "numeric", month: "long", year: "numeric" });

const dateTime = new Intl.DateTimeFormat("nl-NL", {
  timeZone: TIME_ZONE,
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** "dinsdag 25 november 2025": the calendar day in the Netherlands, whatever the server's time zone. */
export function formatLongDate(value: Date): string {
  return longDate.format(value);
}

/** "25 november 2025". */
export function formatDate(value: Date): string {
  return date.format(value);
}

/** "25 november 2025 om 14:05". */
export function formatDateTime(value: Date): string {
  return dateTime.format(value);
}

const isoDateParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the text is a real calendar date written as the API writes dates: "2026-11-25". */
export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  return date.getUTCFullYear() === year && date.getUTCMonth() === (month ?? 0) - 1 && date.getUTCDate() === day;
}

/**
 * "25 november 2026" for a calendar date from the API ("2026-11-25"). Such a date has no time zone: noon UTC is
 * the same day in Amsterdam all year round.
 */
export function formatLocalDate(value: string): string {
  return isLocalDate(value) ? date.format(new Date(`${value}T12:00:00Z`)) : value;
}

/** Today's calendar date in the Netherlands, as "2026-11-25" (for date inputs and for comparing with them). */
export function amsterdamToday(now: Date = new Date()): string {
  const parts = Object.fromEntries(isoDateParts.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
