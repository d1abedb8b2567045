import { NavLink } from "@remix-run/react";
import type { Section } from "../lib/sections";
import { nl } from "../messages/nl";

export function MainNav({ sections }: { sections: readonly Section[] }) {
  if (sections.length === 0) return null;
  return (
    <nav className="utrecht-nav-bar kp-main-nav" aria-label={nl.layout.mainNavLabel}>
      <div className="utrecht-nav-bar__content">
        <ul className="utrecht-nav-list">
          {sections.map((section) => (
            <li key={section.key} className="utrecht-nav-list__item">
              {/* NavLink sets aria-current="page" on the active section. */}
              <NavLink to={section.path} className="utrecht-nav-list__link utrecht-link utrecht-link--html-a">
                {section.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
