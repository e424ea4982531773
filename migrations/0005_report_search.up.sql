-- Full-text and look-alike-domain search over reports.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Privacy: for mail judged legitimate the body stays out of the index unless the account opts in.
ALTER TABLE accounts ADD COLUMN index_legitimate_bodies boolean NOT NULL DEFAULT false;

-- Visible text of the message, a bounded prefix (functions/analyze fills it; see the trigger below).
ALTER TABLE reports ADD COLUMN body_text text;

-- array_to_string is only STABLE; a generated column needs IMMUTABLE. Each domain is given whole
-- (the text parser keeps `paypal.com` as one host token) and split into labels, so `paypal` matches too.
CREATE FUNCTION traceo_domains_text(sender text, links text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT coalesce(string_agg(d || ' ' || replace(d, '.', ' '), ' '), '')
    FROM unnest(array_prepend(sender, coalesce(links, '{}'))) AS d
    WHERE d IS NOT NULL AND d <> ''
  $$;

-- Enforced in the database so no writer can forget it: the body is cut to 64 KiB of text (never
-- refused: a bigger body is indexed by its prefix; tsvector itself caps at 1 MB), and dropped for
-- `legitimate` mail unless the owning account opted in. Runs before the generated columns are computed.
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

-- Weights: subject A, sender and link domains B, body C. Domains use the 'simple' configuration
-- (no stemming of host names); `left` bounds the body again in case the trigger is bypassed.
ALTER TABLE reports ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english'::regconfig, coalesce(subject, '')), 'A') ||
  setweight(to_tsvector('simple'::regconfig, traceo_domains_text(sender_domain, link_domains)), 'B') ||
  setweight(to_tsvector('english'::regconfig, left(coalesce(body_text, ''), 65536)), 'C')
) STORED;
CREATE INDEX reports_search_idx ON reports USING gin (search_vector);

-- For look-alike search (`paypa1` finds `paypal.com`, `paypa1-secure.net`): the report's domains as
-- one lower-case string, trigram-indexed for word similarity (`<%`).
CREATE FUNCTION traceo_domains_list(sender text, links text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT lower(coalesce(string_agg(d, ' '), ''))
    FROM unnest(array_prepend(sender, coalesce(links, '{}'))) AS d
    WHERE d IS NOT NULL AND d <> ''
  $$;
ALTER TABLE reports ADD COLUMN domains_text text GENERATED ALWAYS AS (traceo_domains_list(sender_domain, link_domains)) STORED;
CREATE INDEX reports_domains_trgm_idx ON reports USING gin (domains_text gin_trgm_ops);
