import { nl } from "../messages/nl";
import type { ApiOutputs } from "./api-types";
import { formatDateTime } from "./format";

const m = nl.adminServiceAccounts;

type ServiceAccount = ApiOutputs["admin"]["serviceAccounts"]["list"]["items"][number];

export type ServiceAccountRow = {
  id: string;
  name: string;
  organisation: string;
  status: ServiceAccount["status"];
  statusLabel: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string;
  canRevoke: boolean;
};

/** A partner system's access as the beheer table shows it; a revoked or expired one has nothing left to revoke. */
export function serviceAccountRowOf(account: ServiceAccount): ServiceAccountRow {
  return {
    id: account.id,
    name: account.name,
    organisation: account.organisation.name,
    status: account.status,
    statusLabel: m.status[account.status],
    createdAt: formatDateTime(new Date(account.createdAt)),
    expiresAt: account.expiresAt ? formatDateTime(new Date(account.expiresAt)) : m.noExpiry,
    lastUsedAt: account.lastUsedAt ? formatDateTime(new Date(account.lastUsedAt)) : m.never,
    canRevoke: account.status === "active",
  };
}
