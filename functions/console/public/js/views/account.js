// Sign up, sign in, and the second-factor step of sign-in (TOTP or a backup code).
import { anonymous, session } from "../api.js";
import { alertBox, el, field, formValues } from "../dom.js";

function submitting(form, busy) {
  for (const control of form.elements) control.disabled = busy;
  form.setAttribute("aria-busy", String(busy));
}

/** Runs `action` for a form submit, showing its error inside the form. */
function handle(form, action) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    form.querySelector(".alert")?.remove();
    const values = formValues(form); // before disabling: disabled controls are not in FormData
    submitting(form, true);
    try {
      await action(values);
    } catch (err) {
      submitting(form, false);
      form.prepend(alertBox(err.message));
      form.querySelector("input:not([type=hidden])")?.focus();
      return;
    }
    if (form.isConnected) submitting(form, false);
  });
}

function credentials(identifier) {
  return identifier.includes("@") ? { email: identifier.trim() } : { username: identifier.trim() };
}

function secondFactor(main, ctx, challenge) {
  main.replaceChildren(
    el("h1", { tabindex: "-1" }, "Two-factor authentication"),
    el("p", {}, "Enter the 6-digit code from your authenticator app, or one of your backup codes."),
  );
  const form = el("form", { class: "card", novalidate: false },
    field("Authentication or backup code", { name: "code", required: true, autocomplete: "one-time-code", inputmode: "text", spellcheck: "false", autocapitalize: "off" }),
    el("button", { type: "submit", class: "primary" }, "Verify"),
  );
  handle(form, async ({ code }) => {
    const tokens = await anonymous("/auth/2fa/verify", { method: "POST", json: { challenge, code: code.trim() } });
    session.set(tokens);
    ctx.go("#/keys", "Signed in.");
  });
  main.append(form);
  main.querySelector("h1").focus();
  form.querySelector("input").focus();
}

async function signIn(main, ctx, identifier, password) {
  const answer = await anonymous("/auth/login", { method: "POST", json: { ...credentials(identifier), password } });
  if (answer.mfa_required) return secondFactor(main, ctx, answer.challenge);
  session.set(answer);
  ctx.go(ctx.after ?? "#/keys", ctx.welcome ?? "Signed in.");
}

export function renderSignIn(main, ctx) {
  const form = el("form", { class: "card" },
    field("Username or email", { name: "identifier", required: true, autocomplete: "username", autocapitalize: "off", spellcheck: "false" }),
    field("Password", { name: "password", type: "password", required: true, autocomplete: "current-password" }),
    el("button", { type: "submit", class: "primary" }, "Sign in"),
  );
  handle(form, ({ identifier, password }) => signIn(main, ctx, identifier, password));
  main.append(
    el("h1", { tabindex: "-1" }, "Sign in"),
    form,
    el("p", {}, "New here? ", el("a", { href: "#/signup" }, "Create an account"), "."),
  );
}

export function renderSignUp(main, ctx) {
  const form = el("form", { class: "card" },
    field("Username", { name: "username", required: true, minlength: 3, maxlength: 32, pattern: "[A-Za-z0-9._\\-]+", autocomplete: "username", autocapitalize: "off", spellcheck: "false" }, "3 to 32 letters, digits, dots, underscores or hyphens."),
    field("Email", { name: "email", type: "email", required: true, autocomplete: "email" }),
    field("Password", { name: "password", type: "password", required: true, minlength: 10, autocomplete: "new-password" }, "At least 10 characters."),
    el("button", { type: "submit", class: "primary" }, "Create account"),
  );
  handle(form, async ({ username, email, password }) => {
    await anonymous("/auth/register", { method: "POST", json: { username: username.trim(), email: email.trim(), password } });
    await signIn(main, { ...ctx, after: "#/security", welcome: "Account created and signed in. Next: turn on two-factor authentication." }, username, password);
  });
  main.append(
    el("h1", { tabindex: "-1" }, "Create an account"),
    form,
    el("p", {}, "Already have one? ", el("a", { href: "#/signin" }, "Sign in"), "."),
  );
}
