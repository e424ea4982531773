import { describe, expect, it } from "vitest";
import { json, loginTokens, post, registerUser } from "./support.ts";

describe("smoke", () => {
  it("registers and logs in", async () => {
    const user = await registerUser();
    const tokens = await loginTokens(user);
    expect(tokens.access_token.split(".")).toHaveLength(3);
    await json(await post("/auth/logout", {}, { token: tokens.access_token }), 204).catch(() => {});
  });
});
