// Two-factor setup: password → QR + secret → a code confirms → backup codes shown once
// (download as a .txt, copy). Also the status, and turning 2FA off (password + code).
import { withSession } from "../api.js";
import { alertBox, copyText, downloadText, el, field, formValues } from "../dom.js";

function onSubmit(form, action) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    form.querySelector(".alert")?.remove();
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      await action(formValues(form));
    } catch (err) {
      form.prepend(alertBox(err.message));
      form.querySelector("input")?.focus();
    } finally {
      button.disabled = false;
    }
  });
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP" (authenticator apps ignore the spaces). */
const grouped = (secret) => secret.replace(/(.{4})(?=.)/g, "$1 ");

function showBackupCodes(section, codes, ctx) {
  const text = `Traceo backup codes (each works once)\n\n${codes.join("\n")}\n`;
  const copy = el("button", { type: "button", onclick: (e) => copyText(e.currentTarget, codes.join("\n")) }, "Copy codes");
  const download = el("button", { type: "button", class: "primary", onclick: () => downloadText("traceo-backup-codes.txt", text) }, "Download as file");
  section.replaceChildren(
    el("h2", { tabindex: "-1", id: "backup-codes-title" }, "Two-factor authentication is on"),
    alertBox("Save these backup codes now. They are shown only once; each one signs you in once if you lose your phone.", "warning"),
    el("ol", { class: "backup-codes", "aria-labelledby": "backup-codes-title" }, codes.map((code) => el("li", {}, el("code", {}, code)))),
    el("div", { class: "actions" }, download, copy,
      el("button", { type: "button", onclick: () => ctx.go("#/keys", "Two-factor authentication is on.") }, "I have saved them")),
  );
  section.querySelector("h2").focus();
}

function showSetup(section, setup, ctx) {
  const secretId = "totp-secret";
  const confirm = el("form", { class: "stack" },
    field("6-digit code from the app", { name: "code", required: true, autocomplete: "one-time-code", inputmode: "numeric", pattern: "[0-9 ]{6,8}", maxlength: 8 }),
    el("button", { type: "submit", class: "primary" }, "Turn on two-factor authentication"),
  );
  onSubmit(confirm, async ({ code }) => {
    const answer = await withSession("/auth/2fa/confirm", { method: "POST", json: { code: code.replace(/\s/g, "") } });
    showBackupCodes(section, answer.backup_codes, ctx);
  });
  section.replaceChildren(
    el("h2", { tabindex: "-1" }, "Scan the QR code"),
    el("div", { class: "qr-setup" },
      el("img", { src: setup.qr_svg, alt: "QR code to add Traceo to your authenticator app", width: 220, height: 220, class: "qr" }),
      el("div", { class: "stack" },
        el("p", {}, "Scan it with an authenticator app (Google Authenticator, 1Password, Aegis…), or type this secret into the app:"),
        el("p", {}, el("code", { id: secretId, class: "secret" }, grouped(setup.secret)), " ",
          el("button", { type: "button", onclick: (e) => copyText(e.currentTarget, setup.secret) }, "Copy secret")),
        el("p", {}, "Then enter the code the app shows to confirm."),
        confirm,
      ),
    ),
  );
  section.querySelector("h2").focus();
}

function startForm(section, ctx) {
  const form = el("form", { class: "stack" },
    field("Your password", { name: "password", type: "password", required: true, autocomplete: "current-password" }, "Confirm it is you before setting up two-factor authentication."),
    el("button", { type: "submit", class: "primary" }, "Set up two-factor authentication"),
  );
  onSubmit(form, async ({ password }) => showSetup(section, await withSession("/auth/2fa/setup", { method: "POST", json: { password } }), ctx));
  return form;
}

function disableForm(ctx) {
  const form = el("form", { class: "stack" },
    field("Password", { name: "password", type: "password", required: true, autocomplete: "current-password" }),
    field("Authentication or backup code", { name: "code", required: true, autocomplete: "one-time-code" }),
    el("button", { type: "submit", class: "danger" }, "Turn off two-factor authentication"),
  );
  onSubmit(form, async ({ password, code }) => {
    await withSession("/auth/2fa/disable", { method: "POST", json: { password, code: code.trim() } });
    ctx.go("#/security", "Two-factor authentication is off.");
  });
  return el("details", {}, el("summary", {}, "Turn off two-factor authentication"), form);
}

export async function renderSecurity(main, ctx) {
  main.append(el("h1", { tabindex: "-1" }, "Two-factor authentication"));
  const section = el("section", { class: "card", "aria-live": "polite" }, el("p", {}, "Loading…"));
  main.append(section);
  const status = await withSession("/auth/2fa/status");
  if (status.enabled) {
    section.replaceChildren(
      el("p", { class: "status-on" }, "Two-factor authentication is on."),
      el("p", {}, `Backup codes left: ${status.backup_codes_left}.`),
      disableForm(ctx),
    );
  } else {
    section.replaceChildren(
      el("p", {}, "Two-factor authentication is off. Turn it on so a stolen password is not enough to sign in."),
      startForm(section, ctx),
    );
  }
}
