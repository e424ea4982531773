// Talking to the Traceo API. Sessions (functions/auth, functions/keys) use the access token as
// `Authorization: Bearer`; analysis, search and usage use an API key. Both live in sessionStorage
// only: they end with the tab, and nothing is ever written to localStorage or cookies.

const SESSION = "traceo.session";
const API_KEY = "traceo.apiKey";

let basePromise;

/** The API base URL from the console Worker's config.json ("" = this origin). */
function apiBase() {
  basePromise ??= fetch("./config.json", { headers: { accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : { api_base: "" }))
    .then((c) => String(c.api_base ?? "").replace(/\/+$/, ""))
    .catch(() => "");
  return basePromise;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.status = status;
    this.problem = problem;
  }
}

export const session = {
  get() {
    try { return JSON.parse(sessionStorage.getItem(SESSION) ?? "null"); } catch { return null; }
  },
  set(tokens) { sessionStorage.setItem(SESSION, JSON.stringify({ access_token: tokens.access_token, refresh_token: tokens.refresh_token })); },
  clear() { sessionStorage.removeItem(SESSION); },
};

export const apiKey = {
  get() { return sessionStorage.getItem(API_KEY) ?? ""; },
  set(key) { key ? sessionStorage.setItem(API_KEY, key.trim()) : sessionStorage.removeItem(API_KEY); },
};

async function send(path, { method = "GET", json, body, contentType, bearer } = {}) {
  const headers = { accept: "application/json, application/problem+json" };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (json !== undefined) headers["content-type"] = "application/json";
  else if (contentType) headers["content-type"] = contentType;
  let response;
  try {
    response = await fetch(`${await apiBase()}${path}`, { method, headers, body: json !== undefined ? JSON.stringify(json) : body });
  } catch {
    throw new ApiError(0, { detail: "The API could not be reached. Check your connection and try again." });
  }
  if (response.status === 204) return null;
  const type = response.headers.get("content-type") ?? "";
  const payload = type.includes("json") ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new ApiError(response.status, payload);
  return payload;
}

let refreshing;
async function refreshSession() {
  const current = session.get();
  if (!current?.refresh_token) return false;
  refreshing ??= send("/auth/refresh", { method: "POST", json: { refresh_token: current.refresh_token } })
    .then((tokens) => { session.set(tokens); return true; })
    .catch(() => { session.clear(); return false; })
    .finally(() => { refreshing = undefined; });
  return refreshing;
}

/** A call with the signed-in session; renews the access token once when it has expired. */
export async function withSession(path, options = {}) {
  const current = session.get();
  if (!current) throw new ApiError(401, { detail: "Please sign in first." });
  try {
    return await send(path, { ...options, bearer: current.access_token });
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 401 || !(await refreshSession())) throw err;
    return send(path, { ...options, bearer: session.get().access_token });
  }
}

/** A call with the API key kept for this tab. */
export async function withKey(path, options = {}) {
  const key = apiKey.get();
  if (!key) throw new ApiError(401, { detail: "Paste an API key first: keys are shown once, when you create them on the Keys page." });
  try {
    return await send(path, { ...options, bearer: key });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      throw new ApiError(401, { detail: `This API key was refused: ${err.message} Create a new key on the Keys page and paste it here.` });
    }
    throw err;
  }
}

/** A call without credentials (register, login, 2FA verify). */
export function anonymous(path, options = {}) {
  return send(path, options);
}

export async function signOut() {
  const current = session.get();
  session.clear();
  if (current) await send("/auth/logout", { method: "POST", bearer: current.access_token }).catch(() => null);
}
