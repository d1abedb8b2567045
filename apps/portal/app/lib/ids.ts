// The API's ids are RFC 9562 UUIDs and it refuses anything else with a validation error; the portal checks first so
// a mistyped address is a plain 404, not a fault.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isId(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

// Paging cursors are opaque to the portal: the API writes them in base64url.
const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

export function isCursor(value: unknown): value is string {
  return typeof value === "string" && CURSOR.test(value);
}
