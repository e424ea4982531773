// A report drawn for people: verdict badge, score gauge, reasons as contribution bars, links, header claims.
import { el, svg } from "./dom.js";
import { gaugeArc, reasonBars } from "./chart-math.js";

const VERDICT_WORDS = { phishing: "Phishing", suspicious: "Suspicious", legitimate: "Legitimate" };

export function verdictBadge(verdict, size = "") {
  return el("span", { class: `verdict verdict-${verdict} ${size}`.trim(), "data-verdict": verdict }, VERDICT_WORDS[verdict] ?? verdict);
}

function gauge(score, verdict) {
  return svg("svg", { viewBox: "0 0 200 120", width: 200, height: 120, class: "gauge", role: "img", "aria-label": `Score ${score} out of 100` },
    svg("path", { d: gaugeArc(100), class: "gauge-track" }),
    svg("path", { d: gaugeArc(score), class: `gauge-fill gauge-${verdict}` }),
    svg("text", { x: 100, y: 96, "text-anchor": "middle", class: "gauge-value" }, String(score)),
    svg("text", { x: 100, y: 116, "text-anchor": "middle", class: "gauge-caption" }, "of 100"),
  );
}

function reasonList(reasons) {
  if (reasons.length === 0) return el("p", {}, "No single feature stood out.");
  return el("ul", { class: "reasons" }, reasonBars(reasons).map((r) => {
    const sign = r.contribution >= 0 ? "+" : "−";
    const label = r.direction === "toward" ? "toward phishing" : "away from phishing";
    return el("li", { class: `reason reason-${r.direction}` },
      el("span", { class: "reason-text" }, r.message),
      el("span", { class: "reason-bar", "aria-hidden": "true" },
        el("span", { class: "bar-half bar-away" }, r.direction === "away" ? el("span", { class: "bar", style: { width: `${Math.max(4, r.share * 100)}%` } }) : null),
        el("span", { class: "bar-half bar-toward" }, r.direction === "toward" ? el("span", { class: "bar", style: { width: `${Math.max(4, r.share * 100)}%` } }) : null)),
      el("span", { class: "reason-amount" }, `${sign}${Math.abs(r.contribution).toFixed(2)} `, el("span", { class: "visually-hidden" }, label)));
  }));
}

function linkTable(urls) {
  if (urls.length === 0) return null;
  return el("table", { class: "links" },
    el("caption", {}, `Links (${urls.length})`),
    el("thead", {}, el("tr", {}, ["URL", "Registrable domain", "Score", "Verdict"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, urls.map((u) => el("tr", {},
      el("td", { class: "url" }, u.url), el("td", {}, u.registrable_domain ?? "—"), el("td", { class: "num" }, String(u.score)), el("td", {}, verdictBadge(u.verdict, "small"))))));
}

const claim = (value) => value ?? "not stated";
const aligned = (value) => (value === null || value === undefined ? "header absent" : value ? "aligned with From" : "NOT aligned with From");

function headerClaims(h) {
  if (!h) return null;
  const rows = [
    ["From", h.from_display_name ? `${h.from_display_name} <${h.from_address ?? ""}>` : claim(h.from_address)],
    ["SPF", claim(h.spf)], ["DKIM", claim(h.dkim)], ["DMARC", claim(h.dmarc)],
    ["Reply-To domain", h.reply_to_domain ? `${h.reply_to_domain} (${aligned(h.reply_to_aligned)})` : "none"],
    ["Return-Path domain", h.return_path_domain ? `${h.return_path_domain} (${aligned(h.return_path_aligned)})` : "none"],
  ];
  return el("section", { class: "claims", "aria-labelledby": "claims-title" },
    el("h3", { id: "claims-title" }, "What the headers claim"),
    el("p", { class: "hint" }, "As written in the message; shown for context, not used by the model."),
    el("dl", {}, rows.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])));
}

export function renderReport(report) {
  return el("article", { class: "report card", "aria-labelledby": "report-title", "data-report-id": report.id },
    el("div", { class: "report-head" },
      el("div", {},
        el("h2", { id: "report-title", tabindex: "-1" }, "Verdict: ", verdictBadge(report.verdict, "large")),
        report.subject ? el("p", { class: "subject" }, "Subject: ", el("strong", {}, report.subject)) : null,
        el("p", { class: "hint" }, `Phishing probability ${(report.probability * 100).toFixed(1)} % · model ${report.model_version}`)),
      gauge(report.score, report.verdict)),
    el("section", { "aria-labelledby": "reasons-title" },
      el("h3", { id: "reasons-title" }, "Why"),
      el("p", { class: "hint legend" }, el("span", { class: "key key-toward" }), " pushes toward phishing   ", el("span", { class: "key key-away" }), " pushes away from phishing"),
      reasonList(report.reasons)),
    linkTable(report.urls),
    headerClaims(report.headers),
  );
}
