// NUL and unpaired UTF-16 surrogates at sign-up and sign-in: Postgres text cannot hold NUL (a 500
// until the text rule refused it) and an unpaired surrogate is not Unicode (UTF-8 turns it into
// U+FFFD, so what would be stored or hashed is not what was sent). Refused with 422 naming the
// field; a password given at sign-in is only compared, so there it fails like any wrong one (401).
import { describe, expect, it } from "vitest";
import { expectProblem, PASSWORD, post, registerUser, uniqueIp, uniqueName } from "./support.ts";

const NOT_TEXT = "must not contain NUL characters or unpaired surrogates";
const POISON: [string, string][] = [
  ["a NUL", "\u0000"],
  ["a lone high surrogate", "\ud800"],
  ["a lone low surrogate", "\udc00"],
];

async function expectRefusedField(res: Response, field: string): Promise<void> {
  const problem = (await expectProblem(res, 422)) as { errors?: { path: string; message: string }[] };
  expect(problem.errors).toContainEqual({ path: `/${field}`, message: NOT_TEXT });
}

describe("sign-up", () => {
  it.each(POISON)("refuses %s in the username, the email or the new password, and makes no account", async (_what, bad) => {
    const username = uniqueName("nt");
    const email = `${username}@example.com`;
    const ip = uniqueIp();
    await expectRefusedField(await post("/auth/register", { username: `${username}${bad}`, email, password: PASSWORD }, { ip }), "username");
    await expectRefusedField(await post("/auth/register", { username, email: `x${bad}${email}`, password: PASSWORD }, { ip }), "email");
    await expectRefusedField(await post("/auth/register", { username, email, password: `${PASSWORD}${bad}` }, { ip }), "password");
    // None of the three made the account: the clean name and address are still free.
    expect((await post("/auth/register", { username, email, password: PASSWORD }, { ip })).status).toBe(201);
  });
});

describe("sign-in", () => {
  it.each(POISON)("refuses %s in the username or the email with 422", async (_what, bad) => {
    const ip = uniqueIp();
    await expectRefusedField(await post("/auth/login", { username: `ada${bad}`, password: PASSWORD }, { ip }), "username");
    await expectRefusedField(await post("/auth/login", { email: `ada${bad}@example.com`, password: PASSWORD }, { ip }), "email");
  });

  it.each(POISON)("a password with %s is only a wrong password (401), never a 500", async (_what, bad) => {
    const user = await registerUser("ntpw");
    const res = await post("/auth/login", { username: user.username, password: `${user.password}${bad}` }, { ip: user.ip });
    expect((await expectProblem(res, 401)).type).toMatch(/invalid-credentials$/);
  });
});
