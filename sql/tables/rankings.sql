-- rankings: contest and assessment placings (FACTS.md section 4).
CREATE TABLE IF NOT EXISTS rankings (
    source_file VARCHAR NOT NULL,
    article_id  VARCHAR NOT NULL,
    region_code VARCHAR,            -- NULL for a zone without code (邢东新区)
    region_name VARCHAR NOT NULL,
    contest     VARCHAR NOT NULL,   -- 项目建设竞赛, 经济运行, 双进双产项目绩效评价 ...
    year        INTEGER,
    bucket      VARCHAR NOT NULL,   -- top1, top2, ... bottom1, bottom3 ...
    evidence    VARCHAR,
    char_start  INTEGER,
    char_end    INTEGER
);
