import { sign } from "hono/jwt";
import { describe, expect, it } from "vitest";
import { ACCESS_TOKEN_SECONDS, signAccessToken, verifyAccessToken } from "./access-token.ts";
import { looksLikeOpaqueToken, newOpaqueToken } from "./opaque-token.ts";

const SECRET = "test-secret-that-is-long-enough-0123456789";
const claims = { userId: "usr_1", accountId: "acc_1", sessionId: "ses_1" };

describe("access tokens", () => {
  it("round-trip their claims", async () => {
    expect(await verifyAccessToken(await signAccessToken(claims, SECRET), SECRET)).toEqual(claims);
  });

  it("are refused when expired, signed with another key, tampered or of another type", async () => {
    const old = await signAccessToken(claims, SECRET, Date.now() - (ACCESS_TOKEN_SECONDS + 5) * 1000);
    expect(await verifyAccessToken(old, SECRET)).toBeUndefined();
    expect(await verifyAccessToken(await signAccessToken(claims, SECRET.replace("0", "1")), SECRET)).toBeUndefined();
    const token = await signAccessToken(claims, SECRET);
    expect(await verifyAccessToken(token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA"), SECRET)).toBeUndefined();
    const iat = Math.floor(Date.now() / 1000);
    const refreshLike = await sign({ iss: "traceo-auth", typ: "refresh", sub: "usr_1", acc: "acc_1", sid: "ses_1", iat, exp: iat + 60 }, SECRET, "HS256");
    expect(await verifyAccessToken(refreshLike, SECRET)).toBeUndefined();
    expect(await verifyAccessToken("not.a.jwt", SECRET)).toBeUndefined();
  });

  it("refuses to work with a missing or short secret", async () => {
    await expect(signAccessToken(claims, undefined)).rejects.toThrow(/AUTH_JWT_SECRET/);
    await expect(signAccessToken(claims, "short")).rejects.toThrow(/AUTH_JWT_SECRET/);
  });
});

describe("opaque tokens", () => {
  it("carry 256 bits and a recognisable prefix", () => {
    const token = newOpaqueToken("rt");
    expect(looksLikeOpaqueToken("rt", token)).toBe(true);
    expect(looksLikeOpaqueToken("chl", token)).toBe(false);
    expect(looksLikeOpaqueToken("rt", "rt_short")).toBe(false);
    expect(newOpaqueToken("rt")).not.toBe(token);
  });
});
