import { describe, expect, it } from "vitest";
import { normalisePhone } from "./phone.ts";

describe("normalisePhone", () => {
  it("folds the usual spellings of one number to E.164", () => {
    for (const spelling of ["+44 20 7946 0958", "+44 (20) 7946-0958", "0044 20 7946 0958", "+44.20.7946.0958", "＋４４２０７９４６０９５８", " +442079460958 "]) {
      expect(normalisePhone(spelling), spelling).toBe("+442079460958");
    }
    expect(normalisePhone("+683 4002")).toBe("+6834002"); // 7 digits: the shortest in use
    expect(normalisePhone("+1 415 555 2671")).toBe("+14155552671");
  });

  it("refuses what is not an international number", () => {
    const bad = ["", "020 7946 0958", "+", "+0 20 7946 0958", "+44 20 7946 0958 ext 12", "+44-20-CALL-NOW", "+123456", "+1234567890123456",
      "+44 20 7946 0958\u0000", "tel:+442079460958", "+44 20 7946 0958; DROP TABLE users", "+٤٤٢٠٧٩٤٦٠٩٥٨", "x".repeat(40)];
    for (const input of bad) expect(normalisePhone(input), JSON.stringify(input)).toBeUndefined();
  });
});
