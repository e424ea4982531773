-- Report search without clear text. 0005 kept the visible body (and the subject) in clear with a
-- tsvector, so a database dump showed what people had submitted. From here on:
--   * the subject and the visible body text are @traceo/crypto envelopes (subject_enc,
--     body_text_enc), decrypted only by the reports Worker for the page of results it returns;
--   * the text index is a set of blind tokens: HMAC-SHA256 of each normalised word under a key
--     derived from the keyring (named by search_key_id), truncated to 64 bits, computed in
--     TypeScript (packages/db/src/search-text.ts + @traceo/crypto blindSearchTokens); a query is
--     tokenised and blinded the same way and matched with `@>`;
--   * sender and link domains stay clear (look-alike search, 0005's trigram index).
-- SQL cannot compute the tokens (it has no key): existing rows come out of this migration with
-- search_key_id NULL (found by filters and domains, not by words) until `npm run reports:reindex`
-- (or `npm run keys:rotate`) rebuilds their fields from the encrypted raw message.

-- The stored answers of mail analyses held the subject, the sender's display name and full links
-- (in `urls` and in reason sentences; paths and query strings often carry the recipient's address)
-- in clear: drop subject and name, and cut every link to scheme://host/, as functions/analyze now
-- stores them. On the JSON text a link never spans a quote or backslash, so it stays valid JSON.
UPDATE reports SET result =
  regexp_replace(result::text, '([A-Za-z][A-Za-z0-9+.-]*://)(?:[^/?#\s"\\]*@)?([^/?#\s"\\]*)[^\s"\\]*', '\1\2/', 'g')::jsonb
  || jsonb_build_object('subject', NULL)
  || CASE WHEN jsonb_typeof(result->'headers') = 'object'
       THEN jsonb_build_object('headers', (result->'headers') || jsonb_build_object('from_address', NULL, 'from_display_name', NULL))
       ELSE '{}'::jsonb END
WHERE kind = 'email';

DROP INDEX reports_search_idx;
ALTER TABLE reports DROP COLUMN search_vector;
DROP TRIGGER reports_bound_body ON reports;
DROP FUNCTION traceo_reports_bound_body();
DROP FUNCTION traceo_domains_text(text, text[]);
ALTER TABLE reports DROP COLUMN body_text;
ALTER TABLE reports DROP COLUMN subject;

ALTER TABLE reports
  ADD COLUMN subject_enc bytea
    CONSTRAINT reports_subject_enc_is_envelope CHECK (subject_enc IS NULL OR traceo_envelope_key_id(subject_enc) IS NOT NULL),
  ADD COLUMN body_text_enc bytea
    CONSTRAINT reports_body_text_enc_is_envelope CHECK (body_text_enc IS NULL OR traceo_envelope_key_id(body_text_enc) IS NOT NULL),
  ADD COLUMN search_key_id text CHECK (search_key_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  ADD COLUMN subject_tokens bigint[],
  ADD COLUMN domain_tokens bigint[],
  ADD COLUMN body_tokens bigint[],
  ADD CONSTRAINT reports_search_tokens_keyed
    CHECK (search_key_id IS NOT NULL OR (subject_tokens IS NULL AND domain_tokens IS NULL AND body_tokens IS NULL));

-- Enforced in the database so no writer can forget it: for mail judged `legitimate` the body is
-- neither kept (not even encrypted) nor indexed unless the owning account opted in; an indexed body
-- keeps at most its first 4,096 distinct tokens (a bigger body is indexed by its prefix, never refused).
CREATE FUNCTION traceo_reports_private_body() RETURNS trigger
  LANGUAGE plpgsql
AS $fn$
BEGIN
  IF NEW.verdict = 'legitimate'
     AND NOT coalesce((SELECT index_legitimate_bodies FROM accounts WHERE id = NEW.account_id), false) THEN
    NEW.body_text_enc := NULL;
    NEW.body_tokens := NULL;
  ELSIF cardinality(NEW.body_tokens) > 4096 THEN
    NEW.body_tokens := NEW.body_tokens[1:4096];
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER reports_private_body BEFORE INSERT OR UPDATE OF body_text_enc, body_tokens, verdict ON reports
  FOR EACH ROW EXECUTE FUNCTION traceo_reports_private_body();

-- One array for matching (`search_tokens @> query`); the parts stay for ranking (subject > domains > body).
ALTER TABLE reports ADD COLUMN search_tokens bigint[] GENERATED ALWAYS AS (subject_tokens || domain_tokens || body_tokens) STORED;
CREATE INDEX reports_search_tokens_idx ON reports USING gin (search_tokens);
