// The accounts Worker's routes as schemas: they validate each request (through the shared problem
// hook) and are its part of the API document. Handlers live in routes/.
import { createRoute, jsonBody, problemResponses, SESSION_SECURITY, text, z } from "@traceo/openapi";
import { requireSession } from "@traceo/session-auth";
import { CODE, EMAIL, IDENTIFIER, OPAQUE_TOKEN, PASSWORD, PASSWORD_AT_LOGIN, PHONE, USERNAME } from "./input-rules.ts";
import { normalisePhone } from "./phone.ts";

const json = <T>(schema: T) => ({ "application/json": { schema } });
const body = <T>(schema: T) => ({ body: { required: true, content: json(schema) } });
const TAGS = ["auth"];

const TokenPair = z
  .object({
    access_token: z.string().openapi({ description: "HS256 JWT for `Authorization: Bearer` on session endpoints (15 minutes)." }),
    refresh_token: z.string().openapi({ description: "Single use: `POST /auth/refresh` spends it and returns a new pair." }),
    token_type: z.literal("Bearer"),
    expires_in: z.number().int().openapi({ description: "Seconds the access token lives.", example: 900 }),
  })
  .openapi("TokenPair");

const MfaChallenge = z
  .object({
    mfa_required: z.literal(true),
    challenge: z.string().openapi({ description: "Send it with a code to `POST /auth/2fa/verify` (5 minutes, 5 attempts)." }),
    expires_in: z.number().int(),
    methods: z.array(z.enum(["totp", "backup_code"])),
  })
  .openapi("MfaChallenge");

const Code = text(CODE).openapi({ description: "A 6-digit TOTP code or a backup code.", example: "123456" });
const Password = text(PASSWORD_AT_LOGIN).openapi({ description: "The account's password, asked again for this change." });
const BackupCodes = z.array(z.string()).openapi({ description: "10 single-use backup codes, shown only in this answer." });

/** An international number, normalised to E.164 (`+` and 7-15 digits); stored encrypted. */
const Phone = text(PHONE)
  .transform((value, ctx) => {
    const phone = normalisePhone(value);
    if (phone) return phone;
    ctx.addIssue({ code: "custom", message: "must be an international number with its country code, e.g. +44 20 7946 0958 (7-15 digits)" });
    return z.NEVER;
  })
  .openapi({ type: "string", example: "+44 20 7946 0958", description: "With its country code; stored as E.164, encrypted." });

export const registerRoute = createRoute({
  method: "post",
  path: "/auth/register",
  tags: TAGS,
  summary: "Create an account",
  middleware: [jsonBody()] as const,
  request: body(z.object({ username: text(USERNAME).openapi({ example: "ada" }), email: text(EMAIL).openapi({ example: "ada@example.com" }), password: text(PASSWORD), phone: Phone.nullable().optional() }).openapi("RegisterRequest")),
  responses: {
    201: { description: "Registered.", content: json(z.object({ id: z.string(), username: z.string(), account_id: z.string() }).openapi("RegisteredUser")) },
    ...problemResponses([400, 409, 413, 415, 422, 503]),
  },
});

export const loginRoute = createRoute({
  method: "post",
  path: "/auth/login",
  tags: TAGS,
  summary: "Sign in with a password",
  description: "Tokens, or — with 2FA on — a challenge for `POST /auth/2fa/verify`. Failed sign-ins are limited per account name and per address (429).",
  middleware: [jsonBody()] as const,
  request: body(
    z
      .object({ username: text(IDENTIFIER).optional(), email: text(IDENTIFIER).optional(), password: text(PASSWORD_AT_LOGIN) })
      .refine((b) => (b.username === undefined) !== (b.email === undefined), { message: "send `username` or `email` (one of them)" })
      .openapi("LoginRequest", { example: { username: "ada", password: "correct horse battery" } }),
  ),
  responses: { 200: { description: "Signed in, or a second factor is needed.", content: json(z.union([TokenPair, MfaChallenge])) }, ...problemResponses([400, 401, 413, 415, 422, 429, 503]) },
});

export const refreshRoute = createRoute({
  method: "post",
  path: "/auth/refresh",
  tags: TAGS,
  summary: "Swap a refresh token for a new token pair",
  middleware: [jsonBody()] as const,
  request: body(z.object({ refresh_token: text(OPAQUE_TOKEN) }).openapi("RefreshRequest")),
  responses: { 200: { description: "A new pair; the old refresh token is spent.", content: json(TokenPair) }, ...problemResponses([400, 401, 413, 415, 422, 503]) },
});

export const logoutRoute = createRoute({
  method: "post",
  path: "/auth/logout",
  tags: TAGS,
  summary: "End this session",
  security: SESSION_SECURITY,
  middleware: [requireSession()] as const,
  responses: { 204: { description: "Ended." }, ...problemResponses([401, 503]) },
});

export const logoutEverywhereRoute = createRoute({
  method: "post",
  path: "/auth/logout-everywhere",
  tags: TAGS,
  summary: "End every session of this user",
  security: SESSION_SECURITY,
  middleware: [requireSession()] as const,
  responses: { 204: { description: "Ended." }, ...problemResponses([401, 503]) },
});

export const setupRoute = createRoute({
  method: "post",
  path: "/auth/2fa/setup",
  tags: TAGS,
  summary: "Start two-factor setup (a new authenticator secret)",
  security: SESSION_SECURITY,
  middleware: [requireSession(), jsonBody()] as const,
  request: body(z.object({ password: Password }).openapi("PasswordConfirmation")),
  responses: {
    200: {
      description: "A pending secret; confirm it with a current code.",
      content: json(z.object({ otpauth_uri: z.string(), qr_svg: z.string().openapi({ description: "The otpauth URI as a QR code, an SVG data URI." }), secret: z.string().openapi({ description: "Base32, for typing into an authenticator." }), pending: z.literal(true) }).openapi("TwoFactorSetup")),
    },
    ...problemResponses([400, 401, 403, 409, 413, 415, 422, 429, 503]),
  },
});

export const confirmRoute = createRoute({
  method: "post",
  path: "/auth/2fa/confirm",
  tags: TAGS,
  summary: "Turn two-factor on with a current code",
  security: SESSION_SECURITY,
  middleware: [requireSession(), jsonBody()] as const,
  request: body(z.object({ code: Code }).openapi("CodeRequest")),
  responses: { 200: { description: "On; the backup codes are shown only here.", content: json(z.object({ enabled: z.literal(true), backup_codes: BackupCodes })) }, ...problemResponses([400, 401, 409, 413, 415, 422, 429, 503]) },
});

export const verifyRoute = createRoute({
  method: "post",
  path: "/auth/2fa/verify",
  tags: TAGS,
  summary: "Finish a 2FA sign-in: the login challenge and a code",
  middleware: [jsonBody()] as const,
  request: body(z.object({ challenge: text(OPAQUE_TOKEN), code: Code }).openapi("VerifyRequest")),
  responses: { 200: { description: "Signed in.", content: json(TokenPair) }, ...problemResponses([400, 401, 413, 415, 422, 429, 503]) },
});

const PasswordAndCode = z.object({ password: Password, code: Code }).openapi("PasswordAndCode");

export const disableRoute = createRoute({
  method: "post",
  path: "/auth/2fa/disable",
  tags: TAGS,
  summary: "Turn two-factor off (password and a code)",
  security: SESSION_SECURITY,
  middleware: [requireSession(), jsonBody()] as const,
  request: body(PasswordAndCode),
  responses: { 200: { description: "Off.", content: json(z.object({ enabled: z.literal(false) })) }, ...problemResponses([400, 401, 403, 409, 413, 415, 422, 429, 503]) },
});

export const backupCodesRoute = createRoute({
  method: "post",
  path: "/auth/2fa/backup-codes",
  tags: TAGS,
  summary: "Replace the backup codes (password and a code)",
  security: SESSION_SECURITY,
  middleware: [requireSession(), jsonBody()] as const,
  request: body(PasswordAndCode),
  responses: { 200: { description: "New codes; the old ones no longer work.", content: json(z.object({ backup_codes: BackupCodes })) }, ...problemResponses([400, 401, 403, 409, 413, 415, 422, 429, 503]) },
});

export const statusRoute = createRoute({
  method: "get",
  path: "/auth/2fa/status",
  tags: TAGS,
  summary: "Whether two-factor is on",
  security: SESSION_SECURITY,
  middleware: [requireSession()] as const,
  responses: {
    200: { description: "The state.", content: json(z.object({ enabled: z.boolean(), enabled_at: z.string().nullable().openapi({ format: "date-time" }), backup_codes_left: z.number().int() }).openapi("TwoFactorStatus")) },
    ...problemResponses([401, 503]),
  },
});

const Profile = z
  .object({
    id: z.string(),
    username: z.string(),
    email: z.string().openapi({ description: "Decrypted for its owner only." }),
    phone: z.string().nullable().openapi({ description: "E.164, or null when none is set." }),
    account_id: z.string(),
    two_factor_enabled: z.boolean(),
    created_at: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Profile");

export const meRoute = createRoute({
  method: "get",
  path: "/auth/me",
  tags: TAGS,
  summary: "The signed-in user's profile",
  security: SESSION_SECURITY,
  middleware: [requireSession()] as const,
  responses: { 200: { description: "The profile, email and phone decrypted.", content: json(Profile) }, ...problemResponses([401, 503]) },
});

export const updateMeRoute = createRoute({
  method: "patch",
  path: "/auth/me",
  tags: TAGS,
  summary: "Set or remove the phone number",
  security: SESSION_SECURITY,
  middleware: [requireSession(), jsonBody()] as const,
  request: body(z.strictObject({ phone: Phone.nullable() }).openapi("ProfileUpdate", { example: { phone: "+44 20 7946 0958" } })),
  responses: { 200: { description: "The updated profile.", content: json(Profile) }, ...problemResponses([400, 401, 413, 415, 422, 503]) },
});
