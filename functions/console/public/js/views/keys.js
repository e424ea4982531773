// API keys: create (tiers up to the account's plan; the key is shown once with a copy button),
// list, revoke, roll. A new key can also be kept in this tab to analyse and search.
import { apiKey, withSession } from "../api.js";
import { alertBox, copyText, el, field, formValues } from "../dom.js";

const TIERS = ["free", "pro", "enterprise"];
const SCOPES = [
  ["analyze:email", "Analyse emails"],
  ["analyze:url", "Analyse URLs"],
  ["reports:read", "Search reports and read usage"],
];
const when = (iso) => (iso ? new Date(iso).toLocaleString() : "—");

function shownOnce(created, heading) {
  apiKey.set(created.key);
  const copy = el("button", { type: "button", class: "primary", onclick: (e) => copyText(e.currentTarget, created.key) }, "Copy key");
  return el("section", { class: "card new-key", "aria-labelledby": "new-key-title" },
    el("h2", { id: "new-key-title", tabindex: "-1" }, heading),
    alertBox("Copy it now: this is the only time the key is shown. It is kept in this browser tab (until you close it) to analyse and search.", "warning"),
    el("p", {}, el("label", { for: "new-key-value" }, "Your new key")),
    el("div", { class: "key-row" },
      el("input", { id: "new-key-value", class: "mono", readonly: true, value: created.key, spellcheck: "false", onfocus: (e) => e.currentTarget.select() }),
      copy),
    created.replaces ? el("p", {}, created.replaces.grace_seconds > 0 ? `The old key keeps working until ${when(created.replaces.ends_at)}.` : "The old key no longer works.") : null,
  );
}

function createForm(plan, onCreated) {
  const allowed = TIERS.slice(0, TIERS.indexOf(plan) + 1);
  const form = el("form", { class: "card stack", "aria-labelledby": "create-key-title" },
    el("h2", { id: "create-key-title" }, "Create a key"),
    field("Name", { name: "name", required: true, maxlength: 100, placeholder: "e.g. mail gateway" }),
    field("Tier", { tag: "select", name: "tier" }, `Your plan allows: ${allowed.join(", ")}.`),
    el("fieldset", {}, el("legend", {}, "Scopes"),
      SCOPES.map(([scope, label]) => el("label", { class: "check" }, el("input", { type: "checkbox", name: `scope:${scope}`, value: scope, checked: true }), ` ${label} `, el("code", {}, scope)))),
    el("button", { type: "submit", class: "primary" }, "Create key"),
  );
  form.querySelector("select").append(...allowed.map((t) => el("option", { value: t }, t)));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    form.querySelector(".alert")?.remove();
    const values = formValues(form);
    const scopes = SCOPES.map(([s]) => s).filter((s) => values[`scope:${s}`]);
    try {
      onCreated(await withSession("/v1/keys", { method: "POST", json: { name: values.name.trim(), tier: values.tier, scopes } }));
      form.reset();
    } catch (err) {
      form.prepend(alertBox(err.message));
    }
  });
  return form;
}

function keyTable(keys, actions) {
  if (keys.length === 0) return el("p", {}, "No keys yet.");
  const graceSelect = (id) => el("select", { "aria-label": `Grace period for ${id}` },
    el("option", { value: "0" }, "old key stops now"), el("option", { value: "1", selected: true }, "old key works 1 more day"), el("option", { value: "7" }, "old key works 7 more days"));
  return el("table", { class: "keys" },
    el("caption", {}, "Your API keys (the key itself is never shown again; the prefix identifies it)"),
    el("thead", {}, el("tr", {}, ["Name", "Prefix", "Tier", "Scopes", "Status", "Created", "Last used", "Actions"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, keys.map((k) => {
      const grace = graceSelect(k.prefix);
      const active = k.status === "active";
      return el("tr", { "data-key-id": k.id },
        el("th", { scope: "row" }, k.name), el("td", { "data-label": "Prefix" }, el("code", {}, `${k.prefix}…`)), el("td", { "data-label": "Tier" }, k.tier),
        el("td", { "data-label": "Scopes" }, k.scopes.join(", ")), el("td", { "data-label": "Status" }, el("span", { class: `pill pill-${k.status}` }, k.status)),
        el("td", { "data-label": "Created" }, when(k.created_at)), el("td", { "data-label": "Last used" }, when(k.last_used_at)),
        el("td", {}, active ? el("div", { class: "row-actions" },
          grace,
          el("button", { type: "button", onclick: () => actions.roll(k, Number(grace.value)) }, "Roll"),
          el("button", { type: "button", class: "danger", onclick: () => actions.revoke(k) }, "Revoke"),
        ) : "—"));
    })));
}

export async function renderKeys(main, ctx) {
  const fresh = el("div", { "aria-live": "polite" });
  const listArea = el("section", { class: "card", "aria-labelledby": "keys-title" }, el("h2", { id: "keys-title" }, "Keys"), el("p", {}, "Loading…"));
  main.append(el("h1", { tabindex: "-1" }, "API keys"), fresh);

  const reveal = (created, heading) => {
    fresh.replaceChildren(shownOnce(created, heading));
    fresh.querySelector("h2").focus();
    return load();
  };
  const actions = {
    async revoke(k) {
      if (!window.confirm(`Revoke the key "${k.name}" (${k.prefix}…)? Requests with it fail at once.`)) return;
      try {
        await withSession(`/v1/keys/${encodeURIComponent(k.id)}`, { method: "DELETE" });
        await load();
        fresh.replaceChildren(alertBox(`Key "${k.name}" revoked.`, "success"));
      } catch (err) { fresh.replaceChildren(alertBox(err.message)); }
    },
    async roll(k, graceDays) {
      try {
        await reveal(await withSession(`/v1/keys/${encodeURIComponent(k.id)}/roll`, { method: "POST", json: { grace_days: graceDays } }), `New key for "${k.name}"`);
      } catch (err) { fresh.replaceChildren(alertBox(err.message)); }
    },
  };
  async function load() {
    const { keys, plan } = await withSession("/v1/keys");
    if (!main.contains(listArea)) main.append(createForm(plan ?? "free", (created) => reveal(created, `Key "${created.name}" created`)), listArea);
    listArea.replaceChildren(el("h2", { id: "keys-title" }, "Keys"), keyTable(keys, actions));
  }
  await load();
}
