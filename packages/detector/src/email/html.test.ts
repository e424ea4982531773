import { describe, expect, it } from "vitest";
import { decodeEntities, parseAttributes, scanHtml } from "./html.ts";

describe("scanHtml", () => {
  it("reads quoted, single-quoted and unquoted hrefs with their text", () => {
    const scan = scanHtml(`<a href="https://a.example/x">A</a> <a href='https://b.example'>B <b>bold</b></a> <A HREF=http://c.example/y?z=1&amp;w=2 class=x>C</A>`);
    expect(scan.anchors).toEqual([
      { href: "https://a.example/x", text: "A" },
      { href: "https://b.example", text: "B bold" },
      { href: "http://c.example/y?z=1&w=2", text: "C" },
    ]);
  });
  it("counts forms, password fields, scripts and hidden elements, and skips script text", () => {
    const scan = scanHtml(`<form action="https://x.example/p"><input type=password name=p><input name=u></form><script>var a="<a href='http://no.example'>";</script><div style="display:none">hidden</div><p>Hello</p>`);
    expect(scan.forms).toBe(1);
    expect(scan.formActions).toEqual(["https://x.example/p"]);
    expect(scan.passwordInputs).toBe(1);
    expect(scan.textInputs).toBe(1);
    expect(scan.scripts).toBe(1);
    expect(scan.anchors).toEqual([]);
    expect(scan.hiddenElements).toBe(1);
    expect(scan.visibleText).toContain("Hello");
    expect(scan.visibleText).not.toContain("var a");
  });
  it("keeps link text out of the text outside anchors", () => {
    const scan = scanHtml(`<p>Go to http://shown.example now</p><a href="http://real.example">http://text.example</a>`);
    expect(scan.textOutsideAnchors).toContain("http://shown.example");
    expect(scan.textOutsideAnchors).not.toContain("text.example");
    expect(scan.visibleText).toContain("http://text.example");
  });
  it("uses an image's alt text as the text of an image link", () => {
    expect(scanHtml(`<a href="https://x.example"><img src="b.png" alt="paypal.com"></a>`).anchors[0]?.text).toBe("paypal.com");
  });
  it("survives unterminated tags, comments and quotes", () => {
    const scan = scanHtml(`<p>a<!-- never closed <a href="x">`);
    expect(scan.anchors).toEqual([]);
    expect(scanHtml(`<a href="http://x.example>text`).anchors.length).toBe(1);
  });
  it("decodes entities and parses attributes", () => {
    expect(decodeEntities("&lt;a&gt; &amp; &#x41;&#66; &nbsp;")).toBe("<a> & AB  ");
    expect(parseAttributes(` href = "x" data-y=z  checked`)).toEqual(new Map([["href", "x"], ["data-y", "z"], ["checked", ""]]));
  });
});
