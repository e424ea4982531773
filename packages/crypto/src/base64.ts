// Strict base64 / base64url. atob() alone skips whitespace and ignores non-zero trailing bits, so a
// mistyped key could decode "successfully" to other bytes; here only canonical text is accepted.

const CHUNK = 0x8000;

function toBinaryString(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += CHUNK) out += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return out;
}

export function encodeBase64(bytes: Uint8Array): string {
  return btoa(toBinaryString(bytes));
}

export function encodeBase64url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/(?<!=)=+$/, "");
}

/** Decodes standard base64 (padded or not) or base64url (unpadded); undefined for anything else. */
export function decodeBase64Strict(text: string): Uint8Array | undefined {
  const urlAlphabet = /[-_]/.test(text);
  if (urlAlphabet && /[+/=]/.test(text)) return undefined; // mixed alphabets
  const standard = urlAlphabet ? text.replace(/-/g, "+").replace(/_/g, "/") : text;
  const unpadded = standard.replace(/={1,2}$/, "");
  if (!/^[A-Za-z0-9+/]*$/.test(unpadded) || unpadded.length % 4 === 1) return undefined;
  if (unpadded.length !== standard.length && standard.length % 4 !== 0) return undefined; // wrong padding
  const bytes = Uint8Array.from(atob(unpadded + "=".repeat((4 - (unpadded.length % 4)) % 4)), (c) => c.charCodeAt(0));
  // Stray low bits in the last character decode silently; canonical text re-encodes to itself.
  if (encodeBase64(bytes).replace(/(?<!=)=+$/, "") !== unpadded) return undefined;
  return bytes;
}

export function decodeBase64url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  return decodeBase64Strict(text);
}
