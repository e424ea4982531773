// The one hook every route's schema validation goes through: a failed check becomes the same
// 422 problem+json the handwritten checks answered with, naming each field that is wrong.
import type { Hook } from "@hono/zod-openapi";
import { problems } from "@traceo/problem";

type Issue = { path: PropertyKey[]; message: string };

/** "/urls/3" for JSON bodies, "/query/from" for query parameters (as the reports function always did). */
function pointer(target: string, path: PropertyKey[]): string {
  const prefix = target === "json" ? "" : `/${target}`;
  return prefix + path.map((p) => "/" + String(p)).join("") || "/";
}

export function describeIssues(target: string, issues: Issue[]): { detail: string; errors: { path: string; message: string }[] } {
  const errors = issues.map((issue) => ({ path: pointer(target, issue.path), message: issue.message }));
  const named = issues.map((issue) => (issue.path.length > 0 ? `\`${issue.path.map(String).join(".")}\`: ${issue.message}` : issue.message));
  const what = target === "json" ? "The request body" : target === "query" ? "The query" : target === "param" ? "The path" : `The ${target}`;
  return { detail: `${what} is not valid: ${named.join("; ")}.`, errors };
}

// `any` keeps the hook assignable to every app's own Env and schema types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const problemHook: Hook<any, any, any, any> = (result) => {
  if (result.success) return;
  const { detail, errors } = describeIssues(result.target, result.error.issues);
  throw problems.invalidRequest(detail, errors);
};
