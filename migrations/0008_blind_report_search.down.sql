-- Back to 0005's clear-text search columns. The text itself cannot come back (only the Workers hold
-- the key): subject and body_text are NULL for every row, so text search finds nothing until new
-- reports arrive. Nothing clear is reconstructed here on purpose.
DROP INDEX reports_search_tokens_idx;
ALTER TABLE reports DROP COLUMN search_tokens;
DROP TRIGGER reports_private_body ON reports;
DROP FUNCTION traceo_reports_private_body();
ALTER TABLE reports
  DROP CONSTRAINT reports_search_tokens_keyed,
  DROP COLUMN body_tokens,
  DROP COLUMN domain_tokens,
  DROP COLUMN subject_tokens,
  DROP COLUMN search_key_id,
  DROP COLUMN body_text_enc,
  DROP COLUMN subject_enc;

ALTER TABLE reports ADD COLUMN subject text;
ALTER TABLE reports ADD COLUMN body_text text;

CREATE FUNCTION traceo_domains_text(sender text, links text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT coalesce(string_agg(d || ' ' || replace(d, '.', ' '), ' '), '')
    FROM unnest(array_prepend(sender, coalesce(links, '{}'))) AS d
    WHERE d IS NOT NULL AND d <> ''
  $$;

CREATE FUNCTION traceo_reports_bound_body() RETURNS trigger
  LANGUAGE plpgsql
AS $fn$
BEGIN
  IF NEW.body_text IS NOT NULL THEN
    IF NEW.verdict = 'legitimate'
       AND NOT coalesce((SELECT index_legitimate_bodies FROM accounts WHERE id = NEW.account_id), false) THEN
      NEW.body_text := NULL;
    ELSIF length(NEW.body_text) > 65536 THEN
      NEW.body_text := left(NEW.body_text, 65536);
    END IF;
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER reports_bound_body BEFORE INSERT OR UPDATE OF body_text, verdict ON reports
  FOR EACH ROW EXECUTE FUNCTION traceo_reports_bound_body();

ALTER TABLE reports ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, coalesce(subject, '')), 'A') ||
  setweight(to_tsvector('simple'::regconfig, traceo_domains_text(sender_domain, link_domains)), 'B') ||
  setweight(to_tsvector('english'::regconfig, left(coalesce(body_text, ''), 65536)), 'C')
) STORED;
CREATE INDEX reports_search_idx ON reports USING gin (search_vector);
