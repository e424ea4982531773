// The QR must decode back to exactly the URI with a real reader: the SVG is rendered to pixels by
// resvg (a full SVG renderer) and read by ZXing-C++ (compiled to WebAssembly), both from npm, so
// `npm test` needs no system packages.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { prepareZXingModule, readBarcodes } from "zxing-wasm/reader";
import { buildOtpauthUri } from "./otpauth-uri.ts";
import { qrSvg, qrSvgDataUri } from "./qr-svg.ts";

// Load the reader's WebAssembly from node_modules (its default would fetch it from a CDN).
const wasmPath = createRequire(import.meta.url).resolve("zxing-wasm/reader/zxing_reader.wasm");
prepareZXingModule({ overrides: { wasmBinary: readFileSync(wasmPath).buffer as ArrayBuffer }, fireImmediately: true });

async function decodeQr(svg: string): Promise<string> {
  const png = new Resvg(svg, { background: "white" }).render().asPng();
  const found = await readBarcodes(new Uint8Array(png), { formats: ["QRCode"], tryHarder: false });
  expect(found.map((barcode) => barcode.isValid)).toEqual([true]);
  return new TextDecoder().decode(found[0]!.bytes);
}

describe("QR code of the otpauth URI", () => {
  const secret = crypto.getRandomValues(new Uint8Array(20));

  it.each([
    ["Traceo", "alice"],
    ["Traceo", "ann smith & co+1@example.com"],
    ["Zürich / 100% Bank", "Jürgen:Ødegård"],
  ])("decodes to exactly the URI for %j / %j", async (issuer, account) => {
    const uri = buildOtpauthUri({ issuer, account, secret });
    expect(await decodeQr(qrSvg(uri))).toBe(uri);
  });

  it("serves the SVG as a base64 data URI", async () => {
    const uri = buildOtpauthUri({ issuer: "Traceo", account: "bob", secret });
    const dataUri = qrSvgDataUri(uri);
    expect(dataUri.startsWith("data:image/svg+xml;base64,")).toBe(true);
    const svg = Buffer.from(dataUri.slice("data:image/svg+xml;base64,".length), "base64").toString("utf8");
    expect(svg).toBe(qrSvg(uri));
    expect(await decodeQr(svg)).toBe(uri);
  });

  it("a damaged code does not decode to the URI", async () => {
    const uri = buildOtpauthUri({ issuer: "Traceo", account: "carol", secret });
    // Blank out the middle third of the symbol: beyond what error correction M can repair.
    const damaged = qrSvg(uri).replace("</svg>", '<rect x="30%" y="30%" width="40%" height="40%" fill="white"/></svg>');
    const png = new Resvg(damaged, { background: "white" }).render().asPng();
    const found = await readBarcodes(new Uint8Array(png), { formats: ["QRCode"] });
    expect(found.filter((barcode) => barcode.isValid && new TextDecoder().decode(barcode.bytes) === uri)).toEqual([]);
  });
});
