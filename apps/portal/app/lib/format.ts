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
