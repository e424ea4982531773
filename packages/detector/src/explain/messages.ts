// Turns one feature's contribution into a sentence a person understands. Contributions are
// in margin units: > 0 pushes toward phishing, < 0 toward legitimate. Evidence (from the
// feature extractors) names the concrete domains and words, and is preferred when present.

interface Wording {
  /** What the feature measures, as a noun phrase ("links on free hosting sites"). */
  what: string;
  /** Sentence when the feature pushed toward phishing. {v} is replaced by the value. */
  risky: string;
  /** Sentence when it pushed toward legitimate. */
  reassuring: string;
}

const W: Record<string, Wording> = {
  // URL
  url_host_length: { what: "host name length", risky: "The host name is unusually long ({v} characters).", reassuring: "The host name has an ordinary length ({v} characters)." },
  url_host_entropy: { what: "host randomness", risky: "The host name looks random or machine-generated.", reassuring: "The host name looks like ordinary words." },
  url_host_digit_ratio: { what: "digits in the host", risky: "The host name contains many digits.", reassuring: "The host name has few or no digits." },
  url_host_hyphens: { what: "hyphens in the host", risky: "The host name strings words together with hyphens ({v}).", reassuring: "The host name has few or no hyphens." },
  url_subdomain_depth: { what: "subdomain depth", risky: "The address stacks {v} subdomain level(s) in front of the real domain.", reassuring: "The address has no long chain of subdomains." },
  url_domain_label_length: { what: "domain name length", risky: "The domain name is unusually long ({v} characters).", reassuring: "The domain name has an ordinary length." },
  url_is_ip_host: { what: "IP address as host", risky: "The link points to a raw IP address instead of a domain name.", reassuring: "The link uses a domain name, not a raw IP address." },
  url_is_idn: { what: "international characters in the host", risky: "The host uses international (punycode) characters, which can imitate other letters.", reassuring: "The host uses plain ASCII letters." },
  url_mixed_script_host: { what: "mixed alphabets in the host", risky: "The host mixes Latin letters with Cyrillic or Greek look-alikes.", reassuring: "The host does not mix alphabets." },
  url_brand_lookalike: { what: "brand look-alike domain", risky: "The domain imitates a well-known brand with look-alike characters.", reassuring: "The domain does not imitate a well-known brand." },
  url_brand_in_host: { what: "brand name in someone else's domain", risky: "The address names a well-known brand but does not belong to it.", reassuring: "The address does not borrow a brand name." },
  url_brand_in_path: { what: "brand name in the path", risky: "The path names a well-known brand on a site that is not the brand's.", reassuring: "The path does not borrow a brand name." },
  url_has_userinfo: { what: "text before '@' in the address", risky: "The address hides its real host behind text and an '@' sign.", reassuring: "The address has no misleading '@' part." },
  url_nonstandard_port: { what: "unusual port", risky: "The link uses an unusual network port ({v}).", reassuring: "The link uses the standard web port." },
  url_is_shortener: { what: "link shortener", risky: "The link goes through a shortener, which hides where it leads.", reassuring: "The link is not hidden behind a shortener." },
  url_is_free_hosting: { what: "free hosting", risky: "The page is on a free hosting or site-builder service, where anyone can publish.", reassuring: "The page is not on a free hosting service." },
  url_private_suffix: { what: "shared hosting platform", risky: "The address is a sub-site of a shared hosting platform.", reassuring: "The address is a domain of its own, not a sub-site of a platform." },
  url_path_length: { what: "path length", risky: "The path is unusually long ({v} characters).", reassuring: "The path has an ordinary length." },
  url_path_depth: { what: "path depth", risky: "The path is nested unusually deep ({v} levels).", reassuring: "The path is not unusually deep." },
  url_encoded_chars: { what: "encoded characters", risky: "The address contains many percent-encoded characters ({v}), which can hide text.", reassuring: "The address has little encoded text." },
  url_special_chars: { what: "special characters", risky: "The address contains unusual special characters ({v}).", reassuring: "The address has few special characters." },
  url_double_slash_in_path: { what: "'//' inside the path", risky: "The path contains '//', a sign of an embedded redirect.", reassuring: "The path has no embedded redirect." },
  url_redirect_param: { what: "redirect parameter", risky: "The link carries another web address and redirects to it.", reassuring: "The link does not redirect elsewhere." },
  url_email_in_url: { what: "e-mail address in the link", risky: "The link carries an e-mail address, typically to pre-fill a fake sign-in page.", reassuring: "The link carries no e-mail address." },
  url_suspicious_tokens: { what: "account/security words", risky: "The address uses words like login, verify or account ({v}).", reassuring: "The address has no login, verify or account words." },
  url_risky_file_extension: { what: "risky download", risky: "The link downloads a program, script or archive.", reassuring: "The link does not download a risky file type." },
  url_script_scheme: { what: "script link", risky: "The link is a javascript: or data: URL that runs or shows content directly.", reassuring: "The link is an ordinary web address." },
  url_tld_risk: { what: "high-abuse top-level domain", risky: "The domain ends in a top-level domain with a high rate of phishing abuse.", reassuring: "The domain's ending is not one with a high rate of phishing abuse." },
  url_path_random_token: { what: "random-looking path", risky: "The path contains a machine-made code of letters and digits ({v} characters).", reassuring: "The path has no machine-made codes." },
  url_path_digit_ratio: { what: "digits in the path", risky: "The path is made largely of digits.", reassuring: "The path has few digits." },
  url_path_token_entropy: { what: "path randomness", risky: "Part of the path looks random rather than like words.", reassuring: "The path reads like ordinary words." },
  url_brand_in_subdomain: { what: "brand name in front of another domain", risky: "The address puts a well-known brand's name in front of a domain that does not belong to it.", reassuring: "The address does not put a brand's name in front of someone else's domain." },
  url_brand_is_registrable_domain: { what: "brand's own domain", risky: "The address is on a well-known brand's own domain.", reassuring: "The address is on the well-known brand's own domain, not an imitation." },
  // E-mail: sender
  email_replyto_mismatch: { what: "Reply-To domain", risky: "Replies go to a different domain than the sender's.", reassuring: "Replies go to the sender's own domain." },
  email_display_name_brand_claim: { what: "display name brand claim", risky: "The sender's display name claims a well-known brand that the sending domain does not belong to.", reassuring: "The sender's display name does not claim a brand it does not own." },
  email_display_name_has_address: { what: "address in the display name", risky: "The sender's display name shows a different e-mail address than the real one.", reassuring: "The sender's display name does not show a misleading address." },
  email_from_lookalike: { what: "look-alike sender domain", risky: "The sender's domain imitates a well-known brand.", reassuring: "The sender's domain does not imitate a brand." },
  email_from_brand_in_domain: { what: "brand name in the sender's domain", risky: "The sender's domain borrows a brand name it does not own.", reassuring: "The sender's domain does not borrow a brand name." },
  email_from_freemail: { what: "free webmail sender", risky: "The message comes from a free webmail account.", reassuring: "The message does not come from a free webmail account." },
  // E-mail: language
  email_subject_urgency: { what: "urgent subject", risky: "The subject line creates urgency or threatens the account.", reassuring: "The subject line is calm." },
  email_urgency_terms: { what: "urgency", risky: "The message pushes you to act quickly ({v} urgency phrases).", reassuring: "The message does not pressure you to hurry." },
  email_credential_terms: { what: "credential requests", risky: "The message talks about passwords, sign-in or payment details ({v} phrases).", reassuring: "The message does not ask for passwords or payment details." },
  email_threat_terms: { what: "account threats", risky: "The message warns of a suspended, locked or compromised account.", reassuring: "The message does not threaten your account." },
  email_generic_greeting: { what: "generic greeting", risky: "The message opens with a generic greeting instead of your name.", reassuring: "The message does not open with a generic greeting." },
  // E-mail: links
  email_link_count: { what: "number of links", risky: "The message contains {v} links.", reassuring: "The number of links ({v}) looks ordinary." },
  email_link_domains: { what: "link domains", risky: "The links lead to {v} different domains.", reassuring: "The links lead to few different domains ({v})." },
  email_link_offdomain_ratio: { what: "links away from the sender", risky: "Most links lead away from the sender's own domain.", reassuring: "The links mostly stay on the sender's own domain." },
  email_link_density: { what: "link density", risky: "The message is mostly links with little text.", reassuring: "The message has a normal balance of text and links." },
  email_link_text_mismatch: { what: "link text vs destination", risky: "A link's text shows one web address but the link goes somewhere else.", reassuring: "Links go where their text says." },
  email_link_ip: { what: "links to IP addresses", risky: "A link points to a raw IP address.", reassuring: "No link points to a raw IP address." },
  email_link_lookalike: { what: "look-alike link domains", risky: "A link goes to a domain that imitates a well-known brand.", reassuring: "No link imitates a brand's domain." },
  email_link_brand_in_host: { what: "brand names in link domains", risky: "A link's address names a brand it does not belong to.", reassuring: "No link borrows a brand name." },
  email_link_shortener: { what: "shortened links", risky: "A link goes through a shortener that hides its destination.", reassuring: "No link is hidden behind a shortener." },
  email_link_free_hosting: { what: "links to free hosting", risky: "A link leads to a free hosting or site-builder page, where anyone can publish.", reassuring: "No link leads to free hosting." },
  email_link_userinfo: { what: "links with '@'", risky: "A link hides its real host behind text and an '@' sign.", reassuring: "No link uses a misleading '@'." },
  email_link_script_scheme: { what: "script links", risky: "A link runs a script (javascript: or data: URL) instead of opening a page.", reassuring: "No link runs a script." },
  email_link_email_in_url: { what: "e-mail address in links", risky: "A link carries an e-mail address, typically to pre-fill a fake sign-in page.", reassuring: "No link carries an e-mail address." },
  email_link_suspicious_tokens_max: { what: "account/security words in links", risky: "A link uses words like login, verify or account.", reassuring: "The links do not use login, verify or account words." },
  email_link_risky_file: { what: "risky downloads", risky: "A link downloads a program, script or archive.", reassuring: "No link downloads a risky file type." },
  email_link_nonstandard_port: { what: "links with unusual ports", risky: "A link uses an unusual network port.", reassuring: "The links use standard web ports." },
  email_brand_claim_link_mismatch: { what: "brand claim vs links", risky: "The message presents itself as a brand but none of its links go to that brand.", reassuring: "The links match the brand the message claims." },
  // E-mail: HTML
  email_html_forms: { what: "forms", risky: "The message contains a form that sends what you type to a web server.", reassuring: "The message contains no form." },
  email_html_password_fields: { what: "password fields", risky: "The message itself asks you to type a password.", reassuring: "The message contains no password field." },
  email_html_scripts: { what: "scripts", risky: "The message contains scripts.", reassuring: "The message contains no scripts." },
  email_html_meta_refresh: { what: "automatic redirect", risky: "The message redirects the browser automatically.", reassuring: "The message does not redirect automatically." },
  email_image_only: { what: "image-only body", risky: "The message is an image with almost no text.", reassuring: "The message has real text, not just an image." },
  // E-mail: attachments
  email_attachment_count: { what: "attachments", risky: "The message carries {v} attachments.", reassuring: "The attachments look ordinary." },
  email_attachment_html: { what: "web page attachments", risky: "An attachment is a web page that opens in your browser.", reassuring: "No attachment is a web page." },
  email_attachment_html_active: { what: "active web page attachment", risky: "An attached web page contains a script or a form.", reassuring: "No attached page contains scripts or forms." },
  email_attachment_executable: { what: "program attachments", risky: "An attachment is a program or script.", reassuring: "No attachment is a program." },
  email_attachment_macro_document: { what: "macro documents", risky: "An attachment is an Office document type that can carry macros.", reassuring: "No attachment can carry macros." },
  email_attachment_archive: { what: "archives", risky: "An attachment is an archive or disk image, which can hide its contents.", reassuring: "No attachment is an archive." },
  email_attachment_double_extension: { what: "double extension", risky: "An attachment's name pretends to be a document but has another real type.", reassuring: "No attachment disguises its type." },
  email_replyto_freemail: { what: "replies to free webmail", risky: "Replies go to a free webmail address instead of the sender's organisation.", reassuring: "Replies do not go to a free webmail address." },
  email_link_action_text: { what: "account-action buttons", risky: "A button or link asks you to verify, sign in or update something.", reassuring: "No button asks you to verify, sign in or update an account." },
  email_body_brand_offdomain: { what: "brand talk without the brand", risky: "The message talks about a well-known brand, but neither the sender nor any link belongs to it.", reassuring: "The brand the message talks about matches its sender or links." },
  email_attachment_type_mismatch: { what: "disguised file type", risky: "An attachment's content does not match its name.", reassuring: "Attachments are what their names say." },
  // E-mail: added in v3
  email_prize_terms: { what: "prize and windfall bait", risky: "The message dangles a prize, bonus or windfall ({v} phrases).", reassuring: "The message does not dangle prizes or windfalls." },
  email_text_mixed_script_words: { what: "look-alike letters in the text", risky: "The text spells {v} word(s) with look-alike letters from other alphabets, a trick to get past filters.", reassuring: "The text does not disguise words with look-alike letters." },
  email_subject_mixed_script: { what: "look-alike letters in the subject", risky: "The subject spells words with look-alike letters from other alphabets.", reassuring: "The subject does not disguise words with look-alike letters." },
  email_display_name_mixed_script: { what: "look-alike letters in the sender's name", risky: "The sender's name is spelled with look-alike letters from other alphabets.", reassuring: "The sender's name does not use look-alike letters." },
  email_from_malformed: { what: "malformed sender address", risky: "The sender's address is not a valid e-mail address.", reassuring: "The sender's address is well formed." },
  email_subject_has_address: { what: "e-mail address in the subject", risky: "The subject addresses you by your e-mail address.", reassuring: "The subject does not address you by your e-mail address." },
  email_greeting_address: { what: "greeting by e-mail address", risky: "The message greets you by your e-mail address instead of your name.", reassuring: "The message does not greet you by your e-mail address." },
  email_subject_brand_claim: { what: "brand named in the subject", risky: "The subject names a well-known brand that the sending domain does not belong to.", reassuring: "The subject does not borrow a brand the sender does not own." },
};

function formatValue(value: number | null): string {
  if (value === null) return "unknown";
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

function humanise(name: string): string {
  return name.replace(/^(url|email)_/, "").replace(/_/g, " ");
}

/** Features measured on a scale; every other feature counts or flags something being present. */
const MEASURES = new Set([
  "url_host_length", "url_host_entropy", "url_host_digit_ratio", "url_host_hyphens", "url_subdomain_depth",
  "url_domain_label_length", "url_path_length", "url_path_depth", "url_encoded_chars",
  "url_special_chars", "email_link_count", "email_link_domains", "email_link_offdomain_ratio", "email_link_density",
  "email_attachment_count",
]);

export function describeFeature(name: string, value: number | null, contribution: number, evidence?: string): string {
  const w = W[name];
  const risky = contribution > 0;
  const toward = risky ? "more like phishing" : "more legitimate";
  if (!w) return `The ${humanise(name)} (${formatValue(value)}) makes this look ${toward}.`;
  if (value === null) return `Missing ${w.what} information makes this look ${toward}.`;
  const v = formatValue(value);
  if (MEASURES.has(name)) return (risky ? w.risky : w.reassuring).replace("{v}", v);
  // A flag's sentence must not claim something that is not there, whichever way it pushed.
  if (value > 0 && risky) return evidence ? sentence(evidence) : w.risky.replace("{v}", v);
  if (value <= 0 && !risky) return w.reassuring.replace("{v}", v);
  if (value > 0) return sentence(`${w.what} found (${v}), which here counts toward legitimate`);
  return sentence(`No ${w.what} found, which here counts slightly toward phishing`);
}

/** Names that have a dedicated wording (tests use it to check coverage of the feature lists). */
export function hasWording(name: string): boolean {
  return name in W;
}
