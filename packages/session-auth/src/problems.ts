// The failures of sign-in and session endpoints, as RFC 9457 problems. Wording never says whether a
// user exists: a wrong password and an unknown name get the same problem.
import { ProblemError } from "@traceo/problem";

export const authProblems = {
  sessionRequired: (detail = "Send `Authorization: Bearer <access_token>` from /auth/login.") =>
    new ProblemError(401, { code: "session-required", title: "Sign-in required", detail, headers: { "www-authenticate": 'Bearer realm="traceo-session"' } }),
  invalidCredentials: () =>
    new ProblemError(401, { code: "invalid-credentials", title: "Sign-in failed", detail: "The username/email or password is wrong." }),
  invalidChallenge: () =>
    new ProblemError(401, { code: "invalid-challenge", title: "Login challenge not valid", detail: "The login challenge is unknown, expired, used, or out of attempts. Sign in with your password again." }),
  invalidCode: (detail = "The code is not valid.") => new ProblemError(401, { code: "invalid-code", title: "Second factor refused", detail }),
  invalidRefreshToken: () =>
    new ProblemError(401, { code: "invalid-refresh-token", title: "Refresh token not valid", detail: "The refresh token is unknown, used, expired or revoked. Sign in again." }),
  tooManyAttempts: (retryAfterSeconds: number, detail: string) =>
    new ProblemError(429, {
      code: "too-many-attempts",
      title: "Too many failed attempts",
      detail,
      headers: { "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))) },
      extensions: { retry_after: Math.max(1, Math.ceil(retryAfterSeconds)) },
    }),
  wrongPassword: () =>
    new ProblemError(403, { code: "reauthentication-failed", title: "Password confirmation failed", detail: "The password is wrong." }),
  conflict: (detail: string) => new ProblemError(409, { code: "conflict", title: "Conflict", detail }),
  notFound: (detail: string) => new ProblemError(404, { code: "not-found", title: "Not found", detail }),
};
