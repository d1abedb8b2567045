import { nl } from "../messages/nl";
import { Alert } from "./alert";

const m = nl.continuityPlan;

export type ContinuityPlanBannerData = { expectedEnd: string; services: string[] };

/**
 * Shown on every page to everyone signed in while VT's continuity plan is in force: until when (the expected end,
 * an Amsterdam date) and which services still run. `role="status"`: announced politely, not on every keystroke.
 */
export function ContinuityPlanBanner({ plan }: { plan: ContinuityPlanBannerData }) {
  return (
    <Alert type="warning" role="status">
      <strong>{m.bannerHeading}.</strong> {m.banner(plan.expectedEnd)} {plan.services.join(", ")}.
    </Alert>
  );
}
