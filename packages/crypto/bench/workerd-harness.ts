// A Worker that runs field encryption in a loop, so the bench can time it inside workerd (time
// does not advance inside a Worker while it computes, so the caller measures the request).
import { decryptField, encryptField, loadKeyring } from "../src/index.ts";

interface Env {
  TRACEO_ENCRYPTION_KEYS: string;
}

const ctx = { table: "reports", column: "raw_message_enc", rowId: "rep_01JBENCH000000000000000000" };

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    const size = Number(url.searchParams.get("size"));
    const count = Number(url.searchParams.get("n"));
    const keyring = loadKeyring(env.TRACEO_ENCRYPTION_KEYS);
    const plaintext = crypto.getRandomValues(new Uint8Array(size));
    const envelope = await encryptField(keyring, ctx, plaintext);
    if (url.pathname === "/encrypt") for (let i = 0; i < count; i++) await encryptField(keyring, ctx, plaintext);
    else if (url.pathname === "/decrypt") for (let i = 0; i < count; i++) await decryptField(keyring, ctx, envelope);
    else if (url.pathname.startsWith("/raw-")) {
      const key = await crypto.subtle.importKey("raw", crypto.getRandomValues(new Uint8Array(32)), "AES-GCM", false, ["encrypt", "decrypt"]);
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const sealed = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, plaintext);
      if (url.pathname === "/raw-encrypt") for (let i = 0; i < count; i++) await crypto.subtle.encrypt({ name: "AES-GCM", iv: crypto.getRandomValues(new Uint8Array(12)) }, key, plaintext);
      else for (let i = 0; i < count; i++) await crypto.subtle.decrypt({ name: "AES-GCM", iv }, key, sealed);
    } else return new Response("unknown path", { status: 404 });
    return new Response("ok");
  },
};
