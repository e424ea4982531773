// Lenient URL parsing for what mail and URL feeds really contain: schemeless entries,
// HTML-escaped ampersands, surrounding quotes or angle brackets.

export class UrlParseError extends Error {
  override readonly name = "UrlParseError";
  constructor(message: string) {
    super(message);
  }
}

export type ScriptScheme = "data" | "javascript" | "vbscript";

export type LooseUrl =
  | { kind: "web"; url: URL; /** The host as written, before the URL parser canonicalised it. */ rawHost: string }
  | { kind: "script"; scheme: ScriptScheme; text: string };

const MAX_URL_LENGTH = 8192;
// WHATWG URL (what a browser follows) reads a backslash as "/" in http(s) and ftp URLs, so a browser
// opens http:\\evil.com\login as http://evil.com/login. Other schemes need "//".
const HAS_SCHEME_SLASHES = /^(?:[a-z][a-z0-9+.-]{0,20}:\/\/|(?:https?|ftp):[/\\]{2})/i;
const SCRIPT_SCHEME = /^\s*(data|javascript|vbscript)\s*:/i;
const HOSTLESS_SCHEME = /^(mailto|tel|sms|callto|about|blob|file|cid|mid|urn|news|magnet|skype|whatsapp|intent):/i;

function stripWrapping(input: string): string {
  let s = input.trim();
  if (s.length >= 2 && ((s[0] === "<" && s.endsWith(">")) || (s[0] === '"' && s.endsWith('"')) || (s[0] === "'" && s.endsWith("'")))) {
    s = s.slice(1, -1).trim();
  }
  return s.replace(/&amp;/gi, "&");
}

/** Parses a URL like a browser's address bar would, assuming http for schemeless input. */
export function parseUrlLoose(input: string): LooseUrl {
  if (typeof input !== "string") throw new UrlParseError("the URL must be a string");
  const s = stripWrapping(input);
  if (s === "") throw new UrlParseError("the URL is empty");
  if (s.length > MAX_URL_LENGTH) throw new UrlParseError(`the URL is longer than ${MAX_URL_LENGTH} characters`);
  const script = SCRIPT_SCHEME.exec(s);
  if (script) {
    return { kind: "script", scheme: (script[1] ?? "javascript").toLowerCase() as ScriptScheme, text: s };
  }
  if (HOSTLESS_SCHEME.test(s)) throw new UrlParseError(`"${s.slice(0, 60)}" is not a web address (it has no host)`);
  const withScheme = HAS_SCHEME_SLASHES.test(s) ? s : s.startsWith("//") ? `http:${s}` : `http://${s}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UrlParseError(`"${s.slice(0, 60)}" does not parse as a URL`);
  }
  if (!url.hostname) throw new UrlParseError(`"${s.slice(0, 60)}" has no host`);
  // DNS names are at most 253 characters; a longer host cannot be visited.
  if (url.hostname.length > 253) throw new UrlParseError("the host name is longer than 253 characters");
  if (url.protocol !== "http:" && url.protocol !== "https:" && url.protocol !== "ftp:") {
    throw new UrlParseError(`"${url.protocol}" URLs are not web addresses`);
  }
  return { kind: "web", url, rawHost: rawHostOf(withScheme) };
}

/** The authority's host exactly as written (userinfo and port removed). */
function rawHostOf(withScheme: string): string {
  const afterScheme = withScheme.slice(withScheme.search(/[/\\]{2}/) + 2);
  const end = afterScheme.search(/[/?#\\]/);
  const authority = end === -1 ? afterScheme : afterScheme.slice(0, end);
  const hostPort = authority.slice(authority.lastIndexOf("@") + 1);
  return hostPort.startsWith("[") ? hostPort.slice(0, hostPort.indexOf("]") + 1) : hostPort.replace(/:\d*$/, "");
}
