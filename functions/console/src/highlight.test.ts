import { describe, expect, it } from "vitest";
import { snippetRuns } from "../public/js/highlight.js";

describe("search snippet highlights (« » from ts_headline)", () => {
  it("splits marked words into runs the page wraps in <mark> as text", () => {
    expect(snippetRuns("Urgent: «Verify» your «account» now")).toEqual([
      { text: "Urgent: ", hit: false }, { text: "Verify", hit: true }, { text: " your ", hit: false }, { text: "account", hit: true }, { text: " now", hit: false },
    ]);
  });

  it("keeps markup-looking text as plain text runs", () => {
    expect(snippetRuns('<img src=x onerror="alert(1)"> «click»')).toEqual([
      { text: '<img src=x onerror="alert(1)"> ', hit: false }, { text: "click", hit: true },
    ]);
  });

  it("handles empty, unmarked, unterminated and stray markers", () => {
    expect(snippetRuns(null)).toEqual([]);
    expect(snippetRuns("")).toEqual([]);
    expect(snippetRuns("no hits")).toEqual([{ text: "no hits", hit: false }]);
    expect(snippetRuns("a «b")).toEqual([{ text: "a ", hit: false }, { text: "b", hit: true }]);
    expect(snippetRuns("a » b")).toEqual([{ text: "a » b", hit: false }]);
    expect(snippetRuns("«»x")).toEqual([{ text: "x", hit: false }]);
  });
});
