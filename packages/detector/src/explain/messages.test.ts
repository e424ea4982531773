import { describe, expect, it } from "vitest";
import { describeFeature, describeFeatures, hasWording } from "./messages.ts";
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

  it("describes an absent flag as absent, whichever way it pushed", () => {
    expect(describeFeature("email_link_text_mismatch", 0, -0.3)).toBe("Links go where their text says.");
    expect(describeFeature("email_link_ip", 0, 0.05)).toBe("No link points to a bare IP address, yet here that raised the score slightly.");
    expect(describeFeature("url_private_suffix", 0, 0.3)).toBe("The address is not under a listed shared-hosting suffix (like *.github.io), yet here that raised the score.");
    expect(describeFeature("email_subject_urgency", 0, -0.4)).toBe("The subject line has no urgent or threatening words.");
  });

  it("describes a present flag as present when it pushed toward legitimate", () => {
    expect(describeFeature("url_is_shortener", 1, -0.2)).toBe("The link goes through a shortener, which hides where it leads, yet here that lowered the score.");
  });

  it("never puts a flag's 1 where a count or a port belongs", () => {
    expect(describeFeature("url_nonstandard_port", 1, 0.6)).toBe("The link names a network port explicitly, which ordinary links rarely do.");
    expect(describeFeature("url_nonstandard_port", 1, 0.6, "the link uses port 8443")).toBe("The link uses port 8443.");
    expect(describeFeature("email_urgency_terms", 1, 0.5)).toBe("The message pushes you to act quickly (1 urgency phrase).");
    expect(describeFeature("email_urgency_terms", 3, 0.5)).toBe("The message pushes you to act quickly (3 urgency phrases).");
    expect(describeFeature("url_suspicious_tokens", 2, 0.5)).toBe("The address uses 2 words like login, verify or account.");
  });

  it("says why a value is missing and which way that pushed", () => {
    expect(describeFeature("email_replyto_mismatch", null, -0.2)).toBe("There is no Reply-To address (or no sender domain) to compare, which lowered the score.");
    expect(describeFeature("email_from_freemail", null, 0.3)).toBe("The message has no sender address with a domain to check, which raised the score.");
    expect(describeFeature("some_new_feature", 2, 0.4)).toBe("The some new feature (2) raised the score.");
  });
});

describe("describeFeature: measured values are described as they are", () => {
  it("calls a host name short, ordinary or long against the usual range, never long when it is short", () => {
    expect(describeFeature("url_host_length", 6, 0.4)).toBe("The host name is unusually short (6 characters; most are 9–21), which raised the score.");
    expect(describeFeature("url_host_length", 12, 0.4)).toBe("The host name's length (12 characters) raised the score, though it is within the usual 9–21.");
    expect(describeFeature("url_host_length", 28, 1.3)).toBe("The host name is unusually long (28 characters; most are 9–21).");
    expect(describeFeature("url_host_length", 10, -0.6)).toBe("The host name has an ordinary length (10 characters).");
    expect(describeFeature("url_host_length", 7, -0.7)).toBe("The host name is short (7 characters).");
    expect(describeFeature("url_host_length", 40, -0.2)).toBe("The host name is long (40 characters; most are 9–21), yet here that lowered the score.");
  });

  it("says a zero-length path is no path, not a long one", () => {
    expect(describeFeature("url_path_length", 0, 1.0)).toBe("The link has no path (it opens the site's front page), which here raised the score.");
    expect(describeFeature("url_path_length", 6, 0.8)).toBe("The path's length (6 characters) raised the score, though it is within the usual 0–52.");
    expect(describeFeature("url_path_length", 90, 0.8)).toBe("The path is unusually long (90 characters; most are 0–52).");
    expect(describeFeature("url_path_depth", 3, 1.1)).toBe("The path's depth (3 levels) raised the score, though it is within the usual 0–3.");
    expect(describeFeature("url_path_depth", 6, 0.6)).toBe("The path is unusually deep (6 levels; most are 0–3).");
    expect(describeFeature("url_domain_label_length", 4, 0.06)).toBe("The domain name is unusually short (4 characters; most are 5–16), which raised the score slightly.");
  });

  it("words counts of 0 and 1 truthfully", () => {
    expect(describeFeature("url_host_hyphens", 1, 0.3)).toBe("The host name contains a hyphen, which raised the score.");
    expect(describeFeature("url_host_hyphens", 3, 0.9)).toBe("The host name strings words together with 3 hyphens.");
    expect(describeFeature("url_host_hyphens", 0, 0.1)).toBe("The host name has no hyphens, which here raised the score.");
    expect(describeFeature("url_subdomain_depth", 1, 0.6, '"accounts" in front of google.com')).toBe('The address has the subdomain "accounts" in front of google.com, which raised the score.');
    expect(describeFeature("url_subdomain_depth", 4, 0.5)).toBe("The address stacks 4 subdomain levels in front of the real domain.");
    expect(describeFeature("url_subdomain_depth", 0, -0.4)).toBe("The address has no subdomain in front of the domain.");
    expect(describeFeature("url_encoded_chars", 1, 0.5)).toBe("The address contains 1 percent-encoded character, which can hide text.");
    expect(describeFeature("url_host_digit_ratio", 0.05, 0.5)).toBe("The host name contains digits (5% of its characters).");
    expect(describeFeature("url_host_digit_ratio", 0, 0.2)).toBe("The host name has no digits, which here raised the score.");
    expect(describeFeature("email_attachment_count", 0, 0.2)).toBe("The message has no attachments, which here raised the score.");
    expect(describeFeature("email_link_count", 0, -0.1)).toBe("The message contains no web links.");
    expect(describeFeature("email_link_count", 3, -0.1)).toBe("The number of links (3) looks ordinary.");
    expect(describeFeature("email_link_domains", 1, 0.3)).toBe("All links lead to one domain, which raised the score.");
  });

  it("does not call a message 'mostly links' at a few links per 100 words", () => {
    expect(describeFeature("email_link_density", 2.73, 0.8)).toBe("The share of links in the text (2.73 links per 100 words) raised the score.");
    expect(describeFeature("email_link_density", 80, 0.8)).toBe("The message is mostly links with little text (80 links per 100 words).");
    expect(describeFeature("email_link_density", 0, -1.1)).toBe("The text is not crowded with links (it has no web links).");
    expect(describeFeature("email_link_density", 1, -1.1)).toBe("The message has an ordinary balance of text and links (1 link per 100 words).");
    expect(describeFeature("email_link_offdomain_ratio", 0.25, 0.3)).toBe("25% of the links lead away from the sender's own domain, which raised the score.");
    expect(describeFeature("email_link_offdomain_ratio", 1, 0.3)).toBe("All links lead away from the sender's own domain.");
    expect(describeFeature("email_link_offdomain_ratio", 0.5, -0.9)).toBe("Half of the links lead away from the sender's own domain, which lowered the score.");
    expect(describeFeature("email_link_offdomain_ratio", 0.2, -0.9)).toBe("The links mostly stay on the sender's own domain (20% lead elsewhere).");
  });

  it("calls a host random only when its letters are more varied than usual", () => {
    expect(describeFeature("url_host_entropy", 4.1, 0.5)).toBe("The host name looks random or machine-generated.");
    expect(describeFeature("url_host_entropy", 2.3, 0.4)).toBe("The mix of letters in the host name raised the score, though it does not look random.");
    expect(describeFeature("url_host_entropy", 2.5, -0.5)).toBe("The host name does not look random.");
  });
});

describe("describeFeatures: facts shared by several reasons", () => {
  it("says once that the host is an IP address (as written and as dotted), then refers back to it", () => {
    const evidence = { url_is_ip_host: "the link points to a bare IP address (written 0x7f000001, which is 127.0.0.1) instead of a domain name" };
    const messages = describeFeatures([
      { feature: "url_host_digit_ratio", value: null, contribution: 2.8 },
      { feature: "url_subdomain_depth", value: null, contribution: 1.2 },
      { feature: "url_host_entropy", value: 2.2, contribution: 0.4 },
      { feature: "url_domain_label_length", value: null, contribution: 0.4 },
    ], evidence);
    expect(messages).toEqual([
      "The link points to a bare IP address (written 0x7f000001, which is 127.0.0.1) instead of a domain name.",
      "An IP address has no subdomains; that also raised the score.",
      "The mix of characters in the IP address raised the score.",
      "An IP address has no domain name; that also raised the score.",
    ]);
  });

  it("says the IP fact once whether the flag or a feature it empties comes first", () => {
    const evidence = { url_is_ip_host: "the link points to the bare IP address 192.168.0.1 instead of a domain name" };
    expect(describeFeatures([
      { feature: "url_is_ip_host", value: 1, contribution: 0.9 },
      { feature: "url_host_digit_ratio", value: null, contribution: 0.5 },
    ], evidence)).toEqual([
      "The link points to the bare IP address 192.168.0.1 instead of a domain name.",
      "An IP address is not a name, so its share of digits is not measured; that also raised the score.",
    ]);
    expect(describeFeatures([
      { feature: "url_subdomain_depth", value: null, contribution: 1.4 },
      { feature: "url_is_ip_host", value: 1, contribution: 0.3 },
    ], evidence)).toEqual([
      "The link points to the bare IP address 192.168.0.1 instead of a domain name.",
      "The IP address as host also counts on its own, which raised the score.",
    ]);
  });

  it("says once that a link is a javascript: URL instead of 'missing information' for every feature", () => {
    const evidence = { url_script_scheme: "this is a javascript: URL: it runs code instead of opening a page" };
    const messages = describeFeatures([
      { feature: "url_suspicious_tokens", value: null, contribution: 3.0 },
      { feature: "url_is_shortener", value: null, contribution: 2.3 },
    ], evidence);
    expect(messages).toEqual([
      "This is a javascript: URL: it runs code instead of opening a page.",
      "A script link has no web address to check for link shortener; that also raised the score.",
    ]);
  });
});
