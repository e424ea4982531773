import { describe, expect, it } from "vitest";
import { describeFeature, hasWording } from "./messages.ts";
import { EMAIL_FEATURE_NAMES } from "../email/features.ts";
import { URL_FEATURE_NAMES } from "../url/features.ts";

describe("describeFeature", () => {
  it("has a dedicated wording for every feature", () => {
    for (const name of [...EMAIL_FEATURE_NAMES, ...URL_FEATURE_NAMES]) expect(hasWording(name), name).toBe(true);
  });
  it("uses the concrete evidence when a present flag pushes toward phishing", () => {
    expect(describeFeature("email_link_text_mismatch", 1, 0.8, "the link text shows paypal.com but points to paypa1-secure.top"))
      .toBe("The link text shows paypal.com but points to paypa1-secure.top.");
    expect(describeFeature("email_display_name_brand_claim", 1, 1.2, "the sender's name claims to be PayPal but the mail comes from mailer-xyz.ru"))
      .toBe("The sender's name claims to be PayPal but the mail comes from mailer-xyz.ru.");
  });
  it("describes an absent flag pushing toward legitimate as reassurance", () => {
    expect(describeFeature("email_link_text_mismatch", 0, -0.3)).toBe("Links go where their text says.");
  });
  it("never claims a flag that is absent, even when it pushes toward phishing", () => {
    const s = describeFeature("email_link_ip", 0, 0.1);
    expect(s).toBe("No links to IP addresses found, which here counts slightly toward phishing.");
    expect(describeFeature("url_is_shortener", 1, -0.2)).toBe("Link shortener found (1), which here counts toward legitimate.");
  });
  it("describes measured values in both directions with the value", () => {
    expect(describeFeature("url_subdomain_depth", 4, 0.5)).toBe("The address stacks 4 subdomain level(s) in front of the real domain.");
    expect(describeFeature("email_link_count", 3, -0.1)).toBe("The number of links (3) looks ordinary.");
  });
  it("handles missing values and unknown names", () => {
    expect(describeFeature("email_replyto_mismatch", null, -0.2)).toBe("Missing Reply-To domain information makes this look more legitimate.");
    expect(describeFeature("some_new_feature", 2, 0.4)).toBe("The some new feature (2) makes this look more like phishing.");
  });
});
