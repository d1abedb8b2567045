import { nl } from "../messages/nl";
import { AppLink } from "./app-link";

const m = nl.home;

export type AccountSummaryProps = {
  organisation: string;
  roles: readonly string[];
  team: string | null;
  /** Whether the person has set up a second factor; absent: not shown. */
  mfaEnrolled?: boolean | undefined;
};

export function AccountSummary({ organisation, roles, team, mfaEnrolled }: AccountSummaryProps) {
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
      {mfaEnrolled === undefined ? null : (
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{m.mfa}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
            {mfaEnrolled ? (
              m.mfaOn
            ) : (
              <>
                {m.mfaOff} <AppLink to="/inloggen/tweestapsverificatie">{m.mfaSetUp}</AppLink>
              </>
            )}
          </dd>
        </div>
      )}
    </dl>
  );
}
