import type { GatewayEnv, GatewayVariables } from "@traceo/gateway";

export type AnalyzeEnv = { Bindings: GatewayEnv; Variables: GatewayVariables };
