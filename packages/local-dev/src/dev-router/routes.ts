// Which Worker serves a path. In production each function is its own Worker with its own routes on
// the same host; locally this table plays that part (dev tooling only).
export type FunctionBinding = "ANALYZE" | "AUTH" | "KEYS" | "REPORTS" | "DOCS" | "CONSOLE";

const PREFIXES: [string, FunctionBinding][] = [
  ["/auth/", "AUTH"],
  ["/v1/keys", "KEYS"],
  ["/v1/reports", "REPORTS"],
  ["/v1/usage", "REPORTS"],
  // The API document and its reference page (functions/docs: static assets).
  ["/openapi.json", "DOCS"],
  ["/docs", "DOCS"],
  // The web console (its own origin in production); `/` redirects here (see worker.ts).
  ["/console", "CONSOLE"],
];

export function functionFor(pathname: string): FunctionBinding {
  for (const [prefix, binding] of PREFIXES) {
    if (pathname === prefix || pathname.startsWith(prefix.endsWith("/") ? prefix : prefix + "/") || pathname.startsWith(prefix + "?")) return binding;
  }
  return "ANALYZE";
}
