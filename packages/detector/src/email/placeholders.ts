// Collector artefacts must not become signals: the corpora replaced recipients with
// phishing@pot, user@<domain>, yyyy@/zzzz@ and fixture placeholders. We rewrite every one of
// them to the same neutral address, so "an address appears here" survives but who collected
// the message does not.

export const NEUTRAL_ADDRESS = "recipient@example.com";

const PLACEHOLDER_ADDRESS =
  /\b(?:(?:phishing|phish|honey)@pot\b|(?:yyyy|zzzz|user|testuser|fakeuser|my_email_address|redacted)@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,5})/gi;
const URL_ENCODED_PLACEHOLDER = /\b(?:phishing|phish|honey)%40pot\b/gi;

export function neutralisePlaceholders(text: string): string {
  return text.replace(PLACEHOLDER_ADDRESS, NEUTRAL_ADDRESS).replace(URL_ENCODED_PLACEHOLDER, "recipient%40example.com");
}

// In the sender fields only the collectors' own mailboxes are artefacts: phishing@pot and the
// SpamAssassin corpus's yyyy@/zzzz@. A sender writing "user@paypa1-secure.top" is a real sender (the
// corpora redacted recipients, not senders: 3 of 11,906 messages have such a From or Reply-To), and
// rewriting it to example.com would hide the domain the sender checks must see.
const COLLECTOR_SENDER = /\b(?:(?:phishing|phish|honey)@pot\b|(?:yyyy|zzzz)@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,5})/gi;

export function neutraliseSenderPlaceholders(text: string): string {
  return text.replace(COLLECTOR_SENDER, NEUTRAL_ADDRESS);
}
