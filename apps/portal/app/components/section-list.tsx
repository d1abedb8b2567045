import type { Section } from "../lib/sections";
import { AppLink } from "./app-link";

/** The start page's overview of the sections this user works in, each with what it is for. */
export function SectionList({ sections }: { sections: readonly Section[] }) {
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
