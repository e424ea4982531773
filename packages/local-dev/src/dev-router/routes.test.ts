import { describe, expect, it } from "vitest";
import { functionFor } from "./routes.ts";

describe("dev router", () => {
  it("sends each path to the function that serves it", () => {
    expect(functionFor("/auth/login")).toBe("AUTH");
    expect(functionFor("/auth/2fa/verify")).toBe("AUTH");
    expect(functionFor("/v1/keys")).toBe("KEYS");
    expect(functionFor("/v1/keys/key_1/roll")).toBe("KEYS");
    expect(functionFor("/v1/keysmith")).toBe("ANALYZE");
    expect(functionFor("/v1/reports")).toBe("REPORTS");
    expect(functionFor("/v1/usage")).toBe("REPORTS");
    expect(functionFor("/v1/analyze/email")).toBe("ANALYZE");
    expect(functionFor("/health")).toBe("ANALYZE");
    expect(functionFor("/openapi.json")).toBe("DOCS");
    expect(functionFor("/docs")).toBe("DOCS");
    expect(functionFor("/docs/vendor/redoc.standalone.js")).toBe("DOCS");
    expect(functionFor("/docsearch")).toBe("ANALYZE");
    expect(functionFor("/console")).toBe("CONSOLE");
    expect(functionFor("/console/")).toBe("CONSOLE");
    expect(functionFor("/console/js/main.js")).toBe("CONSOLE");
    expect(functionFor("/consoles")).toBe("ANALYZE");
  });
});
