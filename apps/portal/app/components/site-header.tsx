import { Link } from "@remix-run/react";
import { PageHeader } from "@utrecht/page-header-react";
import type { Section } from "../lib/sections";
import { nl } from "../messages/nl";
import { AppLink } from "./app-link";
import { LogoutForm } from "./logout-form";
import { MainNav } from "./main-nav";

export type HeaderUser = {
  name: string;
  organisationName: string;
  sections: Section[];
  /** Null when the count could not be fetched: the link is shown without it. */
  unreadNotifications: number | null;
};

export function SiteHeader({ user }: { user: HeaderUser | null }) {
  return (
    <>
      <PageHeader className="kp-site-header">
        <div className="kp-site-header__bar">
          <div className="kp-brand">
            <Link to="/" className="kp-brand__name">
              {nl.app.name}
            </Link>
            <p className="kp-brand__tagline">{nl.app.tagline}</p>
          </div>
          {user ? (
            <div className="kp-site-header__user">
              <NotificationsLink count={user.unreadNotifications} />
              <p className="kp-site-header__who">
                <span className="kp-visually-hidden">{nl.layout.signedInAs} </span>
                <span className="kp-site-header__name">{user.name}</span>
                <span className="kp-visually-hidden">, </span>
                <span className="kp-site-header__organisation">{user.organisationName}</span>
              </p>
              <LogoutForm />
            </div>
          ) : null}
        </div>
      </PageHeader>
      {user ? <MainNav sections={user.sections} /> : null}
    </>
  );
}

/** "Meldingen" with a count badge; read aloud as "Meldingen, 3 ongelezen". */
function NotificationsLink({ count }: { count: number | null }) {
  return (
    <AppLink to="/meldingen" className="kp-notifications-link">
      {nl.layout.notificationsLink}
      {count ? (
        <>
          <span className="kp-count-badge" aria-hidden="true">
            {count}
          </span>
          <span className="kp-visually-hidden">, {nl.layout.unreadNotifications(count)}</span>
        </>
      ) : null}
    </AppLink>
  );
}
