import { createTestDatabase, type TestDatabase } from "@ketenportaal/db/testing";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchSessionToken, generateNationalData } from "../../../../../tests/bench/generate";
import { createRecordingDatabase, type RecordedQuery } from "../../../../../tests/bench/query-recorder";
import { createApiContext } from "../../context";
import { createApiCaller } from "../../router";

/**
 * Behaviour, not timing (issue 11): at 100k generated handovers the inbox, list and region queries — the SQL the
 * procedures really send, captured from the driver — are planned on their indexes, and the inbox page costs the
 * same number of queries whatever its page size.
 */
const HANDOVERS = 100_000;

let database: TestDatabase;
let recorder: ReturnType<typeof createRecordingDatabase>;
let admin: postgres.Sql;
let handoverRows = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  await generateNationalData({ url: database.url, handovers: HANDOVERS, withEvents: false });
  recorder = createRecordingDatabase(database.url);
  admin = postgres(database.url, { max: 1, onnotice: () => {} });
  const [row] = await admin<{ n: number }[]>`select reltuples::int as n from pg_class where relname = 'handovers'`;
  handoverRows = row?.n ?? 0;
}, 180_000);

afterAll(async () => {
  await recorder?.close();
  await admin?.end();
  await database?.drop();
});

/** A caller for one generated person, through the same context the server builds from a session cookie. */
async function callerFor(userId: string) {
  const context = await createApiContext({
    db: recorder.db,
    headers: new Headers({ cookie: `kp_session=${benchSessionToken(userId)}` }),
    meta: { requestId: "plan-guard", clientAddress: "127.0.0.1" },
    config: { publicUrl: "https://ketenportaal.test" },
  });
  if (!context.principal) throw new Error(`no principal for ${userId}`);
  return createApiCaller(context);
}

async function person(query: string): Promise<string> {
  const [row] = await admin.unsafe<{ id: string }[]>(query);
  if (!row) throw new Error(`nobody for ${query}`);
  return row.id;
}

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Plan Rows": number;
  "Workers Planned"?: number;
  Plans?: PlanNode[];
};

/** Every node with its estimated rows in total: below a Gather, a node's estimate is per parallel worker. */
function* nodesOf(node: PlanNode, workers = 1): Generator<{ node: PlanNode; rows: number }> {
  yield { node, rows: node["Plan Rows"] * workers };
  const below = node["Workers Planned"] ? node["Workers Planned"] + 1 : workers;
  for (const child of node.Plans ?? []) yield* nodesOf(child, below);
}

/**
 * EXPLAIN of every captured statement that reads handovers, in a transaction with the request's own settings (the
 * captured withRequest statement, and any planner setting the service changes around a query, replayed in the order
 * they were sent): row-level policies are part of the plan.
 */
async function plansOf(
  queries: RecordedQuery[],
  options: { tables: RegExp } = { tables: /"handovers"/ },
): Promise<{ sql: string; plan: PlanNode }[]> {
  const settings = queries.find((q) => q.sql.includes("set_config('role'") && q.params.includes("ketenportaal_app"));
  expect(settings, "the request's withRequest statement").toBeDefined();
  const reads = queries.filter((q) => /^select/i.test(q.sql.trim()) && options.tables.test(q.sql));
  expect(reads.length).toBeGreaterThan(0);
  const plans: { sql: string; plan: PlanNode }[] = [];
  const rollback = new Error("rollback");
  await admin
    .begin(async (tx) => {
      if (settings) await tx.unsafe(settings.sql, settings.params as never[]);
      for (const read of queries.filter((q) => reads.includes(q) || isSetting(q))) {
        if (!reads.includes(read)) {
          if (read !== settings && !read.params.includes("ketenportaal_auth")) {
            await tx.unsafe(read.sql, read.params as never[]);
          }
          continue;
        }
        const [row] = await tx.unsafe<{ "QUERY PLAN": { Plan: PlanNode }[] }[]>(
          `explain (format json) ${read.sql}`,
          read.params as never[],
        );
        const plan = row?.["QUERY PLAN"][0]?.Plan;
        if (plan) plans.push({ sql: read.sql, plan });
      }
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return plans;
}

/** A change of the transaction's settings: the request's role and context, or a planner setting. */
function isSetting(query: RecordedQuery): boolean {
  return /^(select\s+set_config\(|set\s+local\s)/i.test(query.sql.trim());
}

/** A sequential scan of handovers, or a sort fed by (nearly) all of its rows. */
function problemsIn(plan: PlanNode): string[] {
  const problems: string[] = [];
  for (const { node, rows } of nodesOf(plan)) {
    if (node["Node Type"] === "Seq Scan" && node["Relation Name"] === "handovers") {
      problems.push("Seq Scan on handovers");
    }
    if (node["Node Type"] === "Sort" && rows >= handoverRows / 2) {
      problems.push(`Sort of ${Math.round(rows)} of ${handoverRows} rows`);
    }
  }
  return problems;
}

async function expectIndexedPlans(call: () => Promise<unknown>) {
  const { queries } = await recorder.record(call);
  const plans = await plansOf(queries);
  for (const { sql, plan } of plans) {
    expect(problemsIn(plan), `${sql}\n${JSON.stringify(plan, null, 1)}`).toEqual([]);
  }
}

const BIGGEST_INBOX_WORKER = `select u.id from bench.users u join handovers h on h.target_team_id = u.team_id
  and h.status = 'offered' where u.role = 'partner_worker' group by u.id order by count(*) desc limit 1`;
const BIGGEST_PARTNER_COORDINATOR = `select u.id from bench.users u join handovers h on h.target_organisation_id = u.org_id
  where u.role = 'partner_coordinator' group by u.id order by count(*) desc limit 1`;
const BIGGEST_VT_WORKER = `select u.id from bench.users u join handovers h on h.organisation_id = u.org_id
  where u.role = 'vt_worker' group by u.id order by count(*) desc limit 1`;
const BIGGEST_REGION_CONTACT = `select u.id from bench.users u join bench.regions r on r.n = u.region_n
  join handovers h on h.region_id = r.id where u.role = 'team_coordinator' group by u.id order by count(*) desc limit 1`;

describe(`handover queries at ${HANDOVERS.toLocaleString("en")} handovers`, () => {
  it("the guard sees a sequential scan and a whole-table sort when there is one", async () => {
    const [row] = await admin.unsafe<{ "QUERY PLAN": { Plan: PlanNode }[] }[]>(
      "explain (format json) select * from handovers where concerns is not null order by household_view",
    );
    const plan = row?.["QUERY PLAN"][0]?.Plan;
    if (!plan) throw new Error("no plan");
    const problems = problemsIn(plan);
    expect(problems).toContain("Seq Scan on handovers");
    expect(problems.some((problem) => problem.startsWith("Sort of"))).toBe(true);
  });

  it("the partner inbox and ongoing list of the busiest team use indexes", async () => {
    const api = await callerFor(await person(BIGGEST_INBOX_WORKER));
    await expectIndexedPlans(() => api.handover.inbox({ limit: 50 }));
    await expectIndexedPlans(() => api.handover.list({ status: ["accepted", "started"], limit: 50 }));
  });

  it("the busiest team's inbox reads its page in index order, not all of the team's offers and then a sort", async () => {
    // The handovers policy makes PostgreSQL estimate a team's inbox at a few dozen rows, so by its own costs a page
    // of 50 is cheaper to sort than to read in order; the real inbox grows with the data (listInbox turns sorting off).
    const api = await callerFor(await person(BIGGEST_INBOX_WORKER));
    const { queries } = await recorder.record(() => api.handover.inbox({ limit: 50 }));
    const [inbox] = await plansOf(queries);
    if (!inbox) throw new Error("no inbox plan");
    const nodes = [...nodesOf(inbox.plan)].map(({ node }) => node);
    expect(nodes.filter((node) => node["Node Type"] === "Sort")).toEqual([]);
    expect(nodes.some((node) => node["Index Name"] === "handovers_inbox_idx")).toBe(true);
  });

  it("the busiest team's ongoing list reads the team's ongoing handovers, not every handover of its organisation", async () => {
    // Under row-level security the status enum is never an index condition (enum_eq is not leakproof): without the
    // partial index the list read all of the organisation's handovers to keep the team's accepted and started ones.
    const api = await callerFor(await person(BIGGEST_INBOX_WORKER));
    const { queries } = await recorder.record(() => api.handover.list({ status: ["accepted", "started"], limit: 50 }));
    const plans = await plansOf(queries);
    const indexes = plans.flatMap(({ plan }) => [...nodesOf(plan)].map(({ node }) => node["Index Name"]));
    expect(indexes).toContain("handovers_team_ongoing_idx");
  });

  it("a partner coordinator's organisation-wide inbox and list use indexes", async () => {
    const api = await callerFor(await person(BIGGEST_PARTNER_COORDINATOR));
    await expectIndexedPlans(() => api.handover.inbox({ limit: 50 }));
    await expectIndexedPlans(() => api.handover.list({ limit: 50 }));
  });

  it("VT's list, by status, and the region lists of an aanspreekpunt use indexes", async () => {
    const worker = await callerFor(await person(BIGGEST_VT_WORKER));
    await expectIndexedPlans(() => worker.handover.list({ limit: 50 }));
    await expectIndexedPlans(() => worker.handover.list({ status: ["offered"], limit: 50 }));
    const contactId = await person(BIGGEST_REGION_CONTACT);
    const [region] = await admin<{ id: string }[]>`select id from regions where contact_user_id = ${contactId}`;
    const contact = await callerFor(contactId);
    await expectIndexedPlans(() => contact.handover.list({ myRegions: true, limit: 50 }));
    await expectIndexedPlans(() => contact.handover.list({ regionId: region?.id ?? "", limit: 50 }));
  });

  it("a handover's page reads its history and the case's persons by key, not through every visible handover or case", async () => {
    const workerId = await person(BIGGEST_VT_WORKER);
    const [handover] = await admin<{ id: string }[]>`select h.id from handovers h join bench.users u
      on u.org_id = h.organisation_id where u.id = ${workerId} and h.status = 'offered' limit 1`;
    const api = await callerFor(workerId);
    const { queries } = await recorder.record(() => api.handover.get({ id: handover?.id ?? "" }));
    const childReads = queries.filter((q) => /"(handover_history|involved_persons)"/.test(q.sql));
    expect(childReads.length).toBeGreaterThanOrEqual(2);
    const plans = await plansOf(queries, { tables: /"(handover_history|involved_persons)"/ });
    for (const { sql, plan } of plans) {
      // A policy written as `x IN (SELECT id FROM handovers)` reads every handover the organisation may see
      // (a hashed sub-plan of tens of thousands of rows) to show one handover's history.
      const wide = [...nodesOf(plan)].filter(
        ({ node, rows }) => /^(handovers|cases)$/.test(node["Relation Name"] ?? "") && rows >= 1000,
      );
      expect(
        wide.map(({ node, rows }) => `${node["Node Type"]} on ${node["Relation Name"]}: ${Math.round(rows)} rows`),
        `${sql}\n${JSON.stringify(plan, null, 1)}`,
      ).toEqual([]);
    }
  });

  it("the inbox page's calls issue as many queries for 5 rows as for 50 (no query per row)", async () => {
    const userId = await person(BIGGEST_INBOX_WORKER);
    const countFor = async (limit: number) => {
      const { queries } = await recorder.record(async () => {
        // What the partner's /overdrachten loaders ask: who is this, unread notices, the inbox, the ongoing list.
        const api = await callerFor(userId);
        await api.me();
        await api.notification.unreadCount();
        const inbox = await api.handover.inbox({ limit });
        await api.handover.list({ status: ["accepted", "started"], limit });
        expect(inbox.items).toHaveLength(limit);
      });
      return queries.length;
    };
    const five = await countFor(5);
    const fifty = await countFor(50);
    expect(fifty).toBe(five);
    expect(fifty).toBeLessThanOrEqual(30);
  });
});
