import type { organisationKinds, roles } from "@ketenportaal/db";

export type Role = (typeof roles)[number];
export type OrganisationKind = (typeof organisationKinds)[number];

export type OrganisationRef = { id: string; slug: string; name: string; kind: OrganisationKind };

/** Who is acting: a person with a browser session, or a partner system with a service-account token. */
export type Principal =
  | {
      kind: "user";
      sessionId: string;
      user: { id: string; email: string; name: string };
      organisation: OrganisationRef;
      team: { id: string; name: string } | null;
      roles: Role[];
      /** Whether this session checked a second factor (TOTP or a recovery code). */
      mfa?: boolean;
    }
  | {
      kind: "service_account";
      serviceAccountId: string;
      name: string;
      organisation: OrganisationRef;
      roles: Role[];
    };
