// The self-service API keys Worker: an independent Hono app with its own entry, deployable alone.
// Signed-in users (access token from functions/auth) manage their own account's keys.
import { useHttpHygiene } from "@traceo/http-hygiene";
import { provideServices } from "@traceo/gateway";
import { createApiApp } from "@traceo/openapi";
import { limitBody } from "@traceo/problem";
import { requireSession, requireSessionSettings } from "@traceo/session-auth";
import type { KeysContext } from "./app-types.ts";
import { createKey, createKeyRoute, listKeys, listKeysRoute, revokeKey, revokeKeyRoute, rollKey, rollKeyRoute } from "./routes/keys.ts";

// Not exported: a Worker entry module may export only handlers (workerd refuses other values).
const KEYS_BODY_LIMIT = 16 * 1024;

const app = createApiApp<KeysContext>();
useHttpHygiene(app);
app.use("/v1/keys", async (c, next) => {
  await next();
  c.header("cache-control", "no-store"); // a created key is shown once and must not be cached
});
app.use("/v1/keys/*", async (c, next) => {
  await next();
  c.header("cache-control", "no-store");
});
app.use("/v1/keys", limitBody(KEYS_BODY_LIMIT), requireSessionSettings(), provideServices(), requireSession());
app.use("/v1/keys/*", limitBody(KEYS_BODY_LIMIT), requireSessionSettings(), provideServices(), requireSession());
const routes = app.openapi(createKeyRoute, createKey).openapi(listKeysRoute, listKeys).openapi(revokeKeyRoute, revokeKey).openapi(rollKeyRoute, rollKey);

/** The routes' types, for Hono's RPC client (`hc<KeysRoutes>`; see packages/client). */
export type KeysRoutes = typeof routes;
export default app;
