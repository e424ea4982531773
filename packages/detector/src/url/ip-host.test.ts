import { describe, expect, it } from "vitest";
import { isPrivateIp, normalizeIpHost } from "./ip-host.ts";
import { urlFeatures, URL_FEATURE_NAMES } from "./features.ts";

const valueOf = (url: string, name: string) => urlFeatures(url).values[URL_FEATURE_NAMES.indexOf(name as never)];

describe("normalizeIpHost", () => {
  it("recognises a hex host as the dotted IP", () => {
    expect(normalizeIpHost("0x7f.1")).toBe("127.0.0.1");
    expect(normalizeIpHost("0xC0.0xA8.0x01.0x01")).toBe("192.168.1.1");
  });
  it("recognises an octal host as the dotted IP", () => {
    expect(normalizeIpHost("0177.0.0.1")).toBe("127.0.0.1");
    expect(normalizeIpHost("0300.0250.01.01")).toBe("192.168.1.1");
  });
  it("recognises a single integer host as the dotted IP", () => {
    expect(normalizeIpHost("2130706433")).toBe("127.0.0.1");
    expect(normalizeIpHost("3232235777")).toBe("192.168.1.1");
  });
  it("recognises short forms", () => {
    expect(normalizeIpHost("127.1")).toBe("127.0.0.1");
    expect(normalizeIpHost("10.1.2")).toBe("10.1.0.2");
  });
  it("keeps IPv6 bracketed and canonical", () => {
    expect(normalizeIpHost("[0:0:0:0:0:0:0:1]")).toBe("[::1]");
    expect(normalizeIpHost("::1")).toBe("[::1]");
  });
  it("returns null for names and invalid numbers", () => {
    expect(normalizeIpHost("example.com")).toBeNull();
    expect(normalizeIpHost("1.2.3.4.example")).toBeNull();
    expect(normalizeIpHost("999.1.1.1")).toBeNull();
    expect(normalizeIpHost("")).toBeNull();
  });
  it("classifies private ranges", () => {
    expect(isPrivateIp("10.0.0.1")).toBe(true);
    expect(isPrivateIp("192.168.1.1")).toBe(true);
    expect(isPrivateIp("8.8.8.8")).toBe(false);
  });
});

describe("IP hosts in URLs", () => {
  it("flags a hex/octal/integer IP URL and normalises its host to the dotted form", () => {
    for (const u of ["http://0x7f.1/login", "http://0177.0.0.1/login", "http://2130706433/login", "127.1/login"]) {
      const f = urlFeatures(u);
      expect(f.host).toBe("127.0.0.1");
      expect(valueOf(u, "url_is_ip_host")).toBe(1);
      expect(f.registrable_domain).toBeNull();
      expect(f.evidence.url_is_ip_host).toContain("127.0.0.1");
    }
    // The sentence shows the host as written and the address it stands for.
    expect(urlFeatures("http://0x7f000001/login").evidence.url_is_ip_host).toBe("the link points to a bare IP address (written 0x7f000001, which is 127.0.0.1) instead of a domain name");
    expect(urlFeatures("http://3232235777/").evidence.url_is_ip_host).toBe("the link points to a bare IP address (written 3232235777, which is 192.168.1.1) instead of a domain name");
    expect(urlFeatures("http://0177.0.0.1/").evidence.url_is_ip_host).toContain("(written 0177.0.0.1, which is 127.0.0.1)");
    expect(urlFeatures("http://192.168.0.1/login").evidence.url_is_ip_host).toBe("the link points to the bare IP address 192.168.0.1 instead of a domain name");
  });
  it("does not flag a domain name", () => {
    expect(valueOf("https://example.com/", "url_is_ip_host")).toBe(0);
  });
});
