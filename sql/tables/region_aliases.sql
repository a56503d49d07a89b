-- region_aliases: every name the gazetteer resolves, and to what (ledger/regions.py Gazetteer.alias_rows).
-- A name may stand for several regions (桥东区: 张家口's current district, 邢台's old name of 襄都区,
-- 石家庄's abolished district); such rows are flagged ambiguous and resolved by context.
CREATE TABLE IF NOT EXISTS region_aliases (
    alias       VARCHAR NOT NULL,   -- the name as written (南和县, 清河, 冀南新区)
    region_key  VARCHAR NOT NULL,   -- regions.region_key it stands for
    code        VARCHAR,            -- the region's current code (NULL for a zone without code)
    name        VARCHAR NOT NULL,   -- the region's current full name (南和区)
    kind        VARCHAR NOT NULL,   -- full | short | historical | zone
    year        INTEGER,            -- year of the rename / abolition for historical names
    ambiguous   BOOLEAN NOT NULL    -- the alias stands for more than one region
);
