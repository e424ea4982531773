// Small byte helpers shared by the token and code modules.
// Constant-time comparison and hex come from the crypto package, so there is one of each.
import { toHex } from "@traceo/crypto";
export { bytesEqual as timingSafeEqual, toHex } from "@traceo/crypto";

export function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function base64Url(bytes: Uint8Array): string {
  return base64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/(?<!=)=+$/, "");
}

export async function sha256Hex(text: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))));
}
