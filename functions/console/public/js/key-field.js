// The API key used by analyse, search and usage: kept for this tab only (sessionStorage).
import { apiKey } from "./api.js";
import { el } from "./dom.js";

export function keyField() {
  const input = el("input", { id: "api-key", type: "password", class: "mono", autocomplete: "off", spellcheck: "false", value: apiKey.get(),
    placeholder: "sk_test_…", oninput: (e) => apiKey.set(e.currentTarget.value), "aria-describedby": "api-key-hint" });
  return el("div", { class: "field key-field" },
    el("label", { for: "api-key" }, "API key"),
    input,
    el("p", { class: "hint", id: "api-key-hint" }, "Keys are shown once; paste one to analyse (a key you just created is already here). It stays in this tab only."));
}
