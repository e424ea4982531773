// Tells "the database could not be reached, or the connection broke" apart from a query that the
// database refused (a unique violation, a check constraint...): the first becomes a 503 problem
// with Retry-After, the second keeps its SQLSTATE for the caller to handle.
import type { PostgresPool, PostgresPoolClient } from "kysely";
import { problems, ProblemError } from "@traceo/problem";

// SQLSTATE classes that mean "not reachable right now": 08 connection exception, 53 insufficient
// resources (too many connections...), 57P0x shutdown/crash/cannot connect now.
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0)/;
const SQLSTATE = /^[0-9A-Z]{5}$/;

export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof ProblemError) return false;
  if (err instanceof TypeError || err instanceof RangeError || err instanceof SyntaxError) return false; // our bug, not an outage
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === "string" && SQLSTATE.test(code)) return UNAVAILABLE_SQLSTATE.test(code);
  // No SQLSTATE: the driver, the WebSocket or the socket failed before the server answered.
  return true;
}

export function databaseUnavailable(cause: unknown): ProblemError {
  const problem = problems.serviceUnavailable("The database cannot be reached right now; nothing was saved. Retry shortly.", 5);
  (problem as { cause?: unknown }).cause = cause;
  return problem;
}

const translate = (err: unknown): unknown => (isDatabaseUnavailable(err) ? databaseUnavailable(err) : err);

function wrapClient(client: PostgresPoolClient): PostgresPoolClient {
  return {
    query: ((sqlOrCursor: never, parameters: never) => {
      const result = client.query(sqlOrCursor, parameters) as unknown;
      return result instanceof Promise ? result.catch((err) => Promise.reject(translate(err))) : result;
    }) as PostgresPoolClient["query"],
    release: (destroy?: boolean) => client.release(destroy),
  };
}

// A checked-out client whose connection drops also emits "error"; without a listener that is an
// uncaught exception in the isolate (node-postgres clients are EventEmitters).
const listened = new WeakSet<object>();
function absorbErrorEvents(client: PostgresPoolClient): PostgresPoolClient {
  const emitter = client as unknown as { on?: (event: string, listener: () => void) => void };
  if (typeof emitter.on === "function" && !listened.has(client)) {
    emitter.on("error", () => {}); // the failing query rejects as well, and that is what we report
    listened.add(client);
  }
  return client;
}

/** A pool whose connection and query failures caused by an outage surface as 503 problems. */
export function failingAsUnavailable(pool: PostgresPool): PostgresPool {
  return {
    connect: () => pool.connect().then((client) => wrapClient(absorbErrorEvents(client)), (err) => Promise.reject(databaseUnavailable(err))),
    end: () => pool.end(),
  };
}
