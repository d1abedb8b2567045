/**
 * An error as it may appear in a log line. Query errors carry the SQL parameters — names, case text — in `params`
 * and in their message: both are left out, with the cause's code kept for diagnosis.
 */
export function serializeErrorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const cause = error.cause instanceof Error ? serializeErrorForLog(error.cause) : undefined;
  const message = error.message.split(/\nparams:/)[0] ?? "";
  const code = "code" in error ? (error as { code?: unknown }).code : undefined;
  return {
    type: error.name,
    message: message.length > 500 ? `${message.slice(0, 500)}…` : message,
    ...(code !== undefined ? { code } : {}),
    stack: error.stack
      ?.split("\n")
      .filter((line) => line.trimStart().startsWith("at "))
      .slice(0, 8)
      .join("\n"),
    ...(cause ? { cause } : {}),
  };
}
