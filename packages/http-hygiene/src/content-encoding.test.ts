import { describe, expect, it } from "vitest";
import { unsupportedCoding } from "./content-encoding.ts";

describe("unsupportedCoding", () => {
  it("passes no header, an empty one and identity (any case)", () => {
    expect(unsupportedCoding(undefined)).toBeUndefined();
    expect(unsupportedCoding("")).toBeUndefined();
    expect(unsupportedCoding(" Identity ")).toBeUndefined();
  });

  it("names the first coding that is not identity, in a list too", () => {
    expect(unsupportedCoding("gzip")).toBe("gzip");
    expect(unsupportedCoding("identity, br")).toBe("br");
    expect(unsupportedCoding("bogus")).toBe("bogus");
  });
});
