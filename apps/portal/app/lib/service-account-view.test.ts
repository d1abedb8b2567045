import { describe, expect, it } from "vitest";
import { serviceAccountRowOf } from "./service-account-view";

const account = {
  id: "0f9e8d7c-6b5a-4c3d-8e1f-0a1b2c3d4e5f",
  name: "Registratie SWT",
  organisation: { id: "00000000-0000-4000-8000-000000000002", name: "Sociaal Wijkteam Haarlem" },
  createdAt: new Date("2026-11-02T09:00:00Z"),
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: null,
  status: "active" as const,
};

describe("serviceAccountRowOf", () => {
  it("shows an active account with Amsterdam times and a revoke action", () => {
    expect(serviceAccountRowOf(account)).toMatchObject({
      statusLabel: "Actief",
      createdAt: expect.stringContaining("10:00"),
      expiresAt: "Niet",
      lastUsedAt: "Nooit",
      canRevoke: true,
    });
  });

  it("offers nothing to revoke on a revoked or expired account", () => {
    const revoked = { ...account, status: "revoked" as const, revokedAt: new Date("2026-11-20T09:00:00Z") };
    expect(serviceAccountRowOf(revoked)).toMatchObject({ statusLabel: "Ingetrokken", canRevoke: false });
    expect(serviceAccountRowOf({ ...account, status: "expired" as const }).canRevoke).toBe(false);
  });
});
