/**
 * The HTTP baseline: a bare Hono "hello" on @hono/node-server, nothing else. Run as its own process; prints
 * `listening <port>` once it accepts connections.
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono();
app.get("/", (c) => c.text("hello"));
serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`listening ${info.port}\n`);
});
