import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { createOutboxRelayTask, OUTBOX_CHANNEL, startBridge } from "@ketenportaal/bridge";
import { createDatabase } from "@ketenportaal/db";
import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import { toCloudEvent, toKafkaRecord } from "@ketenportaal/events";
import kafkajs from "kafkajs";
import postgres, { type Sql } from "postgres";
import { getChildBaseEnv } from "../support/env";
import { startKafkaMock } from "../support/kafka";
import { killOnExit } from "../support/kill-on-exit";
import { type ServerHandle, startServer } from "../support/server";
import { preparePgbenchPool, runAcceptPgbench } from "./accept-pgbench";
import {
  type BenchSize,
  benchServiceAccountToken,
  benchSessionToken,
  benchSizes,
  findBrokenReferences,
  type GenerationReport,
  generateNationalData,
  generateOfferedPool,
} from "./generate";
import { runHttpLoad } from "./load/run-http-load";
import { describeMachine, loadAverage, type Machine } from "./machine";

export type BenchOptions = {
  size: BenchSize;
  /** Seconds of each throughput run (hello, inbox). */
  durationSeconds: number;
  /** Seconds of inbox load while the server's RSS is sampled. */
  rssSeconds: number;
  connections: number;
  /** Accepts over HTTP and through pgbench (each needs its own offered handover). */
  acceptHttp: number;
  acceptPgbench: number;
  /** The steady transition rate for the commit → ack latency, and for how long. */
  latencyRate: number;
  latencySeconds: number;
  ttfbRequests: number;
  /** Sequential report.gemeente requests: fewer at 1m and 2m, where one takes seconds. */
  reportRequests: number;
  cpuProfileDir?: string;
  /** A database generated earlier at `size` to run on instead of generating one; it is kept afterwards. */
  databaseUrl?: string;
  log: (line: string) => void;
};

export type Figure = {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number; unit: string };
  /** value / baseline, or the figure's own ratio (p99 at scale / at 10k). */
  ratio?: number;
  target: string;
  met: boolean | null;
  loadAverage: number;
  note?: string;
};

export type BenchResult = {
  options: Omit<BenchOptions, "log">;
  machine: Machine;
  generation: GenerationReport[];
  /** References of the generated data that do not hold (see findBrokenReferences); checked on the tiny size. */
  orphans: Record<string, number>;
  figures: Figure[];
};

/** What the bench needs of a database: its name and URL, and how to let go of it. */
type BenchDatabase = Pick<TestDatabase, "name" | "url" | "drop">;

/** A database generated earlier (bench/generate/cli.ts) at the run's size: used as it is and kept afterwards. */
function existingDatabase(url: string): BenchDatabase {
  return { name: decodeURIComponent(new URL(url).pathname.slice(1)), url, drop: async () => {} };
}

export function defaultOptions(size: BenchSize): Omit<BenchOptions, "log"> {
  if (size === "tiny") {
    return {
      size,
      durationSeconds: 1,
      rssSeconds: 2,
      connections: 4,
      acceptHttp: 60,
      acceptPgbench: 120,
      latencyRate: 50,
      latencySeconds: 2,
      ttfbRequests: 10,
      reportRequests: 5,
    };
  }
  return {
    size,
    durationSeconds: 10,
    rssSeconds: 60,
    connections: 8,
    acceptHttp: 3000,
    acceptPgbench: 8000,
    latencyRate: 200,
    latencySeconds: 20,
    ttfbRequests: 200,
    reportRequests: size === "1m" || size === "2m" ? 20 : 200,
  };
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/**
 * Every figure of issue 11, side by side in one run on the same machine, database and broker: generates the
 * databases, starts the built server on each, a bare Hono hello and librdkafka's mock cluster, and measures.
 */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const { log } = options;
  const cleanups: (() => Promise<unknown>)[] = [];
  const figures: Figure[] = [];
  const generation: GenerationReport[] = [];
  try {
    // The main database at the chosen size, and one at 10k (or the tiny size) to compare the inbox's p99 with.
    const referenceSize: BenchSize = options.size === "tiny" ? "tiny" : "10k";
    const main: BenchDatabase = options.databaseUrl
      ? existingDatabase(options.databaseUrl)
      : await createTestDatabase();
    cleanups.push(() => main.drop());
    const reference: BenchDatabase = options.size === referenceSize ? main : await createTestDatabase();
    if (reference !== main) cleanups.push(() => reference.drop());
    for (const [database, size] of [
      ...(options.databaseUrl ? [] : [[main, options.size] as const]),
      ...(reference !== main ? [[reference, referenceSize] as const] : []),
    ] as const) {
      log(`generating ${size} (${benchSizes[size]} handovers)`);
      const report = await generateNationalData({ url: database.url, handovers: benchSizes[size], log });
      log(`  ${report.totalRows} rows in ${round(report.seconds, 1)} s: ${Math.round(report.rowsPerSecond)} rows/s`);
      generation.push(report);
    }
    const machine = await describeMachine(main.url);
    const orphans = options.size === "tiny" ? await findBrokenReferences(main.url) : {};
    const admin = postgres(main.url, { max: 2, onnotice: () => {} });
    cleanups.push(() => admin.end({ timeout: 5 }));

    const serverEnv = (database: BenchDatabase) => ({
      DATABASE_URL: database.url,
      DEMO_SEED: "0",
      MFA_REQUIRED: "0",
      LOG_LEVEL: "warn",
    });
    // Node refuses --cpu-prof in NODE_OPTIONS: it goes on the command line. The profile is written on a clean exit.
    const nodeArgs = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
    const server = await startServer({ env: serverEnv(main), nodeArgs });
    cleanups.push(() => server.stop());
    const referenceServer = reference === main ? server : await startServer({ env: serverEnv(reference), nodeArgs });
    if (referenceServer !== server) cleanups.push(() => referenceServer.stop());
    const hello = await startHello();
    cleanups.push(hello.stop);

    // --- The inbox against the bare hello, and at scale against 10k.
    const load = { connections: options.connections, durationSeconds: options.durationSeconds };
    await keepSessionsAlive(admin);
    let la = loadAverage();
    const helloRun = await runHttpLoad({ url: hello.url, method: "GET", path: "/", headers: {}, ...load });
    const worker = await biggestInbox(admin);
    const inboxPath = `/trpc/handover.inbox?input=${encodeURIComponent(JSON.stringify({ limit: 50 }))}`;
    const inboxRequest = (token: string) => ({
      method: "GET" as const,
      path: inboxPath,
      headers: { cookie: `kp_session=${token}` },
    });
    await assertInboxServes(server, inboxRequest(worker.token), 50);
    // Every pooled connection starts with cold catalog caches and no prepared statements: warm them first, so the
    // figure is the steady state rather than the first seconds after start.
    const warmUp = { connections: options.connections, durationSeconds: Math.min(3, options.durationSeconds) };
    await runHttpLoad({ url: server.url, ...inboxRequest(worker.token), ...warmUp });
    const inboxRun = await runHttpLoad({ url: server.url, ...inboxRequest(worker.token), ...load });
    figures.push({
      name: `handover.inbox, page of 50, at ${options.size} (${worker.offered} offered to the team)`,
      value: round(inboxRun.requestsPerSecond, 0),
      unit: "req/s",
      baseline: { name: "bare Hono hello", value: round(helloRun.requestsPerSecond, 0), unit: "req/s" },
      ratio: round(inboxRun.requestsPerSecond / helloRun.requestsPerSecond, 3),
      target: "≥ 0.3",
      met: inboxRun.requestsPerSecond / helloRun.requestsPerSecond >= 0.3,
      loadAverage: la,
      note: `hello p99 ${helloRun.latencyMs.p99} ms; ${options.connections} connections, ${options.durationSeconds} s each`,
    });
    figures.push({
      name: `handover.inbox p99 at ${options.size}`,
      value: inboxRun.latencyMs.p99,
      unit: "ms",
      target: "< 20 ms",
      met: inboxRun.latencyMs.p99 < 20,
      loadAverage: la,
      note: `p50 ${inboxRun.latencyMs.p50} ms`,
    });
    await keepSessionsAlive(admin);
    la = loadAverage();
    const referenceWorker = await biggestInboxOf(reference);
    if (referenceServer !== server) {
      await runHttpLoad({ url: referenceServer.url, ...inboxRequest(referenceWorker.token), ...warmUp });
    }
    const referenceRun = await runHttpLoad({
      url: referenceServer.url,
      ...inboxRequest(referenceWorker.token),
      ...load,
    });
    const scaleRatio = inboxRun.latencyMs.p99 / Math.max(1, referenceRun.latencyMs.p99);
    figures.push({
      name: `inbox p99 at ${options.size} / at ${referenceSize}`,
      value: inboxRun.latencyMs.p99,
      unit: "ms",
      baseline: { name: `p99 at ${referenceSize}`, value: referenceRun.latencyMs.p99, unit: "ms" },
      ratio: round(scaleRatio),
      target: "≤ 1.5",
      met: scaleRatio <= 1.5,
      loadAverage: la,
      note: `${referenceSize}: ${round(referenceRun.requestsPerSecond, 0)} req/s, team inbox ${referenceWorker.offered}`,
    });

    // --- The portal page against its tRPC call, one request at a time.
    await keepSessionsAlive(admin);
    la = loadAverage();
    const pageTtfb = await measureTtfb(`${server.url}/overdrachten`, worker.token, options.ttfbRequests);
    const trpcTtfb = await measureTtfb(`${server.url}${inboxPath}`, worker.token, options.ttfbRequests);
    figures.push({
      name: "portal /overdrachten (partner, logged in), TTFB p95",
      value: round(pageTtfb.p95, 1),
      unit: "ms",
      baseline: { name: "its handover.inbox tRPC call alone", value: round(trpcTtfb.p95, 1), unit: "ms" },
      ratio: round(pageTtfb.p95 / trpcTtfb.p95),
      target: "report both",
      met: null,
      loadAverage: la,
      note: `p50 ${round(pageTtfb.p50, 1)} vs ${round(trpcTtfb.p50, 1)} ms; ${options.ttfbRequests} sequential requests`,
    });

    // --- The gemeente report (issue 8) for VT, every gemeente, the last two weeks: one request at a time.
    await keepSessionsAlive(admin);
    la = loadAverage();
    const coordinator = await regionCoordinatorOf(main);
    const reportTtfb = await measureTtfb(
      `${server.url}/trpc/report.gemeente?input=%7B%7D`,
      coordinator,
      options.reportRequests,
    );
    figures.push({
      name: `report.gemeente (VT, every gemeente, last two weeks) at ${options.size}, p95`,
      value: round(reportTtfb.p95, 1),
      unit: "ms",
      target: "report",
      met: null,
      loadAverage: la,
      note: `p50 ${round(reportTtfb.p50, 1)} ms; ${options.reportRequests} sequential requests`,
    });

    // --- Server memory under the inbox load.
    await keepSessionsAlive(admin);
    la = loadAverage();
    const samples: { seconds: number; mb: number }[] = [];
    const sampleStart = performance.now();
    const sampler = setInterval(() => {
      void readRssMb(server).then((mb) => {
        if (mb !== null) samples.push({ seconds: (performance.now() - sampleStart) / 1000, mb });
      });
    }, 1000);
    const startRss = await readRssMb(server);
    try {
      await runHttpLoad({
        url: server.url,
        ...inboxRequest(worker.token),
        connections: options.connections,
        durationSeconds: options.rssSeconds,
      });
    } finally {
      clearInterval(sampler);
    }
    const endRss = (await readRssMb(server)) ?? Number.NaN;
    const secondHalf = samples.filter((s) => s.seconds >= options.rssSeconds / 2);
    const slope = slopePerMinute(secondHalf);
    figures.push({
      name: `server RSS after ${options.rssSeconds} s of inbox load`,
      value: round(endRss, 0),
      unit: "MB",
      target: "report; flat",
      met: null,
      loadAverage: la,
      note: `start ${round(startRss ?? Number.NaN, 0)} MB, max ${round(Math.max(...samples.map((s) => s.mb)), 0)} MB, trend over the second half ${round(slope, 1)} MB/min`,
    });

    // --- handover.accept over HTTP against the same transaction in pgbench.
    log("generating the accept pools");
    await generateOfferedPool({ url: main.url, pool: "http", count: options.acceptHttp });
    await generateOfferedPool({ url: main.url, pool: "pgbench", count: options.acceptPgbench });
    const items = await acceptItems(admin, "http");
    await keepSessionsAlive(admin);
    la = loadAverage();
    const acceptRun = await runHttpLoad({
      url: server.url,
      method: "POST",
      path: "/trpc/handover.accept",
      headers: { "content-type": "application/json" },
      connections: options.connections,
      amount: items.length,
      items,
    });
    const pgbenchPool = await preparePgbenchPool(admin, "pgbench");
    const pgbench = await runAcceptPgbench({
      databaseName: main.name,
      clients: options.connections,
      transactions: pgbenchPool,
    });
    figures.push({
      name: "handover.accept over HTTP (partner system, Bearer token)",
      value: round(acceptRun.requestsPerSecond, 0),
      unit: "transitions/s",
      baseline: { name: "pgbench, the same SQL transaction", value: round(pgbench.tps, 0), unit: "transactions/s" },
      ratio: round(acceptRun.requestsPerSecond / pgbench.tps, 3),
      target: "≥ 0.5",
      met: acceptRun.requestsPerSecond / pgbench.tps >= 0.5,
      loadAverage: la,
      note: `${acceptRun.requests} accepts, p99 ${acceptRun.latencyMs.p99} ms; pgbench ${pgbench.transactions} transactions; ${options.connections} clients each`,
    });

    // --- The relay against a bare producer, on the events the accepts just wrote.
    log("starting the Kafka mock cluster");
    const kafka = await startKafkaMock({ brokers: 3 });
    cleanups.push(() => kafka.stop());
    const handle = await createDatabase({ databaseUrl: main.url, poolSize: 4 });
    cleanups.push(() => handle.close());
    const records = await pendingRecords(admin);
    const { createKafkaPublisher } = await import("@ketenportaal/bridge");
    const publisher = createKafkaPublisher({ brokers: kafka.brokers, clientId: "bench-relay" });
    cleanups.push(() => publisher.close());
    const bare = await bareProducer(kafka.brokers);
    cleanups.push(() => bare.disconnect());
    // Topics exist and both clients are connected before anything is timed.
    await publisher.connect?.();
    await bare.send(records.slice(0, 1));
    await keepSessionsAlive(admin);
    la = loadAverage();
    const relay = createOutboxRelayTask({ publisher, apiBaseUrl: "https://ketenportaal.bench", logger: silent });
    const relayStarted = performance.now();
    await relay.run({ db: handle.db, signal: new AbortController().signal });
    const relaySeconds = (performance.now() - relayStarted) / 1000;
    const [left] = await admin<{ n: string }[]>`select count(*) as n from outbox where published_at is null`;
    if (Number(left?.n) !== 0) throw new Error(`relay left ${left?.n} events unpublished`);
    const bareStarted = performance.now();
    await bare.send(records);
    const bareSeconds = (performance.now() - bareStarted) / 1000;
    const relayRate = records.length / relaySeconds;
    const bareRate = records.length / bareSeconds;
    figures.push({
      name: "outbox → Kafka relay",
      value: round(relayRate, 0),
      unit: "events/s",
      baseline: { name: "bare kafkajs producer, same messages", value: round(bareRate, 0), unit: "events/s" },
      ratio: round(relayRate / bareRate, 3),
      target: "≥ 0.5",
      met: relayRate / bareRate >= 0.5,
      loadAverage: la,
      note: `${records.length} events, batches of 200, acks -1, one request in flight, 3 mock brokers`,
    });

    // --- Commit → broker acknowledgement under a steady transition rate, the relay woken by NOTIFY.
    const latencyCount = options.latencyRate * options.latencySeconds;
    await generateOfferedPool({ url: main.url, pool: "latency", count: latencyCount });
    const latencyItems = await acceptItems(admin, "latency");
    const latencies: number[] = [];
    const latencyRelay = createOutboxRelayTask({
      publisher,
      apiBaseUrl: "https://ketenportaal.bench",
      logger: silent,
      observeLatency: (seconds) => latencies.push(seconds * 1000),
    });
    const bridge = startBridge({ db: handle.db, logger: silent, pollIntervalMs: 1000, tasks: [latencyRelay] });
    const unlisten = await handle.listen(OUTBOX_CHANNEL, () => bridge.wake());
    await keepSessionsAlive(admin);
    la = loadAverage();
    let steady: Awaited<ReturnType<typeof runHttpLoad>>;
    try {
      steady = await runHttpLoad({
        url: server.url,
        method: "POST",
        path: "/trpc/handover.accept",
        headers: { "content-type": "application/json" },
        connections: Math.max(options.connections, 16),
        amount: latencyItems.length,
        overallRate: options.latencyRate,
        items: latencyItems,
      });
      const deadline = Date.now() + 30_000;
      while (latencies.length < latencyItems.length && Date.now() < deadline) await sleep(100);
    } finally {
      await unlisten();
      await bridge.stop();
    }
    figures.push({
      name: `commit → broker ack p99 at a steady ${options.latencyRate} transitions/s`,
      value: round(percentile(latencies, 99), 1),
      unit: "ms",
      target: "< 250 ms",
      met: percentile(latencies, 99) < 250,
      loadAverage: la,
      note: `${latencies.length} events, achieved ${round(steady.requestsPerSecond, 0)} transitions/s, p50 ${round(percentile(latencies, 50), 1)} ms, max ${round(Math.max(...latencies), 0)} ms`,
    });

    return { options: stripLog(options), machine, generation, orphans, figures };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => log(`cleanup: ${String(error)}`));
  }
}

const silent = { info: () => {}, error: () => {} };

function stripLog(options: BenchOptions): Omit<BenchOptions, "log"> {
  const { log: _log, ...rest } = options;
  return rest;
}

function sleep(ms: number) {
  return new Promise((done) => setTimeout(done, ms));
}

/** A VT teamcoördinator: the report's "VT sees all" scope. */
async function regionCoordinatorOf(database: BenchDatabase): Promise<string> {
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ user_id: string }[]>`
      select id as user_id from bench.users where role = 'team_coordinator' order by id limit 1`;
    if (!row) throw new Error("no team coordinator");
    return benchSessionToken(row.user_id);
  } finally {
    await sql.end();
  }
}

/**
 * Sessions end after 30 minutes without a request. At 1m a phase (the reports, ten minutes of RSS load) can outlast
 * that for the people the next phase uses, and every answer would be a 401: mark them all as just seen.
 */
async function keepSessionsAlive(sql: Sql): Promise<void> {
  await sql`update sessions set last_seen_at = now(), expires_at = greatest(expires_at, now() + interval '2 hours')
            where revoked_at is null`;
}

/** The partner medewerker of the team with the most offered handovers: the heaviest inbox. */
async function biggestInbox(sql: Sql): Promise<{ token: string; offered: number }> {
  const [row] = await sql<{ user_id: string; offered: string }[]>`
    select u.id as user_id, count(h.id) as offered
    from bench.users u join handovers h on h.target_team_id = u.team_id and h.status = 'offered'
    where u.role = 'partner_worker' and u.slot = 1
    group by u.id order by count(h.id) desc limit 1`;
  if (!row) throw new Error("no partner worker with an inbox");
  return { token: benchSessionToken(row.user_id), offered: Number(row.offered) };
}

async function biggestInboxOf(database: BenchDatabase) {
  const sql = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    return await biggestInbox(sql);
  } finally {
    await sql.end();
  }
}

/** The load must measure the real answer: a full page, not a refusal. */
async function assertInboxServes(
  server: ServerHandle,
  request: { path: string; headers: Record<string, string> },
  limit: number,
) {
  const response = await fetch(`${server.url}${request.path}`, { headers: request.headers });
  const body = (await response.json()) as { result?: { data?: { items?: unknown[] } } };
  const items = body.result?.data?.items?.length ?? -1;
  if (response.status !== 200 || items < Math.min(limit, 1)) {
    throw new Error(`inbox answered ${response.status} with ${items} items: ${JSON.stringify(body).slice(0, 300)}`);
  }
}

async function acceptItems(sql: Sql, pool: string) {
  const rows = await sql<{ id: string; version: number; org: string }[]>`
    select h.id, h.version, h.target_organisation_id as org
    from bench.plan_log l join handovers h on h.id = l.handover_id
    where l.pool = ${pool} and h.status = 'offered' order by l.i`;
  return rows.map((row) => ({
    body: JSON.stringify({ id: row.id, version: row.version }),
    headers: { authorization: `Bearer ${benchServiceAccountToken(row.org)}` },
  }));
}

/** The unpublished events as the relay turns them into Kafka records, for the bare producer to send. */
async function pendingRecords(sql: Sql) {
  const rows = await sql<
    {
      id: string;
      aggregate_type: string;
      aggregate_id: string;
      event_type: string;
      source: string;
      sequence: number;
      topic: string;
      payload: unknown;
      created_at: Date;
    }[]
  >`select id, aggregate_type, aggregate_id, event_type, source, sequence, topic, payload, created_at
    from outbox where published_at is null order by position`;
  return rows.map((row) => ({
    topic: row.topic,
    record: toKafkaRecord({
      event: toCloudEvent({
        record: {
          id: row.id,
          aggregateType: row.aggregate_type,
          aggregateId: row.aggregate_id,
          eventType: row.event_type,
          source: row.source,
          sequence: Number(row.sequence),
          payload: row.payload,
          createdAt: new Date(row.created_at),
        },
        apiBaseUrl: "https://ketenportaal.bench",
      }),
    }),
  }));
}

/** A plain kafkajs producer with the relay's delivery settings (acks -1, one request in flight, batches of 200). */
async function bareProducer(brokers: string[]) {
  const kafka = new kafkajs.Kafka({ clientId: "bench-bare", brokers, logLevel: kafkajs.logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: true, maxInFlightRequests: 1 });
  await producer.connect();
  return {
    send: async (records: Awaited<ReturnType<typeof pendingRecords>>) => {
      for (let i = 0; i < records.length; i += 200) {
        const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
        for (const { topic, record } of records.slice(i, i + 200)) {
          const messages = byTopic.get(topic) ?? [];
          messages.push({ key: record.key, value: record.value, headers: record.headers });
          byTopic.set(topic, messages);
        }
        await producer.sendBatch({
          acks: -1,
          topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
        });
      }
    },
    disconnect: () => producer.disconnect(),
  };
}

/** Time to the response's first byte (status line and headers), one request after the other. */
async function measureTtfb(url: string, token: string, count: number): Promise<{ p50: number; p95: number }> {
  const { request } = await import("node:http");
  const times: number[] = [];
  for (let i = 0; i < count + 3; i++) {
    const started = performance.now();
    const ttfb = await new Promise<number>((done, fail) => {
      const req = request(url, { headers: { cookie: `kp_session=${token}` } }, (response) => {
        const first = performance.now() - started;
        if (response.statusCode !== 200) fail(new Error(`${url} answered ${response.statusCode}`));
        response.resume();
        response.on("end", () => done(first));
      });
      req.on("error", fail);
      req.end();
    });
    // The first few warm the route up.
    if (i >= 3) times.push(ttfb);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function readRssMb(server: ServerHandle): Promise<number | null> {
  try {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const match = /^process_resident_memory_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)$/m.exec(text);
    return match?.[1] ? Number(match[1]) / 1024 ** 2 : null;
  } catch {
    return null;
  }
}

/** Least-squares slope of RSS over time, in MB per minute. */
function slopePerMinute(samples: { seconds: number; mb: number }[]): number {
  if (samples.length < 2) return 0;
  const n = samples.length;
  const meanX = samples.reduce((sum, s) => sum + s.seconds, 0) / n;
  const meanY = samples.reduce((sum, s) => sum + s.mb, 0) / n;
  const numerator = samples.reduce((sum, s) => sum + (s.seconds - meanX) * (s.mb - meanY), 0);
  const denominator = samples.reduce((sum, s) => sum + (s.seconds - meanX) ** 2, 0);
  return denominator === 0 ? 0 : (numerator / denominator) * 60;
}

/** The bare Hono hello in its own process. */
async function startHello(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", resolve(import.meta.dirname, "baseline/hello-server.ts")],
    { cwd: resolve(import.meta.dirname, ".."), env: getChildBaseEnv(), stdio: ["ignore", "pipe", "inherit"] },
  );
  const unregister = child.pid ? killOnExit({ pid: child.pid }) : () => {};
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error("hello server did not start")), 20_000);
    if (!child.stdout) return fail(new Error("no stdout"));
    createInterface({ input: child.stdout }).on("line", (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        done(Number(match[1]));
      }
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill("SIGTERM");
      unregister();
    },
  };
}
