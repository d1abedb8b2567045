/** The ids of a field's description and error message, and the aria-describedby that points at them. */
export function describedBy(
  id: string,
  parts: { description?: string | undefined; error?: string | undefined },
): { descriptionId: string | undefined; errorId: string | undefined; describedBy: string | undefined } {
  const descriptionId = parts.description ? `${id}-description` : undefined;
  const errorId = parts.error ? `${id}-error` : undefined;
  return {
    descriptionId,
    errorId,
    describedBy: [descriptionId, errorId].filter(Boolean).join(" ") || undefined,
  };
}
