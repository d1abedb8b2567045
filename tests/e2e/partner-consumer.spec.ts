import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type ArrivedHandover, startPartnerConsumer } from "@ketenportaal/example-partner-consumer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getChildBaseEnv, type KafkaMockHandle, type ServerHandle, startKafkaMock, startServer } from "../support";

const cli = resolve(import.meta.dirname, "../../apps/server/dist/cli.js");
const dataDir = mkdtempSync(join(tmpdir(), "kp-e2e-consumer-"));
let kafka: KafkaMockHandle;
let server: ServerHandle;
let token: string;

beforeAll(async () => {
  // A partner system's account, made with the CLI before the server holds the embedded database.
  const created = spawnSync(
    process.execPath,
    [cli, "service-account", "create", "--organisation", "swt-haarlem", "--name", "Registratiesysteem SWT"],
    { env: { ...getChildBaseEnv(), DATA_DIR: dataDir }, encoding: "utf8", timeout: 60_000 },
  );
  expect(created.status, created.stderr).toBe(0);
  token = created.stdout.trim().split("\n").at(-1) ?? "";
  kafka = await startKafkaMock({ brokers: 3 });
  server = await startServer({ dataDir, env: { KAFKA_BROKERS: kafka.brokers.join(",") } });
});
afterAll(async () => {
  await server?.stop();
  await kafka?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a partner's consumer", () => {
  it("receives its handovers from Kafka as CloudEvents and fetches the details with its token", async () => {
    const arrived: ArrivedHandover[] = [];
    const consumer = await startPartnerConsumer({
      brokers: kafka.brokers,
      topic: "ketenportaal.handovers.local-teams",
      groupId: "swt-haarlem-registratie",
      apiUrl: server.url,
      token,
      fromBeginning: true,
      onHandover: (handover) => {
        arrived.push(handover);
      },
    });
    try {
      // The demo region's handovers to Sociaal Wijkteam Haarlem: offered, accepted, withdrawn after the offer.
      await expect
        .poll(() => arrived.map((a) => (a.details as { caseReference: string }).caseReference).sort(), {
          timeout: 30_000,
        })
        .toEqual(expect.arrayContaining(["VT-2026-0102", "VT-2026-0105", "VT-2026-0110"]));
      const offered = arrived.find((a) => (a.details as { caseReference: string }).caseReference === "VT-2026-0102");
      expect(offered?.event).toMatchObject({
        type: "nl.ketenportaal.handover.offered.v1",
        source: "urn:nld:oin:00000009999999990001:systeem:ketenportaal",
        sequencetype: "Integer",
      });
      expect(offered?.details).toMatchObject({
        status: "offered",
        targetOrganisation: { name: "Sociaal Wijkteam Haarlem" },
      });
      // Events for other local teams (Wijkteam Velsen) share the topic but are not fetched.
      expect(
        arrived.every(
          (a) =>
            (a.details as { targetOrganisation: { name: string } }).targetOrganisation.name ===
            "Sociaal Wijkteam Haarlem",
        ),
      ).toBe(true);
      expect(new Set(arrived.map((a) => a.event.id)).size).toBe(arrived.length);
    } finally {
      await consumer.stop();
    }
  });
});
