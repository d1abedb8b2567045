import { index, type RouteConfig, route } from "@remix-run/route-config";

export default [
  index("routes/home.tsx"),
  route("inloggen", "routes/login.tsx"),
  route("uitloggen", "routes/logout.tsx"),
  route("toegankelijkheid", "routes/accessibility-statement.tsx"),
  route("overdrachten", "routes/handovers.tsx"),
  route("overdrachten/nieuw", "routes/handover-new.tsx"),
  route("overdrachten/:id", "routes/handover.tsx"),
  route("overdrachten/:id/bewerken", "routes/handover-edit.tsx"),
  route("overdrachtstafels", "routes/tables.tsx"),
  route("overdrachtstafels/nieuw", "routes/table-new.tsx"),
  route("overdrachtstafels/:id", "routes/table.tsx"),
  route("overdrachtstafels/:id/verslag", "routes/table-minutes.tsx"),
  route("voorwaarden-en-vervolg", "routes/vv-list.tsx"),
  route("voorwaarden-en-vervolg/nieuw", "routes/vv-new.tsx"),
  route("voorwaarden-en-vervolg/:id", "routes/vv.tsx"),
  route("meldingen", "routes/notifications.tsx"),
  route("beheer", "routes/admin.tsx"),
  route("beheer/gebeurtenissen", "routes/admin-events.tsx"),
  route("beheer/e-mail", "routes/admin-mail.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
