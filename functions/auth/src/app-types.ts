import type { Schema } from "hono";
import type { OpenAPIHono } from "@traceo/openapi";
import type { SessionEnv, SessionVariables } from "@traceo/session-auth";

export type AuthContext = { Bindings: SessionEnv; Variables: SessionVariables };
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type AuthApp<S extends Schema = {}> = OpenAPIHono<AuthContext, S>;
