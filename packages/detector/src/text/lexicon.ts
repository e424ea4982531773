// Phrases of the social-engineering moves phishing relies on. English first, plus the most
// common phrasings in French, German, Spanish, Portuguese, Italian and Dutch.
// Kept as plain substrings of lower-cased, whitespace-normalised text (linear matching).

export const URGENCY_PHRASES: readonly string[] = [
  "urgent", "immediately", "within 24 hours", "within 48 hours", "within 12 hours", "as soon as possible",
  "action required", "immediate action", "final notice", "final warning", "last warning", "last reminder",
  "expires today", "will expire", "has expired", "expiring", "right away", "asap", "don't delay", "act now",
  "time sensitive", "deadline", "before it's too late", "failure to", "avoid suspension", "within 2 days",
  // fr / de / es / pt / it / nl
  "immédiatement", "dans les 24 heures", "dernier avertissement", "dringend", "sofort", "innerhalb von 24 stunden",
  "letzte mahnung", "urgente", "inmediatamente", "en 24 horas", "imediatamente", "em 24 horas",
  "immediatamente", "entro 24 ore", "onmiddellijk", "binnen 24 uur",
];

export const CREDENTIAL_PHRASES: readonly string[] = [
  "password", "passcode", "verify your account", "verify your identity", "verify your email", "confirm your identity",
  "confirm your account", "confirm your details", "update your information", "update your account",
  "update your payment", "update your billing", "billing information", "payment details", "account details",
  "sign in to", "log in to", "login to", "log into", "re-enter", "re-validate", "revalidate", "validate your",
  "security question", "social security", "credit card", "card number", "cvv", "expiration date",
  "your credentials", "username", "one-time code", "seed phrase", "recovery phrase", "private key",
  "bank account", "routing number",
  "mot de passe", "identifiant", "vérifier votre", "confirmer votre", "passwort", "kennwort", "zugangsdaten",
  "bestätigen sie", "contraseña", "verificar su", "confirme su", "senha", "verifique sua", "confirme seus",
  "credenziali", "verifica il tuo", "wachtwoord", "bevestig uw", "inloggegevens",
];

export const THREAT_PHRASES: readonly string[] = [
  "suspended", "suspension", "locked", "unusual activity", "unusual sign-in", "suspicious activity",
  "unauthorized", "unauthorised", "restricted", "compromised", "security alert", "blocked", "disabled",
  "deactivated", "deactivation", "terminated", "permanently deleted", "will be closed", "will be deleted",
  "mailbox is full", "storage is full", "quota", "limited access", "unable to deliver", "delivery failed",
  "payment failed", "payment declined", "invoice overdue", "legal action",
  "suspendu", "bloqué", "gesperrt", "eingeschränkt", "suspendida", "bloqueada", "suspensa", "bloccato",
  "sospeso", "geblokkeerd",
];

export const GENERIC_GREETINGS: readonly string[] = [
  "dear customer", "dear user", "dear client", "dear member", "dear valued", "dear account holder",
  "dear sir/madam", "dear sir or madam", "hello user", "dear email user", "dear webmail user",
  "cher client", "sehr geehrter kunde", "liebe kundin", "estimado cliente", "prezado cliente", "gentile cliente",
  "beste klant",
];

const MAX_TEXT = 200_000;

/** Lower-cases, folds typographic apostrophes and collapses whitespace, capped in length. */
export function normaliseForPhrases(text: string): string {
  return text.slice(0, MAX_TEXT).toLowerCase().replace(/[\u2019\u2018]/g, "'").replace(/\s+/g, " ");
}

/** Distinct phrases of `list` found in already-normalised text. */
export function phraseHits(normalised: string, list: readonly string[]): string[] {
  return list.filter((p) => normalised.includes(p));
}

/** Texts of buttons/links that ask the reader to act on an account or open a "document". */
export const ACTION_LINK_PHRASES: readonly string[] = [
  "verify", "log in", "login", "log on", "sign in", "signin", "confirm", "update", "unlock", "restore", "reactivate",
  "re-activate", "validate", "secure my account", "secure your account", "review account", "review your account",
  "access document", "view document", "open document", "download document", "view shared", "view file",
  "view message", "release message", "keep my password", "keep same password", "claim", "accept payment",
  "upgrade now", "resolve now", "check now", "reset password",
  "vérifier", "se connecter", "confirmer", "anmelden", "bestätigen", "jetzt verifizieren", "verificar",
  "iniciar sesión", "confirmar", "acessar", "entrar", "accedi", "verifica", "inloggen", "bevestigen",
];
