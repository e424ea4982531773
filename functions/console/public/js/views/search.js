// Report search (GET /v1/reports?q=): results with their highlighted snippets, as text.
import { withKey } from "../api.js";
import { alertBox, el, field, formValues } from "../dom.js";
import { snippetRuns } from "../highlight.js";
import { keyField } from "../key-field.js";
import { verdictBadge } from "../report.js";

function snippet(text) {
  if (!text) return null;
  return el("p", { class: "snippet" }, snippetRuns(text).map((run) => (run.hit ? el("mark", {}, run.text) : run.text)));
}

function hit(h) {
  return el("li", { class: "hit" },
    el("div", { class: "hit-head" }, verdictBadge(h.verdict, "small"), el("span", { class: "score" }, `score ${h.score}`),
      el("strong", { class: "hit-subject" }, h.subject ?? (h.kind === "url" ? h.link_domains.join(", ") || "URL analysis" : "(no subject)")),
      el("time", { datetime: h.created_at }, new Date(h.created_at).toLocaleString())),
    snippet(h.snippet),
    h.sender_domain || h.link_domains.length ? el("p", { class: "hint" }, [h.sender_domain ? `sender ${h.sender_domain}` : null, h.link_domains.length ? `links ${h.link_domains.join(", ")}` : null].filter(Boolean).join(" · ")) : null);
}

export function renderSearch(main) {
  const results = el("div", { "aria-live": "polite", id: "search-results" });
  const verdict = field("Verdict", { tag: "select", name: "verdict" });
  verdict.querySelector("select").append(el("option", { value: "" }, "any"), ...["phishing", "suspicious", "legitimate"].map((v) => el("option", { value: v }, v)));
  const form = el("form", { class: "card search-form", role: "search" },
    field("Words in your reports", { name: "q", type: "search", placeholder: "e.g. verify account", spellcheck: "false" }, 'Web-search syntax: words, "a phrase", -exclude, or.'),
    verdict,
    el("button", { type: "submit", class: "primary" }, "Search"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const { q, verdict: v } = formValues(form);
    const params = new URLSearchParams();
    if (q.trim()) params.set("q", q.trim());
    if (v) params.set("verdict", v);
    results.replaceChildren(el("p", {}, "Searching…"));
    try {
      const page = await withKey(`/v1/reports?${params}`);
      results.replaceChildren(
        el("h2", {}, page.results.length === 0 ? "No reports match." : `${page.results.length}${page.next_cursor ? "+" : ""} report${page.results.length === 1 ? "" : "s"}`),
        el("ol", { class: "hits" }, page.results.map(hit)));
    } catch (err) {
      results.replaceChildren(alertBox(err.message));
    }
  });
  main.append(el("h1", { tabindex: "-1" }, "Search reports"), keyField(), form, results);
}
