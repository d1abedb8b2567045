import { AppLink } from "./app-link";

/** A page this user can go to, with what it is for: a main section, or a beheer page. */
export type SectionLink = { key: string; path: string; label: string; description: string };

/** The start page's overview of the sections this user works in, each with what it is for; also used on /beheer. */
export function SectionList({ sections }: { sections: readonly SectionLink[] }) {
  return (
    <ul className="kp-section-list">
      {sections.map((section) => (
        <li key={section.key} className="kp-section-list__item">
          <h3 className="utrecht-heading-3 kp-section-list__heading">
            <AppLink to={section.path}>{section.label}</AppLink>
          </h3>
          <p className="utrecht-paragraph kp-section-list__description">{section.description}</p>
        </li>
      ))}
    </ul>
  );
}
