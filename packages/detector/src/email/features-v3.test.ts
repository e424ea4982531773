// Features added in v3: multilingual bait, disguised letters, address oddities, subject brand claims.
import { describe, expect, it } from "vitest";
import { EMAIL_FEATURE_NAMES, emailFeatures, type EmailFeatureName, type EmailFeatures } from "./features.ts";
import { parseEmail } from "./parse.ts";

async function featuresOf(raw: string): Promise<EmailFeatures> {
  return emailFeatures(await parseEmail(new TextEncoder().encode(raw)));
}
function get(f: EmailFeatures, name: EmailFeatureName): number | null {
  return f.values[EMAIL_FEATURE_NAMES.indexOf(name)] ?? null;
}
const UTF8 = "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n";

describe("emailFeatures v3: prize and windfall bait", () => {
  it("counts prize phrases in the subject and body, in several languages", async () => {
    const f = await featuresOf(`From: promo@shop.example\nSubject: Glückwunsch! 150 Freispiele\n${UTF8}\nVous avez gagné un prix. Claim your gift card now.\n`);
    expect(get(f, "email_prize_terms")).toBe(5); // gift card, claim your, freispiele, glückwunsch, vous avez gagné
    expect(f.evidence.email_prize_terms).toBe('the message dangles a prize or windfall: "gift card", "claim your", "freispiele"');
  });

  it("is zero for an ordinary receipt", async () => {
    const f = await featuresOf("From: orders@shop.example\nSubject: Your order 1234\n\nThanks for your order. It ships tomorrow.\n");
    expect(get(f, "email_prize_terms")).toBe(0);
  });
});

describe("emailFeatures v3: the lexicons in more languages", () => {
  it("counts haste, credential and threat phrases written in German and Portuguese", async () => {
    const f = await featuresOf(`From: a@b.example\nSubject: x\n${UTF8}\nIhr Konto wurde gesperrt. Letzte Erinnerung: bitte verifizieren Sie Ihre Angaben. ` +
      "Sua conta está em processo de suspensão, atualize seus dados o quanto antes.\n");
    expect(get(f, "email_urgency_terms")).toBe(2); // letzte erinnerung, o quanto antes
    expect(get(f, "email_credential_terms")).toBe(2); // verifizieren sie, atualize seus dados
    expect(get(f, "email_threat_terms")).toBe(2); // gesperrt, suspensão
  });
});

describe("emailFeatures v3: disguised letters", () => {
  it("counts look-alike-letter words in the body, subject and display name", async () => {
    const f = await featuresOf(`From: ᴘᴀʏᴘᴀʟ Service <service@pay-help.example>\nSubject: Уοսr Аpple ID\n${UTF8}\nΚіոⅾⅼу ⅴеrіfу уοսr іⅾеոtіtу.\n`);
    expect(get(f, "email_text_mixed_script_words")).toBe(4);
    expect(get(f, "email_subject_mixed_script")).toBe(2);
    expect(get(f, "email_display_name_mixed_script")).toBe(1);
    expect(f.evidence.email_display_name_mixed_script).toBe('the sender\'s name spells words with look-alike letters: "ᴘᴀʏᴘᴀʟ"');
  });

  it("lets the lexicons read disguised phrases", async () => {
    const f = await featuresOf(`From: a@b.example\nSubject: x\n${UTF8}\nΚіոⅾⅼу ⅴеrіfу уοսr іⅾеոtіtу.\n`);
    expect(get(f, "email_credential_terms")).toBe(1);
    expect(f.evidence.email_credential_terms).toContain('"verify your identity"');
  });

  it("is zero for ordinary Russian and Greek text", async () => {
    const f = await featuresOf(`From: Иван <ivan@mail.example>\nSubject: Привет\n${UTF8}\nКак дела? Καλημέρα.\n`);
    expect(get(f, "email_text_mixed_script_words")).toBe(0);
    expect(get(f, "email_subject_mixed_script")).toBe(0);
    expect(get(f, "email_display_name_mixed_script")).toBe(0);
  });
});

describe("emailFeatures v3: sender and recipient addresses", () => {
  it("flags a From address without a valid domain, and leaves it missing without a From", async () => {
    const bad = await featuresOf("From: Correios <contato@correios>\nSubject: x\n\nhello\n");
    expect(get(bad, "email_from_malformed")).toBe(1);
    expect(bad.evidence.email_from_malformed).toBe('the sender\'s address "contato@correios" is not a valid address');
    const good = await featuresOf("From: Post <contato@correios.com.br>\nSubject: x\n\nhello\n");
    expect(get(good, "email_from_malformed")).toBe(0);
    const none = await featuresOf("Subject: x\n\nhello\n");
    expect(get(none, "email_from_malformed")).toBeNull();
  });

  it("flags a subject and a greeting that use the recipient's address as a name", async () => {
    const f = await featuresOf("From: it@help.example\nSubject: jane@corp.example, your mailbox is full\n\nHello jane@corp.example,\nyour mailbox is full.\n");
    expect(get(f, "email_subject_has_address")).toBe(1);
    expect(get(f, "email_greeting_address")).toBe(1);
    const named = await featuresOf("From: it@corp.example\nSubject: Your mailbox\n\nHello Jane,\nwrite to it@corp.example for help.\n");
    expect(get(named, "email_subject_has_address")).toBe(0);
    expect(get(named, "email_greeting_address")).toBe(0);
  });
});

describe("emailFeatures v3: brand named in the subject", () => {
  it("flags a subject naming a brand the sending domain does not belong to", async () => {
    const f = await featuresOf("From: Alerts <alerts@secure-notice.example>\nSubject: Your PayPal account is limited\n\nhello\n");
    expect(get(f, "email_subject_brand_claim")).toBe(1);
    expect(f.evidence.email_subject_brand_claim).toBe("the subject names PayPal but the mail comes from secure-notice.example");
    const own = await featuresOf("From: PayPal <service@paypal.com>\nSubject: Your PayPal receipt\n\nhello\n");
    expect(get(own, "email_subject_brand_claim")).toBe(0);
  });
});
