import type { Schema } from "hono";
import type { OpenAPIHono } from "@traceo/openapi";
import type { GatewayEnv, GatewayVariables } from "@traceo/gateway";

export type ReportsEnv = { Bindings: GatewayEnv; Variables: GatewayVariables };
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type ReportsApp<S extends Schema = {}> = OpenAPIHono<ReportsEnv, S>;
