import { PageFooter } from "@utrecht/page-footer-react";
import { nl } from "../messages/nl";
import { AppLink } from "./app-link";

export function SiteFooter() {
  return (
    <PageFooter className="kp-site-footer">
      <p className="kp-site-footer__text">{nl.layout.footerText}</p>
      <nav aria-label={nl.layout.footerNavLabel}>
        <ul className="kp-site-footer__links">
          <li>
            <AppLink to="/toegankelijkheid">{nl.layout.accessibilityLink}</AppLink>
          </li>
        </ul>
      </nav>
    </PageFooter>
  );
}
