-- regions: the administrative divisions dimension (data/reference/, see its SOURCE.md).
-- One row per division: current codes, plus historical and abolished divisions and zones without codes.
CREATE TABLE IF NOT EXISTS regions (
    region_key       VARCHAR PRIMARY KEY, -- the code, or 'name:<full name>' for a zone without code
    code             VARCHAR,             -- 6-digit statistical code (NULL for a zone without code)
    name             VARCHAR NOT NULL,    -- full current name (永清县)
    short_name       VARCHAR,             -- 永清
    level            VARCHAR NOT NULL,    -- province | prefecture | county | zone
    status           VARCHAR NOT NULL,    -- current | abolished
    parent_code      VARCHAR,             -- prefecture for a county, province for a prefecture
    prefecture_code  VARCHAR,             -- 6-digit, e.g. 131000 廊坊市 (NULL for provinces)
    prefecture_name  VARCHAR,
    province_code    VARCHAR,             -- 6-digit, e.g. 130000 河北省
    province_name    VARCHAR
);
