// The QR must decode back to exactly the URI with a real reader: the SVG is rendered to PNG by
// librsvg (rsvg-convert) and read by zbar (zbarimg), both from Debian (librsvg2-bin, zbar-tools).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildOtpauthUri } from "./otpauth-uri.ts";
import { qrSvg, qrSvgDataUri } from "./qr-svg.ts";

const dir = mkdtempSync(join(tmpdir(), "traceo-qr-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function decodeWithZbar(svg: string, name: string): string {
  const svgPath = join(dir, `${name}.svg`);
  const pngPath = join(dir, `${name}.png`);
  writeFileSync(svgPath, svg);
  execFileSync("rsvg-convert", ["--format", "png", "--output", pngPath, svgPath]);
  // --raw prints only the payload; -Sbinary keeps zbar from re-encoding non-ASCII bytes.
  return execFileSync("zbarimg", ["--quiet", "--raw", "-Sbinary", pngPath]).toString("utf8").replace(/\n$/, "");
}

describe("QR code of the otpauth URI", () => {
  const secret = crypto.getRandomValues(new Uint8Array(20));

  it.each([
    ["Traceo", "alice"],
    ["Traceo", "ann smith & co+1@example.com"],
    ["Zürich / 100% Bank", "Jürgen:Ødegård"],
  ])("decodes to exactly the URI for %j / %j", (issuer, account) => {
    const uri = buildOtpauthUri({ issuer, account, secret });
    expect(decodeWithZbar(qrSvg(uri), `${issuer.length}-${account.length}`)).toBe(uri);
  });

  it("serves the SVG as a base64 data URI", () => {
    const uri = buildOtpauthUri({ issuer: "Traceo", account: "bob", secret });
    const dataUri = qrSvgDataUri(uri);
    expect(dataUri.startsWith("data:image/svg+xml;base64,")).toBe(true);
    const svg = Buffer.from(dataUri.slice("data:image/svg+xml;base64,".length), "base64").toString("utf8");
    expect(svg).toBe(qrSvg(uri));
    expect(decodeWithZbar(svg, "data-uri")).toBe(uri);
  });
});
