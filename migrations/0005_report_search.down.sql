DROP INDEX reports_domains_trgm_idx;
ALTER TABLE reports DROP COLUMN domains_text;
DROP FUNCTION traceo_domains_list(text, text[]);
DROP INDEX reports_search_idx;
ALTER TABLE reports DROP COLUMN search_vector;
DROP TRIGGER reports_bound_body ON reports;
DROP FUNCTION traceo_reports_bound_body();
DROP FUNCTION traceo_domains_text(text, text[]);
ALTER TABLE reports DROP COLUMN body_text;
ALTER TABLE accounts DROP COLUMN index_legitimate_bodies;
-- Other objects may come to rely on pg_trgm; dropping it is safe only when nothing else does.
DROP EXTENSION IF EXISTS pg_trgm RESTRICT;
