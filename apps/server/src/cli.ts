// Beheer commands: `npm run cli -- <command>`. They run the same application services as the portal.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import {
  createServiceAccount,
  createUser,
  DomainRefusal,
  type Role,
  resetPassword,
  resetSecondFactor,
  revokeServiceAccount,
} from "@ketenportaal/api";
import { DataDirLockedError } from "@ketenportaal/db";
import { openDatabase } from "./database";
import { InvalidEnvironmentError, loadServerEnv } from "./env";
import { createLogger } from "./logger";

const USAGE = `Gebruik: npm run cli -- <opdracht>

  service-account create --organisation <slug> --name "<naam>" [--expires <YYYY-MM-DD>]
      Maakt een serviceaccount voor een partnersysteem. De laatste regel is het token (eenmalig getoond).
  service-account revoke --id <id>
      Trekt een serviceaccount in: het token werkt vanaf het volgende verzoek niet meer.
  user create --email <e-mail> --name "<naam>" --organisation <slug> --role <rol> [--team "<team>"] [--password-stdin]
      Maakt een account. Zonder --password-stdin wordt een wachtwoord gegenereerd en als laatste regel getoond.
  user reset-password --email <e-mail> [--password-stdin]
      Zet een nieuw wachtwoord. Zonder --password-stdin wordt het gegenereerd en als laatste regel getoond.
  user reset-mfa --email <e-mail>
      Haalt de tweestapsverificatie en herstelcodes weg en beëindigt alle sessies; de persoon stelt haar opnieuw in.

Rollen: functional_admin, vt_worker, team_coordinator, partner_worker, partner_coordinator, policy_officer`;

const OPERATOR = { onBehalfOf: "cli" };

async function main(argv: string[]): Promise<number> {
  const [area, action, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      organisation: { type: "string" },
      name: { type: "string" },
      email: { type: "string" },
      role: { type: "string" },
      team: { type: "string" },
      expires: { type: "string" },
      id: { type: "string" },
      "password-stdin": { type: "boolean", default: false },
    },
    strict: true,
  });
  const command = `${area ?? ""} ${action ?? ""}`.trim();
  const commands = [
    "service-account create",
    "service-account revoke",
    "user create",
    "user reset-password",
    "user reset-mfa",
  ];
  if (!commands.includes(command)) {
    console.error(USAGE);
    return 64;
  }

  const env = loadServerEnv({ defaults: { LOG_LEVEL: "warn" } });
  const logger = createLogger({ level: env.LOG_LEVEL });
  const database = await openDatabase({ env, logger, command: `ketenportaal cli ${command}` });
  try {
    if (command === "service-account create") {
      const expiresAt = values.expires ? parseDate(values.expires) : undefined;
      const result = await createServiceAccount({
        db: database.db,
        organisationSlug: required(values.organisation, "--organisation"),
        name: required(values.name, "--name"),
        expiresAt,
        operator: OPERATOR,
      });
      console.log(
        `Serviceaccount ${result.serviceAccountId} aangemaakt. Bewaar het token; het wordt niet opnieuw getoond:`,
      );
      console.log(result.token);
      return 0;
    }
    if (command === "service-account revoke") {
      const result = await revokeServiceAccount({
        db: database.db,
        serviceAccountId: required(values.id, "--id"),
        operator: OPERATOR,
      });
      console.log(`Serviceaccount ${result.serviceAccountId} ingetrokken; het token werkt niet meer.`);
      return 0;
    }
    if (command === "user reset-mfa") {
      const result = await resetSecondFactor({
        db: database.db,
        email: required(values.email, "--email"),
        operator: OPERATOR,
      });
      console.log(
        `Tweestapsverificatie van account ${result.userId} teruggezet; ${result.endedSessions} sessie(s) beëindigd.`,
      );
      return 0;
    }
    const { password, generated } = await choosePassword(values["password-stdin"] ?? false);
    if (command === "user create") {
      const result = await createUser({
        db: database.db,
        email: required(values.email, "--email"),
        name: required(values.name, "--name"),
        organisationSlug: required(values.organisation, "--organisation"),
        role: required(values.role, "--role") as Role,
        teamName: values.team,
        password,
        operator: OPERATOR,
      });
      console.log(`Account ${result.userId} aangemaakt.`);
    } else {
      await resetPassword({ db: database.db, email: required(values.email, "--email"), password, operator: OPERATOR });
      console.log("Wachtwoord opnieuw ingesteld.");
    }
    if (generated) {
      console.log("Gegenereerd wachtwoord (eenmalig getoond):");
      console.log(password);
    }
    return 0;
  } finally {
    await database.close();
  }
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new DomainRefusal("BAD_REQUEST", `${flag} ontbreekt.`);
  return value;
}

function parseDate(value: string): Date {
  const date = new Date(`${value}T23:59:59+01:00`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime())) {
    throw new DomainRefusal("BAD_REQUEST", "--expires verwacht een datum als 2027-01-31.");
  }
  return date;
}

async function choosePassword(fromStdin: boolean): Promise<{ password: string; generated: boolean }> {
  if (!fromStdin) return { password: randomBytes(15).toString("base64url"), generated: true };
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return {
    password: Buffer.concat(chunks)
      .toString("utf8")
      .replace(/\r?\n$/, ""),
    generated: false,
  };
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (
    error instanceof DomainRefusal ||
    error instanceof DataDirLockedError ||
    error instanceof InvalidEnvironmentError ||
    (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))
  ) {
    console.error(error.message);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
