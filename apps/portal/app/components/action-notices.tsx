import type { ReactNode } from "react";
import { Alert } from "./alert";

/**
 * What the page's last action came to: the success notice its redirect carried (only while no action answered
 * on this page view) and the conflict the action met, announced at once.
 */
export function ActionNotices({
  notice,
  result,
  conflictHint,
}: {
  notice: string | null | undefined;
  result: { conflict?: string | null | undefined } | null | undefined;
  /** Said after the conflict, e.g. what to do now. */
  conflictHint?: ReactNode;
}) {
  return (
    <>
      {notice && !result ? (
        <Alert type="ok" role="status">
          {notice}
        </Alert>
      ) : null}
      {result?.conflict ? (
        <Alert type="warning" role="alert">
          {result.conflict}
          {conflictHint ? <> {conflictHint}</> : null}
        </Alert>
      ) : null}
    </>
  );
}
