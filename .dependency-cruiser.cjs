/**
 * The import direction of DESIGN.md section 4: apps → api → domain/db/events/mail → nothing internal.
 * The portal reaches data only through the API; the domain does no I/O; no package imports an app.
 * `npm run lint` fails on any violation; tests/boundaries proves these rules catch what they should.
 */
const dataAndMessaging =
  "^(packages/(db|events|mail)/|node_modules/(drizzle-orm|postgres|@electric-sql/pglite|kafkajs|nodemailer)/)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "portal-not-to-data",
      comment:
        "The portal never touches the database or the message transports: it calls the API through the tRPC caller.",
      severity: "error",
      from: { path: "^apps/portal/" },
      to: { path: dataAndMessaging },
    },
    {
      name: "portal-api-types-only",
      comment: "At run time the portal may use only the API's cookie helpers; everything else from the API is a type.",
      severity: "error",
      from: { path: "^apps/portal/" },
      to: {
        path: "^packages/api/",
        pathNot: "^packages/api/src/session-cookie\\.ts$",
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "domain-is-pure",
      comment: "packages/domain holds pure rules: no I/O, no other workspace package, no frameworks.",
      severity: "error",
      from: { path: "^packages/domain/", pathNot: "\\.test\\.ts$" },
      to: {
        path: [
          "^packages/(?!domain/)",
          "^apps/",
          "^node_modules/(drizzle-orm|postgres|@electric-sql/pglite|kafkajs|nodemailer|hono|@hono|@trpc|pino)/",
        ],
      },
    },
    {
      name: "domain-no-io-builtins",
      severity: "error",
      from: { path: "^packages/domain/", pathNot: "\\.test\\.ts$" },
      to: {
        dependencyTypes: ["core"],
        path: "^(node:)?(fs|net|http|https|http2|dns|child_process|cluster|dgram|tls|worker_threads)(/|$)",
      },
    },
    {
      name: "leaf-packages-import-nothing-internal",
      comment: "db, events and mail sit at the bottom: they import no other workspace package.",
      severity: "error",
      from: { path: "^packages/(db|events|mail)/" },
      to: { path: "^packages/", pathNot: "^packages/$1/" },
    },
    {
      name: "api-not-to-apps",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^apps/" },
    },
    {
      name: "examples-use-public-libraries",
      comment: "Reference integrations show partners what they can do with public libraries and the API alone.",
      severity: "error",
      from: { path: "^examples/" },
      to: { path: "^(packages|apps)/" },
    },
    {
      name: "worker-role-not-in-requests",
      comment:
        "withSystemTask switches to the database role that spans organisations (decision 007). Only background work " +
        "(bridge tasks, deadline watch, scheduled destruction, demo seed, command line) may use it; no request handler can reach it.",
      severity: "error",
      from: {
        path: "^packages/api/(src|boundary-fixtures)/",
        pathNot: [
          "\\.test\\.ts$",
          "^packages/api/src/services/demo/",
          "^packages/api/src/services/(handover/watch-deadlines|vv/watch-vv-deadlines|continuity-plan/watch-continuity-plans|report-notice/announce-ready-reports|accounts/manage-accounts|retention/destroy-expired-files)\\.ts$",
        ],
      },
      to: { path: "^packages/db/src/system-task\\.ts$" },
    },
    {
      name: "requests-not-to-background-services",
      comment: "Routers and the request context never call the services that run as the worker role.",
      severity: "error",
      from: { path: "^packages/api/src/(routers/|trpc\\.ts$|context\\.ts$|portal-load-context\\.ts$)" },
      to: {
        path: "^packages/api/src/services/(demo/|handover/watch-deadlines|vv/watch-vv-deadlines|continuity-plan/watch-continuity-plans|report-notice/announce-ready-reports|accounts/manage-accounts|retention/destroy-expired-files)",
      },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|build|dist|\\.turbo)/" },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
      mainFields: ["module", "main", "types"],
    },
    moduleSystems: ["es6", "cjs"],
  },
};
