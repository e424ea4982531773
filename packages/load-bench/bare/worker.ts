// The baseline for bench:load: the same runtime, Hono and request shape as the analyze Worker, no work.
import { Hono } from "hono";

const app = new Hono();
app.post("*", async (c) => {
  const body = await c.req.arrayBuffer();
  return c.json({ ok: true, bytes: body.byteLength });
});

export default app;
