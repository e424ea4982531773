import { describe, expect, it } from "vitest";
import { greetsByAddress, isMalformedAddress, subjectHasAddress } from "./address-signals.ts";

describe("isMalformedAddress", () => {
  it("flags addresses no mail system hands out", () => {
    expect(isMalformedAddress("contato@correios")).toBe(true); // no top-level domain
    expect(isMalformedAddress("noreply@news,com")).toBe(true);
    expect(isMalformedAddress("taxas@%comunicacoes.com")).toBe(true);
    expect(isMalformedAddress('"noreply@shop.example"')).toBe(true);
    expect(isMalformedAddress("team@𝗹𝗶𝗱𝗹-𝗴𝗲𝗿𝗺𝗮𝗻𝘆.𝗱𝗲")).toBe(true);
    expect(isMalformedAddress("nobody")).toBe(true);
  });

  it("accepts ordinary and internationalised addresses", () => {
    expect(isMalformedAddress("first.last+tag@mail.example.co.uk")).toBe(false);
    expect(isMalformedAddress("info@münchen.de")).toBe(false);
    expect(isMalformedAddress("a@b.example.")).toBe(false);
  });
});

describe("subjectHasAddress", () => {
  it("flags a subject that names the recipient by address", () => {
    expect(subjectHasAddress("jane.doe@example.com, your mailbox is full")).toBe(true);
    expect(subjectHasAddress("Action required for jane@example.org")).toBe(true);
  });

  it("ignores the organiser's address that calendar invitations put in brackets at the end", () => {
    expect(subjectHasAddress("Invitation: Sync @ Wed 3 Jan 2024 10am (GMT) (bob@example.com)")).toBe(false);
    expect(subjectHasAddress("Your order has shipped")).toBe(false);
  });
});

describe("greetsByAddress", () => {
  it("flags greetings addressed to an e-mail address, in several languages", () => {
    expect(greetsByAddress("Hello jane@example.com, your account")).toBe(true);
    expect(greetsByAddress("Hallo jane@example.com, Diese 1000€ Karte")).toBe(true);
    expect(greetsByAddress("Prezado(a) jane@example.com Sua encomenda")).toBe(true);
    expect(greetsByAddress("Bonjour jane@example.com,")).toBe(true);
  });

  it("does not flag greetings by name or addresses later in the text", () => {
    expect(greetsByAddress("Hello Jane, your parcel is on its way.")).toBe(false);
    expect(greetsByAddress("Hi Jane, write to support@example.com if you need help.")).toBe(false);
  });
});
