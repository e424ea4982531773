// Parsing and e-mail features inside workerd (postal-mime, TextDecoder, the HTML scanner).
import { describe, expect, it } from "vitest";
import { EMAIL_FEATURE_NAMES, emailFeatures, headerClaims, parseEmail } from "./index.ts";

const QP_MESSAGE = [
  "From sender@example.org  Sat Jan  3 01:05:34 2004",
  'From: "PayPal Service" <no-reply@mailer-xyz.ru>',
  "Authentication-Results: mx.example; spf=fail smtp.mailfrom=mailer-xyz.ru; dkim=none; dmarc=fail",
  "Subject: Action required",
  "Content-Type: text/html; charset=utf-8",
  "Content-Transfer-Encoding: quoted-printable",
  "",
  '<a href=3D"https://paypa1-secure.top/account/ver=',
  'ify?id=3D7">https://www.paypal.com/</a>',
].join("\r\n");

describe("e-mail features in workerd", () => {
  it("strips the mbox line, joins a QP-split URL and flags the deceptive link", async () => {
    const parsed = await parseEmail(new TextEncoder().encode(QP_MESSAGE));
    const f = emailFeatures(parsed);
    expect(f.urls).toEqual(["https://paypa1-secure.top/account/verify?id=7"]);
    expect(f.values[EMAIL_FEATURE_NAMES.indexOf("email_link_text_mismatch")]).toBe(1);
    expect(f.values[EMAIL_FEATURE_NAMES.indexOf("email_display_name_brand_claim")]).toBe(1);
    expect(f.evidence.email_link_text_mismatch).toBe("the link text shows paypal.com but points to paypa1-secure.top");
    const claims = headerClaims(parsed);
    expect([claims.spf, claims.dkim, claims.dmarc, claims.from_domain]).toEqual(["fail", "none", "fail", "mailer-xyz.ru"]);
  });
});
