import { nl } from "../messages/nl";

const m = nl.home;

export type AccountSummaryProps = {
  organisation: string;
  roles: readonly string[];
  team: string | null;
};

export function AccountSummary({ organisation, roles, team }: AccountSummaryProps) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows kp-account-summary">
      <div className="utrecht-data-list__item">
        <dt className="utrecht-data-list__item-key">{m.organisation}</dt>
        <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{organisation}</dd>
      </div>
      <div className="utrecht-data-list__item">
        <dt className="utrecht-data-list__item-key">{roles.length > 1 ? m.roles : m.role}</dt>
        <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{roles.join(", ")}</dd>
      </div>
      {team ? (
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{m.team}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{team}</dd>
        </div>
      ) : null}
    </dl>
  );
}
