-- build_state: what each mart, the chart and the published copy were last built from
-- (bookkeeping of ledger/marts.py; a build compares it with change_log to decide full, incremental or unchanged).
CREATE TABLE IF NOT EXISTS build_state (
    name      VARCHAR PRIMARY KEY,     -- a mart, 'chart:<path>' or 'publish:<path>'
    built_seq BIGINT NOT NULL,         -- the last change_log.seq the build covers
    sql_sha   VARCHAR,                 -- fingerprint of what it was built by (SQL text, input versions)
    version   BIGINT NOT NULL,         -- bumped whenever a build may have changed the output
    mode      VARCHAR,                 -- full | incremental | unchanged (last build)
    n_rows    BIGINT,                  -- rows after the last build (marts)
    built_at  TIMESTAMPTZ
);
