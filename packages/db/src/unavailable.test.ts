import { describe, expect, it } from "vitest";
import { ProblemError } from "@traceo/problem";
import { databaseUnavailable, isDatabaseUnavailable } from "./unavailable.ts";

const pgError = (code: string) => Object.assign(new Error("server said no"), { code });

describe("isDatabaseUnavailable", () => {
  it("counts lost connections and outage SQLSTATEs as unavailable", () => {
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    for (const code of ["08006", "08001", "57P01", "57P03", "53300"]) expect(isDatabaseUnavailable(pgError(code)), code).toBe(true);
  });

  it("leaves refusals and our own bugs alone", () => {
    for (const code of ["23505", "23514", "42P01", "22P02", "40001"]) expect(isDatabaseUnavailable(pgError(code)), code).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is not a function"))).toBe(false);
    expect(isDatabaseUnavailable(new ProblemError(404, { code: "not-found", title: "Not found" }))).toBe(false);
  });

  it("becomes a 503 problem with Retry-After that keeps the cause", () => {
    const cause = new Error("Connection terminated unexpectedly");
    const problem = databaseUnavailable(cause);
    expect(problem.status).toBe(503);
    expect(problem.init.headers?.["retry-after"]).toBe("5");
    expect((problem as { cause?: unknown }).cause).toBe(cause);
  });
});
