// One structured JSON log line per event. Callers pass identifiers and outcomes only: never request
// bodies, headers, keys, passwords, codes or tokens (test/faults/secret-hygiene.test.ts checks it).
import { currentRequestId } from "./request-scope.ts";

export type LogLevel = "info" | "warn" | "error";

export function logEvent(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
  // Inside a request (useHttpHygiene mounts requestScope) the line carries its request id.
  const requestId = fields.requestId ?? currentRequestId();
  const line = JSON.stringify({ level, msg, ...(requestId !== undefined ? { requestId } : {}), ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

/** The message of an error, without its stack (stacks can carry request data through closures' names). */
export function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
