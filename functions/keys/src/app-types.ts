import type { SessionEnv, SessionVariables } from "@traceo/session-auth";

export type KeysEnv = SessionEnv & { API_KEY_ENV?: string };
export type KeysContext = { Bindings: KeysEnv; Variables: SessionVariables };
