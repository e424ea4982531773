// Which strings the API accepts as a URL to analyse, beyond "the parser reads it": shared by the
// analyze Worker and the CLI so both refuse the same inputs with the same words.
export const MAX_URL_INPUT_LENGTH = 8_192;

// javascript:, vbscript: and data: links have no site to visit: they run code or carry their content
// inside the link. The URL model's features describe a host and a path, so its score for them would be
// an artefact; the API and the CLI refuse them (422) and name what they accept instead. In mail, such
// links are still counted as a warning sign (email_link_script_scheme), since a message has no reason
// to hold one. Quotes or angle brackets around the link are ignored, as the detector's parser does.
const SCRIPT_SCHEME = /^[\s<"']*(javascript|vbscript|data)\s*:/i;

function scriptSchemeProblem(input: string): string | null {
  const scheme = SCRIPT_SCHEME.exec(input)?.[1]?.toLowerCase();
  if (!scheme) return null;
  const what = scheme === "data" ? "carries its content inside the link" : "runs code";
  return `not a web address: a ${scheme}: URL ${what} instead of opening a page (supported schemes: http, https)`;
}

// Any other explicit scheme (ftp:, file:, mailto:…) is not what the URL model was trained on. A colon
// followed by a digit is a port ("example.com:8080/login"), not a scheme.
const SCHEME = /^([a-z][a-z0-9+.-]*):(?!\d)/i;

function otherSchemeProblem(input: string): string | null {
  const scheme = SCHEME.exec(input)?.[1]?.toLowerCase();
  if (!scheme || scheme === "http" || scheme === "https") return null;
  return `unsupported scheme ${scheme}: (supported schemes: http, https)`;
}

// Inside a URL these never appear unencoded; a string holding them is not a link someone clicked.
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f]/;

// Not Unicode: encoding turns it into U+FFFD, which the URL parser then percent-encodes, so what would
// be scored is not what was sent (the text fields refuse it the same way).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** "x", "localhost:3000" or "http://intranet/": nothing a phishing link could be (IP literals normalise to dotted form). */
function isSingleLabelHost(input: string): boolean {
  const withScheme = SCHEME.test(input) ? input : `http://${input}`;
  let host: string;
  try {
    host = new URL(withScheme).hostname;
  } catch {
    return false; // the detector answers with its own parse error
  }
  return host !== "" && !host.includes(".") && !host.startsWith("[");
}

/** Why this input is not a usable URL string, or null when it is (the detector may still refuse it). */
export function urlInputProblem(input: unknown): string | null {
  if (typeof input !== "string") return "expected a string";
  const u = input.trim();
  if (u === "") return "empty URL";
  if (input.length > MAX_URL_INPUT_LENGTH) return `longer than ${MAX_URL_INPUT_LENGTH} characters`;
  const script = scriptSchemeProblem(u);
  if (script !== null) return script;
  const other = otherSchemeProblem(u);
  if (other !== null) return other;
  if (CONTROL_OR_SPACE.test(u)) return "contains spaces or control characters";
  if (LONE_SURROGATE.test(u)) return "contains an unpaired UTF-16 surrogate";
  if (isSingleLabelHost(u)) return "not a web address: the host has no domain (e.g. example.com)";
  return null;
}
