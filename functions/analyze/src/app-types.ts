import type { OpenAPIHono } from "@traceo/openapi";
import type { GatewayEnv, GatewayVariables } from "@traceo/gateway";

export type AnalyzeEnv = { Bindings: GatewayEnv; Variables: GatewayVariables };
export type AnalyzeApp = OpenAPIHono<AnalyzeEnv>;
