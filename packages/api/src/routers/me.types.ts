import { organisationKinds, roles } from "@ketenportaal/db";
import { z } from "zod";

export const ZMeResponse = z.object({
  kind: z.enum(["user", "service_account"]),
  user: z.object({ id: z.string().uuid(), email: z.string(), name: z.string() }).nullable(),
  serviceAccount: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  organisation: z.object({
    id: z.string().uuid(),
    slug: z.string(),
    name: z.string(),
    kind: z.enum(organisationKinds),
  }),
  team: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  roles: z.array(z.enum(roles)),
});
export type MeResponse = z.infer<typeof ZMeResponse>;
