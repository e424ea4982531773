import { describe, expect, it } from "vitest";
import { hashBackupCode, newBackupCodes, normaliseBackupCode } from "./backup-codes.ts";

describe("backup codes", () => {
  it("makes 10 distinct codes of 10 characters", () => {
    const codes = newBackupCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it("accepts the code however it is typed, and nothing else", () => {
    expect(normaliseBackupCode("abcde-fghjk")).toBe("ABCDEFGHJK");
    expect(normaliseBackupCode(" ABCDE FGHJK ")).toBe("ABCDEFGHJK");
    expect(normaliseBackupCode("0O1IL-22222")).toBe("00111" + "22222");
    expect(normaliseBackupCode("ABCDE-FGHJ")).toBeUndefined();
    expect(normaliseBackupCode("ABCDE-FGHJU")).toBeUndefined();
    expect(normaliseBackupCode("123456")).toBeUndefined();
  });

  it("hashes per user", async () => {
    const a = await hashBackupCode("usr_A", "ABCDEFGHJK");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashBackupCode("usr_A", "ABCDEFGHJK")).toBe(a);
    expect(await hashBackupCode("usr_B", "ABCDEFGHJK")).not.toBe(a);
  });
});
