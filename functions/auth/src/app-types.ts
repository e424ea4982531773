import type { Hono } from "hono";
import type { SessionEnv, SessionVariables } from "@traceo/session-auth";

export type AuthContext = { Bindings: SessionEnv; Variables: SessionVariables };
export type AuthApp = Hono<AuthContext>;
