// Wordings of the features that flag or count something being present (a look-alike domain, urgency
// phrases, a form). Each sentence must be true of the value it is used for: `risky` describes the thing
// present (value > 0), `absent` describes it missing (value 0). Which way the feature pushed the score
// is added by messages.ts when it is not the natural one. Measured features are in measures.ts.

export interface FlagWording {
  /** What the feature looks for, as a noun phrase ("links on free hosting sites"). */
  what: string;
  /** Sentence for a value > 0; {v} is the value, {v:noun} the value with the noun in singular or plural. */
  risky: string;
  /** Sentence for a value of 0: says plainly that the thing is not there. */
  absent: string;
  /** Trained to only lower the score (the brand's own site): being present naturally lowers it. */
  protective?: true;
}

export const FLAGS: Record<string, FlagWording> = {
  // URL
  url_is_ip_host: { what: "IP address as host", risky: "The link points to a bare IP address instead of a domain name.", absent: "The link uses a domain name, not a bare IP address." },
  url_is_idn: { what: "international characters in the host", risky: "The host uses international (punycode) characters, which can imitate other letters.", absent: "The host uses plain ASCII letters." },
  url_mixed_script_host: { what: "mixed alphabets in the host", risky: "The host mixes Latin letters with Cyrillic or Greek look-alikes.", absent: "The host does not mix alphabets." },
  url_brand_lookalike: { what: "brand look-alike domain", risky: "The domain imitates a well-known brand with look-alike characters.", absent: "The domain does not imitate a well-known brand." },
  url_brand_in_host: { what: "brand name in someone else's domain", risky: "The address names a well-known brand but does not belong to it.", absent: "The address does not borrow a brand name." },
  url_brand_in_path: { what: "brand name in the path", risky: "The path names a well-known brand on a site that is not the brand's.", absent: "The path does not borrow a brand name." },
  url_has_userinfo: { what: "text before '@' in the address", risky: "The address hides its real host behind text and an '@' sign.", absent: "The address has no misleading '@' part." },
  url_nonstandard_port: { what: "explicit port", risky: "The link names a network port explicitly, which ordinary links rarely do.", absent: "The link uses the standard web port." },
  url_is_shortener: { what: "link shortener", risky: "The link goes through a shortener, which hides where it leads.", absent: "The link is not hidden behind a shortener." },
  url_is_free_hosting: { what: "free hosting", risky: "The page is on a free hosting or site-builder service, where anyone can publish.", absent: "The page is not on a free hosting service." },
  // The public suffix list's private section (*.github.io, *.blogspot.com): free-hosting lists catch others.
  url_private_suffix: { what: "shared hosting platform", risky: "The address is a sub-site of a shared hosting platform (like *.github.io), where anyone can get an address.", absent: "The address is not under a listed shared-hosting suffix (like *.github.io)." },
  url_double_slash_in_path: { what: "'//' inside the path", risky: "The path contains '//', a sign of an embedded redirect.", absent: "The path has no embedded '//'." },
  url_redirect_param: { what: "redirect parameter", risky: "The link carries another web address and redirects to it.", absent: "The link carries no other web address to redirect to." },
  url_email_in_url: { what: "e-mail address in the link", risky: "The link carries an e-mail address, typically to pre-fill a fake sign-in page.", absent: "The link carries no e-mail address." },
  url_suspicious_tokens: { what: "account/security words", risky: "The address uses {v:word} like login, verify or account.", absent: "The address has no login, verify or account words." },
  url_risky_file_extension: { what: "risky download", risky: "The link ends in the file name of a program, script or archive.", absent: "The link does not download a risky file type." },
  url_tld_risk: { what: "high-abuse top-level domain", risky: "The domain ends in a top-level domain with a high rate of phishing abuse.", absent: "The domain's ending is not one with a high rate of phishing abuse." },
  url_brand_in_subdomain: { what: "brand name in front of another domain", risky: "The address puts a well-known brand's name in front of a domain that does not belong to it.", absent: "The address does not put a brand's name in front of someone else's domain." },
  // Protective: it may only lower the score (feature_policy.py), so its "risky" sentence is never the reason for a raise.
  url_brand_is_registrable_domain: { what: "brand's own domain", risky: "The address is on a well-known brand's own domain, not an imitation.", absent: "The address is not on a well-known brand's own domain.", protective: true },
  url_script_scheme: { what: "script link", risky: "The link is a javascript: or data: URL: it runs code or carries its content inside the link instead of opening a page.", absent: "The link is an ordinary web address." },
  // E-mail: sender
  email_replyto_mismatch: { what: "Reply-To domain", risky: "Replies go to a different domain than the sender's.", absent: "Replies go to the sender's own domain." },
  email_display_name_brand_claim: { what: "display name brand claim", risky: "The sender's display name claims a well-known brand that the sending domain does not belong to.", absent: "The sender's display name does not claim a brand it does not own." },
  email_display_name_has_address: { what: "address in the display name", risky: "The sender's display name shows a different e-mail address than the real one.", absent: "The sender's display name does not show a misleading address." },
  email_from_lookalike: { what: "look-alike sender domain", risky: "The sender's domain imitates a well-known brand.", absent: "The sender's domain does not imitate a brand." },
  email_from_brand_in_domain: { what: "brand name in the sender's domain", risky: "The sender's domain borrows a brand name it does not own.", absent: "The sender's domain does not borrow a brand name." },
  email_from_freemail: { what: "free webmail sender", risky: "The message comes from a free webmail account.", absent: "The message does not come from a free webmail account." },
  // E-mail: language
  email_subject_urgency: { what: "urgent subject", risky: "The subject line creates urgency or threatens the account.", absent: "The subject line has no urgent or threatening words." },
  email_urgency_terms: { what: "urgency", risky: "The message pushes you to act quickly ({v:urgency phrase}).", absent: "The message has no phrases pressing you to hurry." },
  email_credential_terms: { what: "credential requests", risky: "The message talks about passwords, sign-in or payment details ({v:phrase}).", absent: "The message does not ask for passwords or payment details." },
  email_threat_terms: { what: "account threats", risky: "The message warns of a suspended, locked or compromised account.", absent: "The message does not threaten your account." },
  email_generic_greeting: { what: "generic greeting", risky: "The message opens with a generic greeting instead of your name.", absent: "The message does not open with a generic greeting." },
  // E-mail: links
  email_link_text_mismatch: { what: "link text vs destination", risky: "A link's text shows one web address but the link goes somewhere else.", absent: "Links go where their text says." },
  email_link_ip: { what: "links to IP addresses", risky: "A link points to a bare IP address.", absent: "No link points to a bare IP address." },
  email_link_lookalike: { what: "look-alike link domains", risky: "A link goes to a domain that imitates a well-known brand.", absent: "No link imitates a brand's domain." },
  email_link_brand_in_host: { what: "brand names in link domains", risky: "A link's address names a brand it does not belong to.", absent: "No link borrows a brand name." },
  email_link_shortener: { what: "shortened links", risky: "A link goes through a shortener that hides its destination.", absent: "No link is hidden behind a shortener." },
  email_link_free_hosting: { what: "links to free hosting", risky: "A link leads to a free hosting or site-builder page, where anyone can publish.", absent: "No link leads to free hosting." },
  email_link_userinfo: { what: "links with '@'", risky: "A link hides its real host behind text and an '@' sign.", absent: "No link uses a misleading '@'." },
  email_link_script_scheme: { what: "script links", risky: "A link runs a script (javascript: or data: URL) instead of opening a page.", absent: "No link runs a script." },
  email_link_email_in_url: { what: "e-mail address in links", risky: "A link carries an e-mail address, typically to pre-fill a fake sign-in page.", absent: "No link carries an e-mail address." },
  email_link_suspicious_tokens_max: { what: "account/security words in links", risky: "A link uses words like login, verify or account.", absent: "The links do not use login, verify or account words." },
  email_link_risky_file: { what: "risky downloads", risky: "A link ends in the file name of a program, script or archive.", absent: "No link downloads a risky file type." },
  email_link_nonstandard_port: { what: "links with unusual ports", risky: "A link names a network port explicitly, which ordinary links rarely do.", absent: "The links use standard web ports." },
  email_brand_claim_link_mismatch: { what: "brand claim vs links", risky: "The message presents itself as a brand but none of its links go to that brand.", absent: "The message does not claim a brand that its links contradict." },
  email_link_action_text: { what: "account-action buttons", risky: "A button or link asks you to verify, sign in or update something.", absent: "No button asks you to verify, sign in or update an account." },
  // E-mail: HTML
  email_html_forms: { what: "forms", risky: "The message contains a form that sends what you type to a web server.", absent: "The message contains no form." },
  email_html_password_fields: { what: "password fields", risky: "The message itself asks you to type a password.", absent: "The message contains no password field." },
  email_html_scripts: { what: "scripts", risky: "The message contains scripts.", absent: "The message contains no scripts." },
  email_html_meta_refresh: { what: "automatic redirect", risky: "The message redirects the browser automatically.", absent: "The message does not redirect automatically." },
  email_image_only: { what: "image-only body", risky: "The message is an image with almost no text.", absent: "The message has real text, not just an image." },
  // E-mail: attachments
  email_attachment_html: { what: "web page attachments", risky: "An attachment is a web page that opens in your browser.", absent: "No attachment is a web page." },
  email_attachment_html_active: { what: "active web page attachment", risky: "An attached web page contains a script or a form.", absent: "No attached page contains scripts or forms." },
  email_attachment_executable: { what: "program attachments", risky: "An attachment is a program or script.", absent: "No attachment is a program." },
  email_attachment_macro_document: { what: "macro documents", risky: "An attachment is an Office document type that can carry macros.", absent: "No attachment can carry macros." },
  email_attachment_archive: { what: "archives", risky: "An attachment is an archive or disk image, which can hide its contents.", absent: "No attachment is an archive." },
  email_attachment_double_extension: { what: "double extension", risky: "An attachment's name pretends to be a document but has another real type.", absent: "No attachment disguises its type." },
  email_attachment_type_mismatch: { what: "disguised file type", risky: "An attachment's content does not match its name.", absent: "No attachment's content contradicts its name." },
  // E-mail: added after v1
  email_replyto_freemail: { what: "replies to free webmail", risky: "Replies go to a free webmail address instead of the sender's organisation.", absent: "Replies do not go to a free webmail address." },
  email_body_brand_offdomain: { what: "brand talk without the brand", risky: "The message talks about a well-known brand, but neither the sender nor any link belongs to it.", absent: "The message does not talk about a brand that neither its sender nor its links belong to." },
  email_prize_terms: { what: "prize and windfall bait", risky: "The message dangles a prize, bonus or windfall ({v:phrase}).", absent: "The message does not dangle prizes or windfalls." },
  email_text_mixed_script_words: { what: "look-alike letters in the text", risky: "The text spells {v:word} with look-alike letters from other alphabets, a trick to get past filters.", absent: "The text does not disguise words with look-alike letters." },
  email_subject_mixed_script: { what: "look-alike letters in the subject", risky: "The subject spells words with look-alike letters from other alphabets.", absent: "The subject does not disguise words with look-alike letters." },
  email_display_name_mixed_script: { what: "look-alike letters in the sender's name", risky: "The sender's name is spelled with look-alike letters from other alphabets.", absent: "The sender's name does not use look-alike letters." },
  email_from_malformed: { what: "malformed sender address", risky: "The sender's address is not a valid e-mail address.", absent: "The sender's address is well formed." },
  email_subject_has_address: { what: "e-mail address in the subject", risky: "The subject addresses you by your e-mail address.", absent: "The subject does not address you by your e-mail address." },
  email_greeting_address: { what: "greeting by e-mail address", risky: "The message greets you by your e-mail address instead of your name.", absent: "The message does not greet you by your e-mail address." },
  email_subject_brand_claim: { what: "brand named in the subject", risky: "The subject names a well-known brand that the sending domain does not belong to.", absent: "The subject does not borrow a brand the sender does not own." },
};

// Why a feature has no value (null): the facts it compares are missing from this message.
const NO_SENDER = "The message has no sender address with a domain to check";
const NO_REPLY_TO = "There is no Reply-To address (or no sender domain) to compare";
export const MISSING: Record<string, string> = {
  email_replyto_mismatch: NO_REPLY_TO,
  email_replyto_freemail: NO_REPLY_TO,
  email_display_name_brand_claim: NO_SENDER,
  email_display_name_has_address: NO_SENDER,
  email_from_lookalike: NO_SENDER,
  email_from_brand_in_domain: NO_SENDER,
  email_from_freemail: NO_SENDER,
  email_subject_brand_claim: NO_SENDER,
  email_from_malformed: "The message has no sender address",
  email_link_offdomain_ratio: "There are no links (or no sender domain) to compare",
};
