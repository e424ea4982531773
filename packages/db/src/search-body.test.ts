import { describe, expect, it } from "vitest";
import { boundSearchBody, SEARCH_BODY_MAX_CHARS } from "./search-body.ts";

describe("boundSearchBody", () => {
  it("drops NULs, collapses whitespace, and maps empty to null", () => {
    expect(boundSearchBody("a\u0000b  \n\t c")).toBe("ab c");
    expect(boundSearchBody(" \n ")).toBeNull();
    expect(boundSearchBody(null)).toBeNull();
  });

  it("keeps a 64 K prefix of a 10 MB body without splitting a surrogate pair", () => {
    const body = "x".repeat(SEARCH_BODY_MAX_CHARS - 1) + "😀" + "y".repeat(10_000_000);
    const bounded = boundSearchBody(body)!;
    expect(bounded.length).toBe(SEARCH_BODY_MAX_CHARS - 1);
    expect(bounded.endsWith("x")).toBe(true);
    expect(boundSearchBody("z".repeat(100_000))!.length).toBe(SEARCH_BODY_MAX_CHARS);
  });
});
