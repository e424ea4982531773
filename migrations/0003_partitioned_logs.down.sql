-- Dropping a partitioned table drops all its partitions.
DROP FUNCTION traceo_maintain_log_partitions(text, integer, integer, timestamptz);
DROP TABLE audit_log;
DROP TABLE api_key_usage;
