/** Kafka topics (DESIGN.md section 5): handover events go to the topic of the receiving organisation's kind. */
export const topics = {
  localTeams: "ketenportaal.handovers.local-teams",
  cjg: "ketenportaal.handovers.cjg",
  youthProtection: "ketenportaal.handovers.youth-protection",
  vv: "ketenportaal.vv",
  tables: "ketenportaal.tables",
  continuityPlan: "ketenportaal.continuity-plan",
  cases: "ketenportaal.cases",
} as const;

export type Topic = (typeof topics)[keyof typeof topics];

export type ReceivingOrganisationKind = "local_team" | "cjg" | "youth_protection";

const handoverTopicByKind: Record<ReceivingOrganisationKind, Topic> = {
  local_team: topics.localTeams,
  cjg: topics.cjg,
  youth_protection: topics.youthProtection,
};

export function handoverTopicFor(kind: ReceivingOrganisationKind): Topic {
  return handoverTopicByKind[kind];
}
