-- metric_facts: the contract of FACTS.md section 5, one row per region x metric x period x kind
-- within an article; each non-NULL field among value, yoy_pct, cagr_pct, rank is one atomic fact.
CREATE TABLE IF NOT EXISTS metric_facts (
    source_file   VARCHAR NOT NULL,
    article_id    VARCHAR NOT NULL,
    region_code   VARCHAR,          -- 6-digit statistical code; NULL for a zone without code or an unnamed region
    region_name   VARCHAR,          -- as the article named it
    metric        VARCHAR NOT NULL, -- key of data/reference/metric_lexicon.csv
    metric_label  VARCHAR,          -- the words the article used
    period_start  VARCHAR,          -- YYYY-MM
    period_end    VARCHAR,          -- YYYY-MM
    period_approx BOOLEAN,          -- multi-year spans (五年来) and other approximate periods
    period_reason VARCHAR,          -- how the period was decided
    kind          VARCHAR NOT NULL, -- actual | target
    value         DOUBLE,           -- base units
    unit          VARCHAR,          -- yuan | yuan_per_person | usd | count | ...
    qualifier     VARCHAR,          -- 以上 | 余 | 近 | 约 ...
    yoy_pct       DOUBLE,
    cagr_pct      DOUBLE,
    rank          INTEGER,
    rank_scope    VARCHAR,          -- 全市 | 全省 | a named group
    rank_basis    VARCHAR,          -- value | growth | NULL
    evidence      VARCHAR,          -- the sentence
    char_start    INTEGER,          -- offsets of the sentence in articles.text
    char_end      INTEGER,
    confidence    DOUBLE
);
