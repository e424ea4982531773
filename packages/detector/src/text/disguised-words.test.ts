import { describe, expect, it } from "vitest";
import { disguisedWords, foldDisguised } from "./disguised-words.ts";

describe("disguisedWords", () => {
  it("finds words mixing Greek, Cyrillic, Armenian and Roman-numeral letters", () => {
    expect(disguisedWords("Κіոⅾⅼу ⅴеrіfу уοսr іⅾеոtіtу today")).toEqual(["Κіոⅾⅼу", "ⅴеrіfу", "уοսr", "іⅾеոtіtу"]);
  });

  it("finds words in mathematical bold and small capitals", () => {
    expect(disguisedWords("𝗗𝗲𝘂𝘁𝘀𝗰𝗵𝗲-𝗕𝗮𝗵𝗻 and ᴘᴀʏᴘᴀʟ")).toEqual(["𝗗𝗲𝘂𝘁𝘀𝗰𝗵𝗲", "𝗕𝗮𝗵𝗻", "ᴘᴀʏᴘᴀʟ"]);
  });

  it("finds a Latin word with one Cyrillic letter", () => {
    expect(disguisedWords("Your Аpple ID")).toEqual(["Аpple"]);
  });

  it("leaves ordinary text of any single script alone", () => {
    expect(disguisedWords("Привет, мир. Καλημέρα. Café naïve Straße Windows-версия")).toEqual([]);
  });
});

describe("foldDisguised", () => {
  it("reads disguised words as plain Latin and leaves real Greek and Russian as they are", () => {
    expect(foldDisguised("Κіոⅾⅼу ⅴеrіfу уοսr іⅾеոtіtу, Привет Ελλάδα")).toBe("kindly verify your identity, Привет Ελλάδα");
  });
});
