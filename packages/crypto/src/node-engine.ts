// node:crypto implementation of the engine (see engine.ts), for Node operator tools only: it is not
// exported from the package root, so nothing that runs in workerd imports it. Same construction and
// bytes as the WebCrypto engine; synchronous primitives without a thread hop per call.
import { createCipheriv, createDecipheriv, createHmac } from "node:crypto";
import type { CryptoEngine } from "./engine.ts";
import { expandInfoBlock } from "./engine.ts";

export const nodeCryptoEngine: CryptoEngine = {
  name: "node:crypto",
  async prepareMaster(material) {
    const prk = createHmac("sha256", Buffer.alloc(32)).update(material).digest(); // HKDF-Extract, empty salt
    const expand = (info: Uint8Array) => createHmac("sha256", prk).update(expandInfoBlock(info)).digest();
    return {
      async seal(info, iv, aad, plaintext) {
        const cipher = createCipheriv("aes-256-gcm", expand(info), iv, { authTagLength: 16 });
        cipher.setAAD(aad);
        const out = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
        return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
      },
      async open(info, iv, aad, sealed) {
        if (sealed.length < 16) throw new Error("too short");
        const decipher = createDecipheriv("aes-256-gcm", expand(info), iv, { authTagLength: 16 });
        decipher.setAAD(aad);
        decipher.setAuthTag(sealed.subarray(sealed.length - 16));
        const out = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
        return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
      },
      async mac(info, data) {
        const out = createHmac("sha256", expand(info)).update(data).digest();
        return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
      },
    };
  },
};
