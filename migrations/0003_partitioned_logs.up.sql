-- Usage and audit logs grow without bound, so both are range-partitioned by calendar month (UTC):
-- old months are dropped whole (no DELETE bloat) and a time-range query touches only its months.
-- No foreign keys: log rows outlive the keys and accounts they mention, until retention drops them.

-- One row per API request, written after the response by @traceo/usage.
CREATE TABLE api_key_usage (
  occurred_at  timestamptz NOT NULL DEFAULT now(),
  api_key_id   text NOT NULL,
  account_id   text NOT NULL,
  method       text NOT NULL CHECK (length(method) BETWEEN 1 AND 16),
  endpoint     text NOT NULL CHECK (length(endpoint) BETWEEN 1 AND 200),
  status       smallint NOT NULL CHECK (status BETWEEN 100 AND 599),
  latency_ms   integer NOT NULL CHECK (latency_ms >= 0)
) PARTITION BY RANGE (occurred_at);
CREATE INDEX api_key_usage_key_time_idx ON api_key_usage (api_key_id, occurred_at);
CREATE INDEX api_key_usage_account_time_idx ON api_key_usage (account_id, occurred_at);
-- Rows whose month has no partition yet land here; maintenance moves them out.
CREATE TABLE api_key_usage_default PARTITION OF api_key_usage DEFAULT;

-- Security-relevant events (sign-in, key creation/revocation, ...), written by recordAuditEvents.
-- `details` is a JSON object and never holds secrets (the writer redacts secret-looking keys).
CREATE TABLE audit_log (
  id                uuid NOT NULL DEFAULT gen_random_uuid(),
  occurred_at       timestamptz NOT NULL DEFAULT now(),
  event_type        text NOT NULL CHECK (event_type ~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$' AND length(event_type) <= 64),
  actor_account_id  text,
  actor_user_id     text,
  api_key_id        text,
  ip                inet,
  user_agent        text CHECK (length(user_agent) <= 512),
  details           jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
  PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);
CREATE INDEX audit_log_account_time_idx ON audit_log (actor_account_id, occurred_at);
CREATE INDEX audit_log_user_time_idx ON audit_log (actor_user_id, occurred_at);
CREATE INDEX audit_log_type_time_idx ON audit_log (event_type, occurred_at);
CREATE TABLE audit_log_default PARTITION OF audit_log DEFAULT;

-- Premakes monthly partitions (this month + months_ahead), moves rows that sat in the default
-- partition into the partitions created for them, and detaches and drops months entirely older than
-- retention_months before the current month. Idempotent; concurrent runs queue on an advisory lock.
-- `SET timezone = 'UTC'` pins month arithmetic and bound literals to UTC whatever the caller's
-- session TimeZone (adding '1 month' in America/Los_Angeles would otherwise shift the bounds).
CREATE FUNCTION traceo_maintain_log_partitions(
  parent text, months_ahead integer, retention_months integer, at timestamptz DEFAULT now()
) RETURNS TABLE (action text, partition_name text, row_count bigint)
  LANGUAGE plpgsql
  SET timezone = 'UTC'
AS $fn$
DECLARE
  this_month timestamptz := date_trunc('month', at);
  cutoff timestamptz;
  default_part text := parent || '_default';
  month timestamptz;
  part text;
  moved bigint;
  doomed record;
BEGIN
  IF parent NOT IN ('api_key_usage', 'audit_log') THEN
    RAISE EXCEPTION 'traceo_maintain_log_partitions: % is not a partitioned log table', parent;
  END IF;
  IF months_ahead IS NULL OR months_ahead < 0 OR months_ahead > 36 THEN
    RAISE EXCEPTION 'traceo_maintain_log_partitions: months_ahead must be 0..36, got %', months_ahead;
  END IF;
  IF retention_months IS NULL OR retention_months < 1 THEN
    RAISE EXCEPTION 'traceo_maintain_log_partitions: retention_months must be at least 1, got %', retention_months;
  END IF;
  cutoff := this_month - make_interval(months => retention_months);

  -- One maintainer per table at a time; a second run waits here, then finds the work done.
  PERFORM pg_advisory_xact_lock(727274002, hashtext(parent));

  FOR month IN EXECUTE format(
    $q$SELECT m FROM generate_series(%L::timestamptz, %L::timestamptz, interval '1 month') AS m
       UNION
       SELECT DISTINCT date_trunc('month', occurred_at) FROM %I WHERE occurred_at >= %L AND occurred_at < %L
       ORDER BY 1$q$,
    this_month, this_month + make_interval(months => months_ahead), default_part, cutoff, this_month)
  LOOP
    part := parent || '_p' || to_char(month, 'YYYY_MM');
    CONTINUE WHEN to_regclass(format('%I', part)) IS NOT NULL;
    -- Built beside the table and attached with a matching CHECK, so ATTACH needs no scan of it.
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE)', part, parent);
    EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (occurred_at >= %L AND occurred_at < %L)',
                   part, part || '_bounds', month, month + interval '1 month');
    -- Writers to the default partition wait while its rows for this month move, so ATTACH's
    -- check of the default partition cannot meet a row that arrived in between.
    EXECUTE format('LOCK TABLE %I IN EXCLUSIVE MODE', default_part);
    EXECUTE format('WITH moved AS (DELETE FROM %I WHERE occurred_at >= %L AND occurred_at < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
                   default_part, month, month + interval '1 month', part);
    GET DIAGNOSTICS moved = ROW_COUNT;
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
                   parent, part, month, month + interval '1 month');
    action := 'created'; partition_name := part; row_count := moved;
    RETURN NEXT;
  END LOOP;

  FOR doomed IN
    SELECT c.relname::text AS name
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = parent::regclass AND c.relname ~ ('^' || parent || '_p[0-9]{4}_[0-9]{2}$')
      AND to_timestamp(right(c.relname, 7), 'YYYY_MM') + interval '1 month' <= cutoff
    ORDER BY 1
  LOOP
    EXECUTE format('ALTER TABLE %I DETACH PARTITION %I', parent, doomed.name);
    EXECUTE format('DROP TABLE %I', doomed.name);
    action := 'dropped'; partition_name := doomed.name; row_count := NULL;
    RETURN NEXT;
  END LOOP;

  -- Rows past retention that never had a partition.
  EXECUTE format('DELETE FROM %I WHERE occurred_at < %L', default_part, cutoff);
  GET DIAGNOSTICS moved = ROW_COUNT;
  IF moved > 0 THEN
    action := 'purged'; partition_name := default_part; row_count := moved;
    RETURN NEXT;
  END IF;
END
$fn$;

-- Start with the current month and three ahead, so writes never begin in the default partition.
SELECT traceo_maintain_log_partitions('api_key_usage', 3, 1200);
SELECT traceo_maintain_log_partitions('audit_log', 3, 1200);
