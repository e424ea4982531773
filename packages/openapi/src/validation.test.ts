// The shared validation path: a route's schema refuses bad input with the same problem+json the
// handwritten checks gave (422 naming each field), after jsonBody's own 400/415 answers.
import { describe, expect, it } from "vitest";
import { problemErrorHandler } from "@traceo/problem";
import { createApiApp, createRoute, jsonBody, text, z } from "./index.ts";

const route = createRoute({
  method: "post",
  path: "/things",
  middleware: [jsonBody()] as const,
  request: { body: { required: true, content: { "application/json": { schema: z.object({ name: text({ min: 2, max: 4 }), tags: z.array(z.string()).max(2).optional() }) } } } },
  responses: { 200: { description: "ok", content: { "application/json": { schema: z.object({ name: z.string() }) } } } },
});

const app = createApiApp();
app.onError(problemErrorHandler);
app.openapi(route, (c) => c.json({ name: c.req.valid("json").name }, 200));

type Problem = { type: string; status: number; detail: string; errors: { path: string; message: string }[] };
const post = (body: string, type = "application/json") => app.request("/things", { method: "POST", headers: { "content-type": type }, body });

describe("schema validation through the shared hook", () => {
  it("admits a valid body and counts characters, not UTF-16 units", async () => {
    expect(await (await post(JSON.stringify({ name: "😀😀😀😀" }))).json()).toEqual({ name: "😀😀😀😀" });
  });

  it("answers 422 problem+json naming every invalid field", async () => {
    const res = await post(JSON.stringify({ name: 5, tags: ["a", "b", "c"] }));
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await res.json()) as Problem;
    expect(problem).toMatchObject({ type: "https://traceo.dev/problems/invalid-request", status: 422 });
    expect(problem.errors.map((e) => e.path)).toEqual(["/name", "/tags"]);
    expect(problem.detail).toMatch(/^The request body is not valid: `name`: .*expected string.*; `tags`: /);
  });

  it("refuses a name of the wrong length with the rule's own message", async () => {
    const problem = (await (await post(JSON.stringify({ name: "x" }))).json()) as Problem;
    expect(problem.errors).toEqual([{ path: "/name", message: "must be 2 to 4 characters long" }]);
  });

  it("refuses NUL characters and unpaired surrogates (Postgres text cannot hold the one; the other is not Unicode)", async () => {
    for (const name of ["a\u0000b", "ab\ud800", "\udc00ab"]) {
      const res = await post(JSON.stringify({ name }));
      expect(res.status).toBe(422);
      expect(((await res.json()) as Problem).errors).toEqual([{ path: "/name", message: "must not contain NUL characters or unpaired surrogates" }]);
    }
    expect((await post(JSON.stringify({ name: "a😀b" }))).status).toBe(200);
  });

  it("admits any characters where the rule says so (passwords)", async () => {
    const schema = text({ min: 1, max: 10, anyText: true });
    expect(schema.safeParse("a\u0000\ud800").success).toBe(true);
    expect(text({ min: 1, max: 10 }).safeParse("a\u0000").success).toBe(false);
  });

  it("keeps 400 for unreadable bodies and 415 for other media types", async () => {
    expect((await post("{nope")).status).toBe(400);
    expect((await post("")).status).toBe(400);
    const wrongType = await post(JSON.stringify({ name: "ok" }), "text/plain");
    expect(wrongType.status).toBe(415);
    expect(wrongType.headers.get("accept-post")).toBe("application/json");
    expect((await post("[1]")).status).toBe(422);
  });
});
