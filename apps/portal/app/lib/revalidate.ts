import type { ShouldRevalidateFunction } from "@remix-run/react";

/**
 * After a refused change (409) the page must show the record as the other person left it; single fetch skips
 * revalidation after a 4xx, so ask for it.
 */
export const revalidateAfterConflict: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate;
