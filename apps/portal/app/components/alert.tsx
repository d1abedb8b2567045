import type { ReactNode } from "react";

type AlertType = "info" | "ok" | "warning" | "error";

/**
 * A notice in the NL Design System alert style. `role` decides how it is announced: "status" politely,
 * "alert" at once; leave it out for notices that are simply part of the page.
 */
export function Alert({
  type = "info",
  role,
  children,
}: {
  type?: AlertType;
  role?: "status" | "alert";
  children: ReactNode;
}) {
  return (
    <div className={`utrecht-alert utrecht-alert--${type}`} role={role}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}
