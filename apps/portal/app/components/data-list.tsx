import type { ReactNode } from "react";

export type DataListRow = { key: string; label: string; value: ReactNode };

/** Label and value pairs (`<dl>`) in the NL Design System data list style, as on the start page. */
export function DataList({ rows, className }: { rows: readonly DataListRow[]; className?: string }) {
  return (
    <dl
      className={["utrecht-data-list", "utrecht-data-list--rows", "kp-data-list", className].filter(Boolean).join(" ")}
    >
      {rows.map((row) => (
        <div key={row.key} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{row.label}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
