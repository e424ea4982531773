// A path that exists answers a method it does not serve with 405 and `Allow`, instead of 404 (or of
// 401 from an auth middleware further down), and a plain OPTIONS (no CORS preflight: consoleCors,
// mounted before, answers those) with 204 and `Allow`, as RFC 9110 §9.3.7 asks; Hono itself routes
// OPTIONS like any method, so without this it was a 404. Reads the app's route table at request
// time, so it sees every route registered after it is mounted.
import type { Hono, MiddlewareHandler } from "hono";
import { problems } from "@traceo/problem";

type RouteTable = { routes: { path: string; method: string }[] };

/** A Hono path pattern as a RegExp: `:name`, `:name{re}`, `:name?` and `*` are understood. */
export function patternToRegExp(path: string): RegExp {
  let source = "";
  for (const segment of path.split("/").slice(1)) {
    if (segment === "*") {
      source += "(?:/.*)?";
      continue;
    }
    const param = /^:([A-Za-z0-9_]+)(\{(.+)\})?(\?)?$/.exec(segment);
    if (param) {
      const body = param[3] ? `(?:${param[3]})` : "[^/]+";
      source += param[4] ? `(?:/${body})?` : `/${body}`;
    } else {
      source += "/" + segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }
  }
  return new RegExp(`^${source || "/"}/?$`);
}

/** The methods routes serve at `pathname` (HEAD comes with GET), ignoring middleware (`ALL`). */
export function methodsFor(app: RouteTable, pathname: string): Set<string> {
  const methods = new Set<string>();
  for (const route of app.routes) {
    if (route.method === "ALL") continue;
    if (patternToRegExp(route.path).test(pathname)) {
      methods.add(route.method);
      if (route.method === "GET") methods.add("HEAD");
    }
  }
  return methods;
}

export function methodGuard(app: Hono<any, any, any>): MiddlewareHandler {
  const cache = new Map<string, string[]>();
  return async (c, next) => {
    const method = c.req.method;
    const pathname = new URL(c.req.url).pathname;
    let allowed = cache.get(pathname);
    if (!allowed) {
      allowed = [...methodsFor(app, pathname)];
      if (cache.size < 1_000) cache.set(pathname, allowed);
    }
    if (allowed.length === 0 || (method !== "OPTIONS" && allowed.includes(method))) return next();
    // One `Allow` for both answers: the 405 lists what the 204 to OPTIONS lists (HEAD with GET, and
    // OPTIONS itself, answered here on every path that exists).
    const allow = [...new Set([...allowed, "OPTIONS"])];
    if (method !== "OPTIONS") throw problems.methodNotAllowed(allow);
    c.header("allow", allow.join(", "));
    return c.body(null, 204);
  };
}
