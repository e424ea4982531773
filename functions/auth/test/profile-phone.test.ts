// The optional phone number: given at registration or with PATCH /auth/me, normalised to E.164,
// stored only encrypted (bound to the user's row), shown decrypted to its owner by GET /auth/me.
import { describe, expect, it } from "vitest";
import { decryptFieldText, envelopeKeyId, loadKeyring } from "@traceo/crypto";
import { call, expectProblem, json, loginTokens, post, testEnv, uniqueIp, uniqueName, withDb, PASSWORD } from "./support.ts";

type Profile = { id: string; username: string; account_id: string; email: string; phone: string | null; two_factor_enabled: boolean; created_at: string };

const patchMe = (token: string, body: unknown) => call("/auth/me", { method: "PATCH", token, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

async function register(phone?: unknown) {
  const username = uniqueName("phone");
  const user = { username, email: `${username}@example.com`, password: PASSWORD, ip: uniqueIp() };
  const res = await post("/auth/register", { username, email: user.email, password: PASSWORD, ...(phone !== undefined ? { phone } : {}) }, { ip: user.ip });
  return { user, res };
}

describe("phone number", () => {
  it("is normalised at registration, stored encrypted for this row only, and shown to its owner", async () => {
    const { user, res } = await register("+44 (20) 7946-0958");
    const created = await json<{ id: string }>(res, 201);
    const { access_token } = await loginTokens(user);
    const me = await json<Profile>(await call("/auth/me", { token: access_token }), 200);
    expect(me).toMatchObject({ id: created.id, username: user.username, email: user.email, phone: "+442079460958", two_factor_enabled: false });

    const row = await withDb((db) => db.selectFrom("users").select(["phone_enc", "email_enc"]).where("id", "=", created.id).executeTakeFirstOrThrow());
    const envelope = new Uint8Array(row.phone_enc!);
    expect(envelopeKeyId(envelope)).toBe("test1");
    expect(new TextDecoder("latin1").decode(envelope)).not.toContain("2079460958");
    const keyring = loadKeyring(testEnv.TRACEO_ENCRYPTION_KEYS);
    expect(await decryptFieldText(keyring, { table: "users", column: "phone_enc", rowId: created.id }, envelope)).toBe("+442079460958");
    await expect(decryptFieldText(keyring, { table: "users", column: "email_enc", rowId: created.id }, envelope)).rejects.toThrow(); // bound to its column
  });

  it("can be set, changed and removed with PATCH /auth/me", async () => {
    const { user, res } = await register();
    await json(res, 201);
    const { access_token } = await loginTokens(user);
    expect((await json<Profile>(await call("/auth/me", { token: access_token }), 200)).phone).toBeNull();
    expect((await json<Profile>(await patchMe(access_token, { phone: "0049 30 901820" }), 200)).phone).toBe("+4930901820");
    expect((await json<Profile>(await patchMe(access_token, { phone: "＋１ ４１５ ５５５ ２６７１" }), 200)).phone).toBe("+14155552671");
    expect((await json<Profile>(await call("/auth/me", { token: access_token }), 200)).phone).toBe("+14155552671");
    expect((await json<Profile>(await patchMe(access_token, { phone: null }), 200)).phone).toBeNull();
    const row = await withDb((db) => db.selectFrom("users").select("phone_enc").where("username", "=", user.username).executeTakeFirstOrThrow());
    expect(row.phone_enc).toBeNull();
  });

  it("refuses a bad number or request with 422 problem+json and changes nothing", async () => {
    for (const phone of ["020 7946 0958", "+44 20 7946 0958 ext 1", "call me", "+1", 4420794609, "+".padEnd(40, "1")]) {
      const { res } = await register(phone);
      await expectProblem(res, 422);
    }
    const { user, res } = await register("+33 1 09 75 83 51");
    await json(res, 201);
    const { access_token } = await loginTokens(user);
    const bad = await expectProblem(await patchMe(access_token, { phone: "0033 1 09 75 83 51 #2" }), 422);
    expect(bad.detail).toContain("country code");
    await expectProblem(await patchMe(access_token, { email: "other@example.com" }), 422);
    await expectProblem(await patchMe(access_token, {}), 422);
    await expectProblem(await patchMe(access_token, { phone: ["+33109758351"] }), 422);
    expect((await json<Profile>(await call("/auth/me", { token: access_token }), 200)).phone).toBe("+33109758351");
  });

  it("needs a live session", async () => {
    await expectProblem(await call("/auth/me"), 401);
    await expectProblem(await patchMe("not.a.token", { phone: null }), 401);
  });
});
