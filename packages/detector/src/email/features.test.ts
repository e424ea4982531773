import { describe, expect, it } from "vitest";
import { EMAIL_FEATURE_NAMES, emailFeatures, type EmailFeatureName, type EmailFeatures } from "./features.ts";
import { parseEmail } from "./parse.ts";
import { fixture } from "./fixture.ts";

async function featuresOf(raw: string | Uint8Array): Promise<EmailFeatures> {
  return emailFeatures(await parseEmail(raw));
}
function get(f: EmailFeatures, name: EmailFeatureName): number | null {
  return f.values[EMAIL_FEATURE_NAMES.indexOf(name)] ?? null;
}

describe("emailFeatures: links", () => {
  it("recovers a URL split by a quoted-printable soft line break as one URL", async () => {
    const f = await featuresOf(fixture("qp-soft-break-url.eml"));
    expect(f.urls).toEqual([
      "https://paypa1-secure.top/account/verify/session/8f2e1c9a7b6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f?email=recipient%40example.com",
    ]);
    expect(get(f, "email_link_count")).toBe(1);
    expect(get(f, "email_link_lookalike")).toBe(1);
    expect(get(f, "email_link_email_in_url")).toBe(1);
  });

  it("flags link text showing one domain while a quoted href goes to another", async () => {
    const f = await featuresOf(fixture("qp-soft-break-url.eml"));
    expect(get(f, "email_link_text_mismatch")).toBe(1);
    expect(f.evidence.email_link_text_mismatch).toBe("the link text shows paypal.com but points to paypa1-secure.top");
  });

  it("flags link text vs href mismatch with an unquoted href (to an IP)", async () => {
    const f = await featuresOf(fixture("unquoted-href.eml"));
    expect(get(f, "email_link_text_mismatch")).toBe(1);
    expect(f.evidence.email_link_text_mismatch).toBe("the link text shows paypal.com but points to 198.51.100.23");
    expect(get(f, "email_link_ip")).toBe(1);
  });

  it("does not flag link text that matches its destination", async () => {
    const f = await featuresOf(fixture("legit-brand.eml"));
    expect(get(f, "email_link_text_mismatch")).toBe(0);
    expect(get(f, "email_display_name_brand_claim")).toBe(0);
    expect(get(f, "email_brand_claim_link_mismatch")).toBe(0);
    expect(get(f, "email_link_offdomain_ratio")).toBe(0);
    expect(get(f, "email_replyto_mismatch")).toBe(0);
    expect(f.urls).toEqual(["https://www.paypal.com/activity/payment/5XY"]);
  });

  it("counts javascript: links without listing them as URLs", async () => {
    const f = await featuresOf(`From: a@x.example\nContent-Type: text/html\n\n<a href="javascript:steal()">Open</a> <a href=data:text/html,hi>x</a>`);
    expect(get(f, "email_link_script_scheme")).toBe(2);
    expect(f.urls).toEqual([]);
  });

  it("caps the URL list at 100 distinct links", async () => {
    const body = Array.from({ length: 150 }, (_, i) => `http://site${i}.example/p`).join("\n");
    const f = await featuresOf(`From: a@x.example\nSubject: many\n\n${body}\nhttp://site0.example/p\n`);
    expect(f.urls.length).toBe(100);
    expect(new Set(f.urls).size).toBe(100);
    expect(f.urls[0]).toBe("http://site0.example/p");
  });
});

describe("emailFeatures: sender", () => {
  it("flags a display name claiming a brand the sending domain does not belong to", async () => {
    const f = await featuresOf(fixture("display-name-brand.eml"));
    expect(get(f, "email_display_name_brand_claim")).toBe(1);
    expect(f.evidence.email_display_name_brand_claim).toBe("the sender's name claims to be PayPal but the mail comes from mailer-xyz.ru");
    expect(get(f, "email_replyto_mismatch")).toBe(1);
    expect(get(f, "email_brand_claim_link_mismatch")).toBe(1);
    expect(get(f, "email_link_brand_in_host")).toBe(1);
  });

  it("says a sender address without a real domain has none, instead of naming its bare host as the sender", async () => {
    const mail = "From: \"Netflix\" <noreply@netflix>\nSubject: Your Netflix account is on hold\n\nhello\n";
    const f = await featuresOf(mail);
    expect(f.evidence.email_display_name_brand_claim).toBe("the sender's name claims to be Netflix but the sender's address (noreply@netflix) has no real domain");
    expect(f.evidence.email_subject_brand_claim).toBe("the subject names Netflix but the sender's address (noreply@netflix) has no real domain");
    // Wording only: the values are what they were (the bare host stands in for the domain).
    expect(get(f, "email_display_name_brand_claim")).toBe(1);
    expect(get(f, "email_subject_brand_claim")).toBe(1);
  });

  it("sees a brand spelled with confusable letters in the display name", async () => {
    const f = await featuresOf("From: \"Аррle Support\" <id@help-center.example>\nSubject: x\n\nhello\n");
    expect(get(f, "email_display_name_brand_claim")).toBe(1);
  });

  it("flags a display name that shows another address", async () => {
    const f = await featuresOf("From: \"service@paypal.com\" <x@bulk.example>\nSubject: x\n\nhello\n");
    expect(get(f, "email_display_name_has_address")).toBe(1);
  });

  it("leaves alignment features missing when the headers are absent", async () => {
    const f = await featuresOf("From: a@x.example\nSubject: x\n\nhello\n");
    expect(get(f, "email_replyto_mismatch")).toBeNull();
  });

  it("flags a look-alike sender domain", async () => {
    const f = await featuresOf("From: Support <help@rnicrosoft.com>\nSubject: x\n\nhello\n");
    expect(get(f, "email_from_lookalike")).toBe(1);
  });
});

describe("emailFeatures: attachments", () => {
  it("flags a double extension, an executable, an active HTML page and a macro document", async () => {
    const f = await featuresOf(fixture("double-extension.eml"));
    expect(get(f, "email_attachment_count")).toBe(3);
    expect(get(f, "email_attachment_double_extension")).toBe(1);
    expect(f.evidence.email_attachment_double_extension).toBe("the file name Invoice_2291.pdf.exe pretends to be a .pdf but is a .exe");
    expect(get(f, "email_attachment_executable")).toBe(1);
    expect(get(f, "email_attachment_html")).toBe(1);
    expect(get(f, "email_attachment_html_active")).toBe(1);
    expect(get(f, "email_attachment_macro_document")).toBe(1);
    expect(get(f, "email_attachment_archive")).toBe(0);
  });

  it("flags a program disguised as a PDF by its content", async () => {
    const exe = Buffer.from("MZ\x90\x00rest-of-program", "latin1").toString("base64");
    const raw = `From: a@x.example\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nsee attached\n--b\nContent-Type: application/pdf; name=scan.pdf\nContent-Disposition: attachment; filename=scan.pdf\nContent-Transfer-Encoding: base64\n\n${exe}\n--b--\n`;
    const f = await featuresOf(raw);
    expect(get(f, "email_attachment_type_mismatch")).toBe(1);
    expect(get(f, "email_attachment_executable")).toBe(1);
  });
});

describe("emailFeatures: language, html and artefacts", () => {
  it("counts urgency, credential and threat phrases", async () => {
    const f = await featuresOf(fixture("qp-soft-break-url.eml"));
    expect(get(f, "email_subject_urgency")).toBe(2);
    expect(get(f, "email_urgency_terms")).toBeGreaterThanOrEqual(1);
    expect(get(f, "email_credential_terms")).toBeGreaterThanOrEqual(1);
    expect(get(f, "email_threat_terms")).toBe(2);
    expect(get(f, "email_generic_greeting")).toBe(1);
  });

  it("finds forms and password fields in the HTML body", async () => {
    const f = await featuresOf(`From: a@x.example\nContent-Type: text/html\n\n<form action="https://collect.example/p"><input type="password"></form>`);
    expect(get(f, "email_html_forms")).toBe(1);
    expect(get(f, "email_html_password_fields")).toBe(1);
    expect(f.urls).toEqual(["https://collect.example/p"]);
  });

  it("flags an image-only body", async () => {
    const f = await featuresOf(`From: a@x.example\nContent-Type: text/html\n\n<a href="https://x.example/"><img src="https://x.example/banner.png"></a>`);
    expect(get(f, "email_image_only")).toBe(1);
  });

  it("neutralises collector placeholders so they cannot identify the corpus", async () => {
    const a = await featuresOf("From: a@x.example\nSubject: hi phishing@pot\n\nhello phishing@pot see https://x.example/?e=phishing@pot\n");
    const b = await featuresOf("From: a@x.example\nSubject: hi yyyy@spamassassin.taint.org\n\nhello zzzz@example.org see https://x.example/?e=user@aol.com\n");
    expect(a.values).toEqual(b.values);
    expect(a.urls).toEqual(["https://x.example/?e=recipient@example.com"]);
  });

  it("ignores receiving-side headers entirely", async () => {
    const body = "From: a@x.example\nSubject: hello\n\nsee http://x.example/\n";
    const withInfra = `Received: from mail.protection.outlook.com\nAuthentication-Results: spf=fail\nX-MS-Exchange-Organization-SCL: 9\nDKIM-Signature: v=1\nList-Id: <l.example>\nDate: Mon, 1 Jan 2024 00:00:00 +0000\nMessage-ID: <1@x>\n${body}`;
    expect((await featuresOf(withInfra)).values).toEqual((await featuresOf(body)).values);
  });

  it("returns one value per feature name and evidence only for names it knows", async () => {
    const f = await featuresOf(fixture("display-name-brand.eml"));
    expect(f.values.length).toBe(EMAIL_FEATURE_NAMES.length);
    for (const key of Object.keys(f.evidence)) expect(EMAIL_FEATURE_NAMES).toContain(key);
  });
});

describe("emailFeatures: features added after v1", () => {
  it("flags replies redirected to free webmail", async () => {
    const f = await featuresOf("From: Billing <billing@acme-corp.example>\nReply-To: acme.billing.dept@gmail.com\nSubject: x\n\nhello\n");
    expect(get(f, "email_replyto_freemail")).toBe(1);
    expect(f.evidence.email_replyto_freemail).toContain("gmail.com");
    const same = await featuresOf("From: a@gmail.com\nReply-To: b@gmail.com\nSubject: x\n\nhello\n");
    expect(get(same, "email_replyto_freemail")).toBe(0);
  });

  it("counts buttons that ask to verify or sign in", async () => {
    const f = await featuresOf(`From: a@x.example\nContent-Type: text/html\n\n<a href="https://x.example/a">Verify Now</a> <a href="https://x.example/b">Unsubscribe</a> <a href="https://x.example/c">Se connecter</a>`);
    expect(get(f, "email_link_action_text")).toBe(2);
    expect(f.evidence.email_link_action_text).toBe('a button asks you to act: "Verify Now"');
  });

  it("flags a message about a brand that neither sends nor links to it", async () => {
    const f = await featuresOf("From: Service <info@notify-center.example>\nSubject: Your Netflix membership\n\nYour Netflix payment could not be processed. Netflix will pause your plan.\nhttps://billing-center.example/n\n");
    expect(get(f, "email_body_brand_offdomain")).toBe(1);
    const own = await featuresOf("From: Netflix <info@mailer.netflix.com>\nSubject: Your Netflix membership\n\nNew on Netflix this week.\nhttps://www.netflix.com/browse\n");
    expect(get(own, "email_body_brand_offdomain")).toBe(0);
  });
});

describe("emailFeatures: hostile input", () => {
  it("handles a megabyte of pathological HTML and text without failing", async () => {
    const mb = 1024 * 1024;
    for (const unit of ["<", "<a ", '<a href="', "&#x41;&", "http://", "www.", "\u3000", "a.b.", "<a href=http://x.example/>paypal.com</a>"]) {
      const body = unit.repeat(Math.ceil(mb / unit.length)).slice(0, mb);
      const f = await featuresOf(`From: a@x.example\nContent-Type: text/html\n\n${body}`);
      expect(f.values.length).toBe(EMAIL_FEATURE_NAMES.length);
      expect(f.urls.length).toBeLessThanOrEqual(100);
    }
  });
});

describe("emailFeatures: account words in links", () => {
  it("counts them only on links that leave the sender's domain", async () => {
    const own = await featuresOf("From: Shop <orders@shop.example.com>\nSubject: order\n\nSee https://www.shop.example.com/your-account/login\n");
    expect(get(own, "email_link_suspicious_tokens_max")).toBe(0);
    const away = await featuresOf("From: Shop <orders@shop.example.com>\nSubject: order\n\nSee https://shop-example.top/account/login\n");
    expect(get(away, "email_link_suspicious_tokens_max")).toBe(2);
  });
});

describe("emailFeatures: placeholder senders", () => {
  it("treats collector placeholders in From the same whichever collector wrote them", async () => {
    const pot = await featuresOf("From: Mailbox Admin <phishing@pot>\nSubject: quota\n\nhttps://x.example/login\n");
    const sa = await featuresOf("From: Mailbox Admin <yyyy@spamassassin.taint.org>\nSubject: quota\n\nhttps://x.example/login\n");
    expect(pot.values).toEqual(sa.values);
  });

  it("keeps a real sender whose mailbox is called user@ (the corpora redacted recipients, not senders)", async () => {
    const raw = 'From: "PayPal" <user@paypa1-secure.top>\nReply-To: user@gmail.com\nSubject: Your PayPal account is limited\n\nhttps://paypa1-secure.top/login\n';
    const f = await featuresOf(raw);
    expect(get(f, "email_display_name_brand_claim")).toBe(1);
    expect(f.evidence.email_display_name_brand_claim).toBe("the sender's name claims to be PayPal but the mail comes from paypa1-secure.top");
    expect(get(f, "email_replyto_freemail")).toBe(1);
    expect(get(f, "email_replyto_mismatch")).toBe(1);
  });
});

describe("brandNamedIn", () => {
  it("finds brands written plainly, split, or with look-alike letters", async () => {
    const { brandNamedIn } = await import("./brand-text.ts");
    expect(brandNamedIn("PayPal Service")?.name).toBe("PayPal");
    expect(brandNamedIn("Bank of America Alerts")?.name).toBe("Bank of America");
    expect(brandNamedIn("ᴘᴀʏᴘᴀʟ")?.name).toBe("PayPal");
    expect(brandNamedIn("Nеtflix Billing")?.name).toBe("Netflix"); // Cyrillic е
    expect(brandNamedIn("MicrosoftTeam")?.name).toBe("Microsoft");
  });
  it("does not see brands inside ordinary words", async () => {
    const { brandNamedIn } = await import("./brand-text.ts");
    expect(brandNamedIn("Purchase Department")).toBeNull();
    expect(brandNamedIn("Pineapple Express")).toBeNull();
    expect(brandNamedIn("Groups Admin")).toBeNull();
    expect(brandNamedIn("Jane Doe")).toBeNull();
  });
});
