import { describe, expect, it } from "vitest";
import { headerClaims } from "./header-claims.ts";
import { parseEmail } from "./parse.ts";
import { fixture } from "./fixture.ts";

describe("headerClaims", () => {
  it("reports SPF/DKIM/DMARC results and domain alignment", async () => {
    const claims = headerClaims(await parseEmail(fixture("auth-results.eml")));
    expect(claims).toEqual({
      spf: "softfail",
      dkim: "none",
      dmarc: "fail",
      from_address: "orders@mail.shop.example.com",
      from_display_name: "Shop",
      from_domain: "mail.shop.example.com",
      reply_to_domain: "shop.example.com",
      return_path_domain: "shop-example.com",
      reply_to_aligned: true,
      return_path_aligned: false,
    });
  });
  it("falls back to Received-SPF and leaves absent headers null", async () => {
    const raw = "Received-SPF: Pass (sender permitted)\nFrom: a@b.example.org\nSubject: x\n\nhi\n";
    const claims = headerClaims(await parseEmail(raw));
    expect(claims.spf).toBe("pass");
    expect(claims.dkim).toBeNull();
    expect(claims.reply_to_domain).toBeNull();
    expect(claims.reply_to_aligned).toBeNull();
  });
  it("flags a Reply-To on another domain as not aligned", async () => {
    const claims = headerClaims(await parseEmail(fixture("display-name-brand.eml")));
    expect(claims.from_domain).toBe("mailer-xyz.ru");
    expect(claims.reply_to_aligned).toBe(false);
    expect(claims.return_path_aligned).toBe(true);
  });
});
