import { index, type RouteConfig, route } from "@remix-run/route-config";

export default [
  index("routes/home.tsx"),
  route("inloggen", "routes/login.tsx"),
  route("uitloggen", "routes/logout.tsx"),
  route("toegankelijkheid", "routes/accessibility-statement.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
