-- People who sign in (functions/auth), their sessions, second factors and login challenges.
-- Each user owns one account (accounts.id), which owns their API keys and reports.
-- Secrets at rest: the email address and TOTP secrets are @traceo/crypto envelopes (see 0002);
-- refresh tokens, login challenges and backup codes are stored only as SHA-256 hashes; passwords
-- as argon2id PHC strings (parameters inside, upgraded at the next login).

CREATE TABLE users (
  id                       text PRIMARY KEY,
  account_id               text NOT NULL UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
  username                 text NOT NULL CHECK (length(username) BETWEEN 3 AND 32),
  -- encryptField(keyring, {table: "users", column: "email_enc", rowId: id}, email)
  email_enc                bytea NOT NULL CONSTRAINT users_email_enc_is_envelope CHECK (traceo_envelope_key_id(email_enc) IS NOT NULL),
  -- blindIndex(keyring, email): finds the row for a login or a uniqueness check without decrypting
  email_bidx               bytea NOT NULL UNIQUE CHECK (octet_length(email_bidx) = 32),
  password_hash            text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  created_at               timestamptz NOT NULL DEFAULT now(),
  -- The enabled TOTP secret, and a pending one between /2fa/setup and /2fa/confirm.
  totp_secret_enc          bytea CONSTRAINT users_totp_secret_enc_is_envelope CHECK (totp_secret_enc IS NULL OR traceo_envelope_key_id(totp_secret_enc) IS NOT NULL),
  totp_enabled_at          timestamptz,
  totp_pending_enc         bytea CONSTRAINT users_totp_pending_enc_is_envelope CHECK (totp_pending_enc IS NULL OR traceo_envelope_key_id(totp_pending_enc) IS NOT NULL),
  totp_pending_created_at  timestamptz,
  -- The last accepted TOTP time step: a step is never accepted twice (RFC 6238 §5.2).
  totp_last_step           bigint,
  -- Consecutive failed second-factor attempts, and the lock they lead to.
  mfa_failures             integer NOT NULL DEFAULT 0 CHECK (mfa_failures >= 0),
  mfa_locked_until         timestamptz,
  CONSTRAINT users_totp_enabled_has_secret CHECK ((totp_enabled_at IS NULL) = (totp_secret_enc IS NULL))
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

-- A session is one refresh-token family: rotating a token keeps the session, reusing a rotated
-- token revokes the whole session.
CREATE TABLE auth_sessions (
  id              text PRIMARY KEY,
  user_id         text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at      timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz NOT NULL,
  revoked_at      timestamptz,
  revoked_reason  text CHECK (revoked_reason IN ('logout', 'logout_everywhere', 'refresh_reuse', '2fa_changed')),
  user_agent      text
);
CREATE INDEX auth_sessions_user_live_idx ON auth_sessions (user_id) WHERE revoked_at IS NULL;

CREATE TABLE refresh_tokens (
  id          text PRIMARY KEY,
  session_id  text NOT NULL REFERENCES auth_sessions (id) ON DELETE CASCADE,
  token_hash  text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at  timestamptz NOT NULL DEFAULT now(),
  -- Set once, atomically, when the token is exchanged; a second exchange finds it set.
  used_at     timestamptz
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

-- The password step of a login with 2FA on: bound to the user, short-lived, a few attempts.
CREATE TABLE login_challenges (
  id           text PRIMARY KEY,
  user_id      text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash   text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  attempts     integer NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 5),
  consumed_at  timestamptz
);
CREATE INDEX login_challenges_user_idx ON login_challenges (user_id);

-- Single-use backup codes, hashed with the user id (hashBackupCode); spent by a conditional UPDATE.
CREATE TABLE backup_codes (
  id          text PRIMARY KEY,
  user_id     text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash   text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  created_at  timestamptz NOT NULL DEFAULT now(),
  used_at     timestamptz,
  UNIQUE (user_id, code_hash)
);
