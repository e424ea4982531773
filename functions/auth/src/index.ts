// The accounts Worker: an independent Hono app with its own entry, deployable alone.
import "./argon2-wasm.ts";
import { useHttpHygiene } from "@traceo/http-hygiene";
import { provideServices } from "@traceo/gateway";
import { createApiApp } from "@traceo/openapi";
import { limitBody } from "@traceo/problem";
import { requireSessionSettings } from "@traceo/session-auth";
import type { AuthContext } from "./app-types.ts";
import { registerLogin } from "./routes/login.ts";
import { registerMe } from "./routes/me.ts";
import { registerRegister } from "./routes/register.ts";
import { registerSessions } from "./routes/sessions.ts";
import { registerTwoFactor } from "./routes/two-factor.ts";

/** Auth bodies are a few short strings; anything larger is refused before it is read. */
// Not exported: a Worker entry module may export only handlers (workerd refuses other values).
const AUTH_BODY_LIMIT = 8 * 1024;

const app = createApiApp<AuthContext>();
useHttpHygiene(app);
app.use("/auth/*", async (c, next) => {
  await next();
  c.header("cache-control", "no-store"); // tokens, secrets and codes must never be cached
});
app.use("/auth/*", limitBody(AUTH_BODY_LIMIT));
app.use("/auth/*", requireSessionSettings(), provideServices());
const routes = registerMe(registerTwoFactor(registerSessions(registerLogin(registerRegister(app)))));

/** The routes' types, for Hono's RPC client (`hc<AuthRoutes>`; see packages/client). */
export type AuthRoutes = typeof routes;
export default app;
