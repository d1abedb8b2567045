import type { TimelineEntry } from "../lib/handover-detail-view";

/** The handover's history, oldest first: who did what when, with a reason where one was given. */
export function HandoverTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  return (
    <ol className="kp-timeline">
      {entries.map((entry) => (
        <li key={entry.id} className="kp-timeline__item">
          <p className="utrecht-paragraph kp-timeline__text">{entry.text}</p>
          {entry.reason ? <p className="utrecht-paragraph kp-timeline__reason">{entry.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}
