// The committed /openapi.json: current, valid OpenAPI 3.1, and listing exactly the operations the
// functions serve (both directions), each with its problem+json errors and rate-limit headers.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const COMMITTED = fileURLToPath(new URL("../public/openapi.json", import.meta.url));

type Operation = { security?: Record<string, string[]>[]; responses: Record<string, { headers?: Record<string, { $ref: string }>; content?: Record<string, { schema: { $ref?: string } }> }> };
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>>; components: Record<string, Record<string, unknown>> };

let generated: { document: Doc; served: string[] };
const committed = JSON.parse(readFileSync(COMMITTED, "utf8")) as Doc;
const operations = () => Object.entries(committed.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ id: `${method.toUpperCase()} ${path}`, path, op })));

beforeAll(() => {
  // The generator runs in its own Node process: functions/auth's .wasm imports need its import hook.
  const out = execFileSync(process.execPath, ["--import", "tsx", "--import", "./functions/docs/scripts/wasm-modules.mjs", "functions/docs/scripts/build-openapi.ts", "--json"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  generated = JSON.parse(out);
}, 120_000);

describe("the API document", () => {
  it("is the one the route schemas generate (run `npm run openapi` when this fails)", () => {
    expect(committed).toEqual(generated.document);
  });

  it("validates as OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(committed as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("lists every operation the functions serve, and nothing they do not", () => {
    const documented = operations().map((o) => o.id).sort();
    const served = generated.served;
    expect(served.filter((op) => !documented.includes(op)), "served but not documented").toEqual([]);
    expect(documented.filter((op) => !served.includes(op)), "documented but not served").toEqual([]);
    expect(served).toEqual(expect.arrayContaining(["POST /v1/analyze/email", "POST /v1/analyze/url", "GET /v1/reports", "GET /v1/usage", "POST /v1/keys", "DELETE /v1/keys/{id}", "POST /auth/login", "POST /auth/2fa/verify"]));
    expect(served.length).toBe(20);
  });

  it("gives every error answer the one shared RFC 9457 schema", () => {
    expect(committed.components.schemas!.Problem).toMatchObject({ type: "object", required: ["type", "title", "status"] });
    for (const { id, op } of operations()) {
      const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
      if (id !== "GET /health") expect(errors.length, id).toBeGreaterThan(0);
      for (const [status, response] of errors) {
        expect(Object.keys(response.content ?? {}), `${id} ${status}`).toEqual(["application/problem+json"]);
        expect(response.content!["application/problem+json"]!.schema.$ref, `${id} ${status}`).toBe("#/components/schemas/Problem");
      }
    }
  });

  it("documents the rate-limit fields on API-key routes, Retry-After on every 429 and 503, and the security schemes", () => {
    expect(Object.keys(committed.components.securitySchemes!).sort()).toEqual(["ApiKeyBearer", "ApiKeyHeader", "Session"]);
    expect(Object.keys(committed.components.headers!).sort()).toEqual(["RateLimit", "RateLimit-Policy", "Retry-After"]);
    for (const { id, path, op } of operations()) {
      for (const status of ["429", "503"]) {
        if (op.responses[status]) expect(op.responses[status]!.headers?.["Retry-After"]?.$ref, `${id} ${status}`).toBe("#/components/headers/Retry-After");
      }
      const byApiKey = path.startsWith("/v1/analyze") || path === "/v1/reports" || path === "/v1/usage";
      if (byApiKey) {
        expect(op.security, id).toEqual([{ ApiKeyBearer: [] }, { ApiKeyHeader: [] }]);
        for (const status of ["200", "429"]) expect(Object.keys(op.responses[status]!.headers ?? {}), `${id} ${status}`).toEqual(expect.arrayContaining(["RateLimit", "RateLimit-Policy"]));
      } else if (path.startsWith("/v1/keys")) {
        expect(op.security, id).toEqual([{ Session: [] }]);
      }
    }
  });
});
