// Text from untrusted mail on a terminal: control characters (escape sequences could rewrite the
// screen), bidi overrides and zero-width characters become spaces; cells are cut to fit.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function safeText(text: string): string {
  return text.replace(UNSAFE, " ").replace(/ {2,}/g, " ").trim();
}

/** At most `width` characters (code points), "…" marking a cut; padded to `width`. */
export function fit(text: string, width: number, from: "start" | "end" = "end"): string {
  const chars = Array.from(text);
  if (width <= 0) return "";
  if (chars.length <= width) return text + " ".repeat(width - chars.length);
  return from === "end" ? chars.slice(0, width - 1).join("") + "…" : "…" + chars.slice(chars.length - width + 1).join("");
}

export interface Colors {
  verdict(verdict: string, text: string): string;
  dim(text: string): string;
}

export function colors(enabled: boolean): Colors {
  const wrap = (code: string, text: string) => (enabled ? `\x1b[${code}m${text}\x1b[0m` : text);
  const codes: Record<string, string> = { phishing: "1;31", suspicious: "33", legitimate: "32", error: "35" };
  return {
    verdict: (verdict, text) => wrap(codes[verdict] ?? "0", text),
    dim: (text) => wrap("2", text),
  };
}
