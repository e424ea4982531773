import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./argon2id.ts";
import { PASSWORD_PARAMS } from "./params.ts";
import { parseArgon2Hash } from "./phc.ts";

describe("argon2id password hashes", () => {
  it("stores OWASP-minimum parameters inside the hash", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(PASSWORD_PARAMS.memoryKiB).toBeGreaterThanOrEqual(19 * 1024);
    expect(PASSWORD_PARAMS.iterations).toBeGreaterThanOrEqual(2);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", stored)).toEqual({ ok: true, needsRehash: false });
    expect(await verifyPassword("correct horse battery stapler", stored)).toEqual({ ok: false, needsRehash: false });
  });

  it("matches the argon2 reference implementation (outputs of the argon2 reference CLI)", async () => {
    // Debian's argon2 package (the reference implementation): echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32
    const reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
    expect((await verifyPassword("password", reference)).ok).toBe(true);
    expect((await verifyPassword("Password", reference)).ok).toBe(false);
    // At the shipped parameters: echo -n "correct horse" | argon2 saltsaltsalt1234 -id -t 2 -k 19456 -p 1 -l 32
    const shipped = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0MTIzNA$vWSoMy/UBm7ShOEEO3CVOYYYpe0ltdjB2r2WSXbPFfc";
    expect(await verifyPassword("correct horse", shipped)).toEqual({ ok: true, needsRehash: false });
  });

  it("asks for a rehash when the stored parameters are weaker than the current ones", async () => {
    const weak = await hashPassword("old password here", { memoryKiB: 8192, iterations: 1, parallelism: 1 });
    expect(parseArgon2Hash(weak)?.memoryKiB).toBe(8192);
    expect(await verifyPassword("old password here", weak)).toEqual({ ok: true, needsRehash: true });
    expect(await verifyPassword("wrong password", weak)).toEqual({ ok: false, needsRehash: false });
  });

  it("treats a damaged hash as a failed check, never an error", async () => {
    for (const damaged of ["", "plain", "$argon2i$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "$argon2id$v=19$m=0,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"]) {
      expect(await verifyPassword("x", damaged)).toEqual({ ok: false, needsRehash: false });
    }
  });
});
