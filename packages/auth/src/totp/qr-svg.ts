// The QR code of an otpauth URI as an SVG data URI, drawn in the worker (no canvas): uqr encodes,
// we only wrap. Error correction M and a 4-module quiet zone keep phone cameras happy.
import { renderSVG } from "uqr";
import { base64 } from "../bytes.ts";

export function qrSvg(text: string): string {
  return renderSVG(text, { ecc: "M", border: 4, pixelSize: 8 });
}

export function qrSvgDataUri(text: string): string {
  return `data:image/svg+xml;base64,${base64(new TextEncoder().encode(qrSvg(text)))}`;
}
