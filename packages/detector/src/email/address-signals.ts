// Sender-written address oddities: a From address no mail system would hand out, and the
// recipient's own address used where a name belongs ("Hello jane@example.com", subject
// "jane@example.com, your mailbox is full"). Mass mailers that know only the address do this;
// senders that know their customer use a name.

const LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?";
export const HOSTNAME = new RegExp(`^(?:${LABEL}\\.)+\\p{L}{2,63}\\.?$`, "u");
const LOCAL_PART = /^[^\s"<>(),;:@\\[\]]{1,64}$/;
const STYLED = /[\u{1d400}-\u{1d7ff}\u{ff21}-\u{ff5a}\u2100-\u218f]/u;

/** The From address has no valid mailbox@host.tld shape ("contato@correios", "news@brand,com", styled letters). */
export function isMalformedAddress(address: string): boolean {
  const at = address.lastIndexOf("@");
  if (at <= 0) return true;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  return !LOCAL_PART.test(local) || !HOSTNAME.test(domain) || STYLED.test(domain);
}

// Starts where a run of address characters starts (lookbehind): not retried from every position of a long run.
const ADDRESS = /(?<![a-z0-9._%+-])[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,5}/i;
// Calendar invitations end their subject with the organiser's address in brackets: not a name.
// Up to the first "@" without "@": with two `[^()]*` around any "@" a run of them was quadratic.
const TRAILING_BRACKETED = /\([^()@]*@[^()]*\)\s*$/;

/** The subject carries an e-mail address (outside a trailing "(organiser@...)" of calendar invitations). */
export function subjectHasAddress(subject: string): boolean {
  return ADDRESS.test(subject.slice(0, 1000).replace(TRAILING_BRACKETED, ""));
}

export const GREETING_THEN_ADDRESS = new RegExp(
  "(?:^|[\\s>])(?:hello|hi|hey|dear|greetings|hallo|liebe[r]?|sehr geehrte[r]?|olá|ola|oi|prezado\\(a\\)|prezad[oa]|caro|cara|" +
  "beste|geachte|bonjour|cher|chère|hola|estimad[oa]|ciao|gentile|salve)[\\s,:]{1,3}" + ADDRESS.source,
  "iu",
);

/** The opening greets the reader by an e-mail address instead of a name. */
export function greetsByAddress(body: string): boolean {
  return GREETING_THEN_ADDRESS.test(body.slice(0, 1000));
}
