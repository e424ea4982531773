-- Accounts own API keys and reports. Until sign-up exists, operators create accounts with the keys CLI.
CREATE TABLE accounts (
  id          text PRIMARY KEY,
  name        text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- API keys are stored only as a SHA-256 hash plus a short display prefix; the key is shown once.
CREATE TABLE api_keys (
  id              text PRIMARY KEY,
  account_id      text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  key_hash        text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  display_prefix  text NOT NULL,
  environment     text NOT NULL CHECK (environment IN ('test', 'live')),
  tier            text NOT NULL CHECK (tier IN ('free', 'pro', 'enterprise')),
  scopes          text[] NOT NULL DEFAULT ARRAY['analyze:email', 'analyze:url', 'reports:read'],
  created_at      timestamptz NOT NULL DEFAULT now(),
  last_used_at    timestamptz,
  expires_at      timestamptz,
  revoked_at      timestamptz
);
CREATE INDEX api_keys_account_idx ON api_keys (account_id);

-- One row per analysis. `result` is the API answer; the raw message is not kept here.
CREATE TABLE reports (
  id             text PRIMARY KEY,
  account_id     text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  api_key_id     text REFERENCES api_keys (id) ON DELETE SET NULL,
  kind           text NOT NULL CHECK (kind IN ('email', 'url')),
  verdict        text NOT NULL CHECK (verdict IN ('phishing', 'suspicious', 'legitimate')),
  score          smallint NOT NULL CHECK (score BETWEEN 0 AND 100),
  probability    real NOT NULL CHECK (probability BETWEEN 0 AND 1),
  model_version  text NOT NULL,
  subject        text,
  sender_domain  text,
  link_domains   text[] NOT NULL DEFAULT '{}',
  result         jsonb NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reports_account_created_idx ON reports (account_id, created_at DESC, id DESC);
