import type { Role } from "@ketenportaal/api";
import { nl } from "../messages/nl";

export type AdminPageKey = keyof typeof nl.admin.pages;

export type AdminPage = { key: AdminPageKey; path: string; label: string; description: string };

/**
 * The pages under /beheer and who gets to see them listed. As with the main sections, only a convenience: the API
 * refuses anyone else, and the page then shows "Geen toegang".
 */
const adminPageAccess: readonly { key: AdminPageKey; path: string; roles: readonly Role[] }[] = [
  { key: "organisations", path: "/beheer/organisaties", roles: ["functional_admin"] },
  { key: "teams", path: "/beheer/teams", roles: ["functional_admin", "partner_coordinator"] },
  { key: "people", path: "/beheer/mensen", roles: ["functional_admin", "partner_coordinator"] },
  { key: "events", path: "/beheer/gebeurtenissen", roles: ["functional_admin"] },
  { key: "mail", path: "/beheer/e-mail", roles: ["functional_admin"] },
  { key: "serviceAccounts", path: "/beheer/koppelingen", roles: ["functional_admin"] },
  { key: "retention", path: "/beheer/bewaartermijnen", roles: ["functional_admin"] },
  { key: "continuityPlan", path: "/beheer/continuiteitsplan", roles: ["functional_admin"] },
  { key: "auditLog", path: "/beheer/audit-log", roles: ["functional_admin"] },
  { key: "webhooks", path: "/beheer/webhooks", roles: ["functional_admin"] },
  { key: "regions", path: "/beheer/regios", roles: ["functional_admin"] },
  { key: "contactFrequencies", path: "/beheer/contactfrequenties", roles: ["functional_admin"] },
];

export function adminPagesFor(roles: readonly Role[]): AdminPage[] {
  return adminPageAccess
    .filter((page) => page.roles.some((role) => roles.includes(role)))
    .map(({ key, path }) => ({ key, path, ...nl.admin.pages[key] }));
}
