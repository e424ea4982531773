import type { Hono } from "hono";
import type { GatewayEnv, GatewayVariables } from "@traceo/gateway";

export type ReportsApp = Hono<{ Bindings: GatewayEnv; Variables: GatewayVariables }>;
