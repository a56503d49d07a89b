-- regions: the administrative divisions dimension (ledger/regions.py; data in data/reference/admin_divisions/
-- and data/reference/regions/, see their SOURCE.md).
-- One row per division: current divisions (NBS 2021 codes, with coded development zones), abolished divisions
-- with their historical code, and zones without a code. Renamed divisions are no rows of their own: their old
-- names are aliases of the successor (see region_aliases).
CREATE TABLE IF NOT EXISTS regions (
    region_key       VARCHAR PRIMARY KEY, -- the code, or 'name:<full name>' for a zone without code
    code             VARCHAR,             -- 6-digit statistical code (NULL for a zone without code)
    name             VARCHAR NOT NULL,    -- full current name (永清县)
    short_name       VARCHAR,             -- 永清 (NULL when none can be derived: 威县)
    level            VARCHAR NOT NULL,    -- province | prefecture | county | zone
    status           VARCHAR NOT NULL,    -- current | abolished
    parent_code      VARCHAR,             -- prefecture for a county, province for a prefecture
    prefecture_code  VARCHAR,             -- 6-digit, e.g. 131000 廊坊市 (NULL for provinces)
    prefecture_name  VARCHAR,
    province_code    VARCHAR,             -- 6-digit, e.g. 130000 河北省
    province_name    VARCHAR,
    aliases          VARCHAR[],           -- other names that resolve to it: short, historical (南和县), zone forms
    abolished_year   INTEGER,             -- for status 'abolished' (邢台县: 2020)
    successor_names  VARCHAR              -- where an abolished division went (邢台县: 襄都区;信都区)
);
