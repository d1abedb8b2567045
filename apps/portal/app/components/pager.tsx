import { AppLink } from "./app-link";

/**
 * Paging with opaque cursors: only "next page" is known, plus a way back to the first. A `nav` with its own name,
 * because a page can have two lists that page separately.
 */
export function Pager({
  label,
  nextHref,
  nextLabel,
  firstHref,
  firstLabel,
}: {
  label: string;
  nextHref: string | null;
  nextLabel: string;
  firstHref: string | null;
  firstLabel: string;
}) {
  if (!nextHref && !firstHref) return null;
  return (
    <nav aria-label={label} className="kp-pager">
      <ul className="kp-pager__list">
        {firstHref ? (
          <li>
            <AppLink to={firstHref}>{firstLabel}</AppLink>
          </li>
        ) : null}
        {nextHref ? (
          <li>
            <AppLink to={nextHref} rel="next">
              {nextLabel}
            </AppLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
