import { describe, expect, it } from "vitest";
import { urlInputProblem } from "./input.ts";

describe("urlInputProblem", () => {
  it("accepts web addresses with or without a scheme", () => {
    for (const u of ["https://accounts.google.com/signin", "http://0x7f000001/login", "paypa1-secure.top/login", "http://paypal.com@evil.example/login"]) {
      expect(urlInputProblem(u), u).toBeNull();
    }
  });

  it("refuses javascript:, vbscript: and data: URLs, saying what they are and which schemes are supported", () => {
    expect(urlInputProblem("javascript:alert(1)")).toBe("not a web address: a javascript: URL runs code instead of opening a page (supported schemes: http, https)");
    expect(urlInputProblem("data:text/html,<h1>hi</h1>")).toBe("not a web address: a data: URL carries its content inside the link instead of opening a page (supported schemes: http, https)");
    expect(urlInputProblem("VBScript:msgbox(1)")).toContain("a vbscript: URL runs code");
    // Written as a browser would still run them: spaces, quotes, brackets, upper case.
    for (const u of [" JavaScript:void(0)", "<javascript:alert(1)>", '"data:text/html;base64,PHNjcmlwdD4="', "javascript :alert( 1 )"]) {
      expect(urlInputProblem(u), u).toMatch(/^not a web address: a (javascript|data): URL/);
    }
  });

  it("refuses other schemes by name, and does not take a port for a scheme", () => {
    expect(urlInputProblem("ftp://files.example.com/invoice.pdf")).toBe("unsupported scheme ftp: (supported schemes: http, https)");
    expect(urlInputProblem("mailto:billing@paypal.com")).toBe("unsupported scheme mailto: (supported schemes: http, https)");
    expect(urlInputProblem("FILE:///etc/passwd")).toBe("unsupported scheme file: (supported schemes: http, https)");
    expect(urlInputProblem("HTTPS://example.com/")).toBeNull();
    expect(urlInputProblem("example.com:8080/login")).toBeNull();
  });

  it("keeps its other refusals", () => {
    expect(urlInputProblem("")).toBe("empty URL");
    expect(urlInputProblem("http://intranet/")).toBe("not a web address: the host has no domain (e.g. example.com)");
    expect(urlInputProblem("http://a b.example/")).toBe("contains spaces or control characters");
  });

  it("refuses a single-label host without a scheme, a port not taken for a scheme", () => {
    expect(urlInputProblem("localhost:3000")).toBe("not a web address: the host has no domain (e.g. example.com)");
    expect(urlInputProblem("intranet:8080/login")).toBe("not a web address: the host has no domain (e.g. example.com)");
    expect(urlInputProblem("localhost")).toBe("not a web address: the host has no domain (e.g. example.com)");
    expect(urlInputProblem("example.com:3000/login")).toBeNull();
  });

  it("refuses an unpaired UTF-16 surrogate instead of scoring its U+FFFD replacement", () => {
    expect(urlInputProblem("http://example.com/\ud800x")).toBe("contains an unpaired UTF-16 surrogate");
    expect(urlInputProblem("http://example.com/\udfff")).toBe("contains an unpaired UTF-16 surrogate");
    expect(urlInputProblem("http://ex\udc00ample.com/")).toBe("contains an unpaired UTF-16 surrogate");
    expect(urlInputProblem("http://example.com/\ud83d\ude00")).toBeNull(); // a pair: one emoji
  });
});
