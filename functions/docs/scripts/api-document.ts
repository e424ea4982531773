// One OpenAPI 3.1 document for the whole API: each function's app describes its own routes (their
// schemas are the validation); this merges them, as the one public address serves them all.
import type { OpenAPIHono } from "@hono/zod-openapi";
import analyze from "../../analyze/src/index.ts";
import auth from "../../auth/src/index.ts";
import keys from "../../keys/src/index.ts";
import reports from "../../reports/src/index.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyApp = OpenAPIHono<any, any, any>;
export const FUNCTIONS: Record<string, AnyApp> = { analyze, auth, keys, reports } as unknown as Record<string, AnyApp>;

const INFO = {
  title: "Traceo Edge API",
  version: "1.0.0",
  description: [
    "Phishing detection at the edge: a raw email or a URL in; a calibrated score, a verdict and reasons out.",
    "",
    "Every error is `application/problem+json` (RFC 9457). API-key endpoints send the IETF `RateLimit` and `RateLimit-Policy` fields on every answer; 429 and 503 carry `Retry-After`.",
    "Generated from the route schemas by `npm run openapi`.",
  ].join("\n"),
};

type Doc = { paths?: Record<string, Record<string, unknown>>; components?: Record<string, Record<string, unknown>>; [k: string]: unknown };

/** Merges the functions' documents; a path or a component named twice with different content is an error. */
export function mergeDocuments(parts: Record<string, Doc>): Doc {
  const paths: Record<string, Record<string, unknown>> = {};
  const components: Record<string, Record<string, unknown>> = {};
  for (const [fn, doc] of Object.entries(parts)) {
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const [method, operation] of Object.entries(item)) {
        if (paths[path]?.[method]) throw new Error(`${method.toUpperCase()} ${path} is declared by two functions (${fn} and another)`);
        (paths[path] ??= {})[method] = operation;
      }
    }
    for (const [kind, entries] of Object.entries(doc.components ?? {})) {
      for (const [name, value] of Object.entries(entries)) {
        const seen = (components[kind] ??= {})[name];
        if (seen !== undefined && JSON.stringify(seen) !== JSON.stringify(value)) throw new Error(`components.${kind}.${name} differs between functions (${fn})`);
        components[kind]![name] = value;
      }
    }
  }
  const sorted = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  return {
    openapi: "3.1.0",
    info: INFO,
    servers: [{ url: "http://127.0.0.1:8787", description: "`npm run dev`" }],
    tags: [
      { name: "analyze", description: "Score emails and URLs (API key)." },
      { name: "reports", description: "Search past reports and read usage (API key)." },
      { name: "auth", description: "Accounts, sessions and two-factor authentication." },
      { name: "keys", description: "Self-service API keys (signed-in session)." },
    ],
    paths: sorted(paths),
    components: sorted(Object.fromEntries(Object.entries(components).map(([kind, entries]) => [kind, sorted(entries)]))),
  };
}

export function apiDocument(): Doc {
  return mergeDocuments(Object.fromEntries(Object.entries(FUNCTIONS).map(([fn, app]) => [fn, app.getOpenAPI31Document({ openapi: "3.1.0", info: INFO }) as unknown as Doc])));
}

/** "GET /v1/keys/{id}" for every operation a function's app serves (not middleware; 405s come from the method guard). */
export function servedOperations(): string[] {
  const out = new Set<string>();
  for (const app of Object.values(FUNCTIONS)) {
    for (const route of app.routes) {
      if (route.method === "ALL") continue;
      out.add(`${route.method.toUpperCase()} ${route.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`);
    }
  }
  return [...out].sort();
}

export function documentedOperations(doc: Doc): string[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`)).sort();
}
