// Phrases of the social-engineering moves phishing relies on. English first, plus the most
// common phrasings in French, German, Spanish, Portuguese, Italian and Dutch.
// Kept as plain substrings of lower-cased, whitespace-normalised text (linear matching).
// The non-English entries are the same moves (haste, credentials, threats, prizes) as the English
// ones, merged into the same counts: the features mean "how much pressure", whatever the language,
// so the English legitimate mail in training still sets their base rate.
import { foldDisguised } from "./disguised-words.ts";

export const URGENCY_PHRASES: readonly string[] = [
  "urgent", "immediately", "within 24 hours", "within 48 hours", "within 12 hours", "as soon as possible",
  "action required", "immediate action", "final notice", "final warning", "last warning", "last reminder",
  "expires today", "will expire", "has expired", "expiring", "right away", "asap", "don't delay", "act now",
  "time sensitive", "deadline", "before it's too late", "failure to", "avoid suspension", "within 2 days",
  // fr / de / es / pt / it / nl
  "immédiatement", "dans les 24 heures", "dernier avertissement", "dringend", "sofort", "innerhalb von 24 stunden",
  "letzte mahnung", "urgente", "inmediatamente", "en 24 horas", "imediatamente", "em 24 horas",
  "immediatamente", "entro 24 ore", "onmiddellijk", "binnen 24 uur",
  "last chance", "expires soon", "within 72 hours",
  "so schnell wie möglich", "letzte erinnerung", "letzte chance", "läuft heute ab", "innerhalb von 48 stunden",
  "sofortiges handeln", "handeln sie jetzt", "umgehend", "o mais breve possível", "o quanto antes", "última chance",
  "último aviso", "em até 24 horas", "em até 48 horas", "expira hoje", "laatste herinnering", "laatste kans",
  "zo snel mogelijk", "verloopt vandaag", "binnen 48 uur", "dernier rappel", "dès que possible", "dernière chance",
  "expire aujourd'hui", "sous 24 heures", "sous 48 heures", "sans délai", "lo antes posible",
  "última oportunidad", "caduca hoy", "il prima possibile", "ultimo avviso", "ultima possibilità", "scade oggi",
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
  "verifizieren sie", "anmeldedaten", "kontodaten", "zahlungsinformationen", "kreditkarte", "bankdaten",
  "dados cadastrais", "atualize seus dados", "atualizar seus dados", "atualize seu cadastro",
  "cartão de crédito", "confirme seus dados", "dados bancários", "acesse sua conta", "bevestig je", "verifieer",
  "betaalgegevens", "coordonnées bancaires", "carte bancaire",
  "mettre à jour vos", "justificatif d'identité", "actualice sus datos", "tarjeta de crédito",
  "verifique su cuenta", "datos bancarios", "aggiorna i tuoi dati", "carta di credito", "dati di pagamento",
  "conferma i tuoi dati",
];

export const THREAT_PHRASES: readonly string[] = [
  "suspended", "suspension", "locked", "unusual activity", "unusual sign-in", "suspicious activity",
  "unauthorized", "unauthorised", "restricted", "compromised", "security alert", "blocked", "disabled",
  "deactivated", "deactivation", "terminated", "permanently deleted", "will be closed", "will be deleted",
  "mailbox is full", "storage is full", "quota", "limited access", "unable to deliver", "delivery failed",
  "payment failed", "payment declined", "invoice overdue", "legal action",
  "suspendu", "bloqué", "gesperrt", "eingeschränkt", "suspendida", "bloqueada", "suspensa", "bloccato",
  "sospeso", "geblokkeerd",
  "gelöscht", "deaktiviert", "zahlung fehlgeschlagen", "ungewöhnliche aktivität", "verdächtige aktivität",
  "abgelaufen", "suspensão", "bloqueio", "bloqueado", "cancelamento", "pendência", "irregularidade",
  "atividade suspeita", "retida", "verwijderd", "opgeschort", "verlopen", "verdachte activiteit",
  "restreint", "supprimé", "désactivé", "activité inhabituelle", "activité suspecte", "expiré", "suspendido",
  "actividad sospechosa", "desactivad", "bloccata", "sospesa", "attività sospetta", "disattivat", "scadut",
];

export const GENERIC_GREETINGS: readonly string[] = [
  "dear customer", "dear user", "dear client", "dear member", "dear valued", "dear account holder",
  "dear sir/madam", "dear sir or madam", "hello user", "dear email user", "dear webmail user",
  "cher client", "sehr geehrter kunde", "liebe kundin", "estimado cliente", "prezado cliente", "gentile cliente",
  "beste klant",
  "dear friend", "dear beneficiary", "dear winner", "lieber kunde", "liebe kunden", "caro cliente", "prezado usuário",
  "caro usuário", "prezado(a)", "beste gebruiker", "geachte klant", "chère cliente", "cher utilisateur",
  "estimado usuario", "gentile utente",
];

/** Prizes, gambling bonuses, windfalls and "you were selected": the bait of scam and survey phishing. */
export const PRIZE_PHRASES: readonly string[] = [
  "you have won", "you've won", "winner", "congratulations", "free spins", "jackpot", "casino", "lottery",
  "prize", "gift card", "giftcard", "reward", "claim your", "you have been selected", "you've been selected",
  "been chosen", "inheritance", "beneficiary", "next of kin", "million dollars", "bitcoin", "cryptocurrency", "guaranteed return",
  "compensation fund", "cash grant", "western union", "moneygram",
  "gewonnen", "gewinner", "gewinnspiel", "freispiele", "gutschein", "glückwunsch", "belohnung", "ausgewählt",
  "verlosung", "prämie", "parabéns", "você ganhou", "prêmio", "sorteio", "recompensa", "foi selecionado", "brinde",
  "gefeliciteerd", "winnaar", "cadeaubon", "cadeaukaart", "beloning", "gratis spins", "maak kans", "félicitations",
  "gagnant", "vous avez gagné", "récompense", "tirage au sort", "tours gratuits", "sélectionné", "felicidades",
  "felicitaciones", "ganador", "has ganado", "premio", "sorteo", "tiradas gratis", "congratulazioni", "hai vinto",
  "vincitore", "giri gratis", "buono regalo",
];

const MAX_TEXT = 200_000;

/** Folds disguised words, lower-cases, folds typographic apostrophes and collapses whitespace, capped in length. */
export function normaliseForPhrases(text: string): string {
  return foldDisguised(text.slice(0, MAX_TEXT)).toLowerCase().replace(/[\u2019\u2018]/g, "'").replace(/\s+/g, " ");
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
