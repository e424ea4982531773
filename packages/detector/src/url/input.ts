// Which strings the API accepts as a URL to analyse, beyond "the parser reads it": shared by the
// analyze Worker and the CLI so both refuse the same inputs with the same words.
export const MAX_URL_INPUT_LENGTH = 8_192;

// Inside a URL these never appear unencoded; a string holding them is not a link someone clicked.
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f]/;

/** "x" or "http://intranet/": nothing a phishing link could be (IP literals normalise to dotted form). */
function isSingleLabelHost(input: string): boolean {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(input) ? input : `http://${input}`;
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
  if (CONTROL_OR_SPACE.test(u)) return "contains spaces or control characters";
  if (isSingleLabelHost(u)) return "not a web address: the host has no domain (e.g. example.com)";
  return null;
}
