-- change_log: what changed since the marts, the chart and the published copy were last built
-- (bookkeeping written by every ingest step, read by ledger/marts.py to rebuild only what changed).
CREATE SEQUENCE IF NOT EXISTS change_seq;
CREATE TABLE IF NOT EXISTS change_log (
    seq        BIGINT NOT NULL,        -- increasing (sequence change_seq)
    region_key VARCHAR,                -- region whose facts or rankings changed: coalesce(region_code, 'name:' || region_name);
                                       -- '*' = everything (regions reloaded, links recomputed); '*:<mart>' = that mart was rebuilt in full
                                       -- (the marts reading it rebuild in full); NULL = a change touching no region
    changed_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp
);
