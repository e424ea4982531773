// The console's shell: hash routes, the navigation, one place for page-level errors.
import { ApiError, session, signOut } from "./api.js";
import { alertBox, el } from "./dom.js";
import { renderSignIn, renderSignUp } from "./views/account.js";
import { renderAnalyse } from "./views/analyse.js";
import { renderKeys } from "./views/keys.js";
import { renderSearch } from "./views/search.js";
import { renderSecurity } from "./views/security.js";
import { renderUsage } from "./views/usage.js";

const ROUTES = {
  "#/signin": { title: "Sign in", render: renderSignIn },
  "#/signup": { title: "Create an account", render: renderSignUp },
  "#/security": { title: "Two-factor authentication", render: renderSecurity, session: true },
  "#/keys": { title: "API keys", render: renderKeys, session: true },
  "#/analyse": { title: "Analyse", render: renderAnalyse },
  "#/search": { title: "Search reports", render: renderSearch },
  "#/usage": { title: "Usage", render: renderUsage },
};
const NAV = [["#/analyse", "Analyse"], ["#/search", "Search"], ["#/usage", "Usage"], ["#/keys", "API keys"], ["#/security", "2FA"]];

const main = document.getElementById("main");
const nav = document.getElementById("nav");
const notice = document.getElementById("notice");
let pendingNotice = "";
let firstRoute = true;

const ctx = {
  /** Navigates, with a message announced on the next page. */
  go(hash, message = "") {
    pendingNotice = message;
    if (location.hash === hash) void route(); else location.hash = hash;
  },
};

function drawNav(current) {
  const signedIn = Boolean(session.get());
  const links = NAV.map(([hash, label]) => el("li", {}, el("a", { href: hash, "aria-current": hash === current ? "page" : undefined }, label)));
  const account = signedIn
    ? el("li", {}, el("button", { type: "button", class: "link-button", onclick: async () => { await signOut(); ctx.go("#/signin", "Signed out."); } }, "Sign out"))
    : el("li", {}, el("a", { href: "#/signin", "aria-current": current === "#/signin" ? "page" : undefined }, "Sign in"));
  nav.replaceChildren(el("ul", {}, links, account));
}

let generation = 0;

async function route() {
  const mine = ++generation;
  const hash = ROUTES[location.hash] ? location.hash : session.get() ? "#/keys" : "#/signin";
  const page = ROUTES[hash];
  if (page.session && !session.get()) return ctx.go("#/signin", "Please sign in first.");
  document.title = `${page.title} · Traceo console`;
  drawNav(hash);
  notice.replaceChildren(pendingNotice ? alertBox(pendingNotice, "success") : "");
  pendingNotice = "";
  main.replaceChildren();
  try {
    const rendering = page.render(main, ctx);
    // After a navigation, focus goes to the new page's heading (screen readers announce it); on the
    // first load it stays at the top, so Tab reaches the skip link first.
    if (!firstRoute) main.querySelector("h1")?.focus();
    firstRoute = false;
    await rendering;
  } catch (err) {
    // A page the person already left (a slow call answering after sign-out, say) changes nothing.
    if (mine !== generation) return;
    if (err instanceof ApiError && err.status === 401 && page.session) {
      session.clear();
      return ctx.go("#/signin", "Your session has ended; please sign in again.");
    }
    main.append(alertBox(err.message));
  }
}

window.addEventListener("hashchange", () => void route());
void route();

// The skip link must not change the hash (that is the router's): move focus instead.
document.querySelector(".skip-link")?.addEventListener("click", (event) => {
  event.preventDefault();
  main.focus();
});

// A page-level notice ("Signed in.", "Signed out.") is about the last navigation: the next action ends it.
document.addEventListener("submit", () => notice.replaceChildren(), { capture: true });
