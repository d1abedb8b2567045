import { nl } from "../messages/nl";

/** First stop for keyboard users: jumps past the header and navigation to the page's own content. */
export function SkipLink() {
  return (
    <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
      {nl.layout.skipLink}
    </a>
  );
}
