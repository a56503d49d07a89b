-- articles: one row per article cut out of a dropped file.
CREATE TABLE IF NOT EXISTS articles (
    article_id       VARCHAR NOT NULL,   -- sha1 of the normalised body, 16 hex: a re-dropped file gives the same id
    source_file      VARCHAR NOT NULL,
    source_sha256    VARCHAR NOT NULL,
    position         INTEGER NOT NULL,   -- 0-based place in the file
    title            VARCHAR,
    subtitle         VARCHAR,
    published_at     VARCHAR,            -- ISO 8601, with offset when the text gives a time
    published_date   DATE,               -- date part of published_at
    date_reason      VARCHAR,            -- where the date came from, or why it is NULL
    outlet           VARCHAR,
    authors          VARCHAR[],
    url              VARCHAR,
    paragraphs       VARCHAR[],          -- clean paragraphs, original script
    text             VARCHAR,            -- extraction text (simplified, pinyin noise removed)
    script           VARCHAR,            -- simplified | traditional
    encoding         VARCHAR,
    categories       VARCHAR[],
    tags             VARCHAR[],
    n_chars          INTEGER,
    simhash          BIGINT,             -- 64-bit SimHash over character shingles
    main_region_code VARCHAR,
    main_region_name VARCHAR,
    keywords         VARCHAR[],          -- jieba TF-IDF keywords
    duplicate_of     VARCHAR,            -- article_id of the earliest near-duplicate, NULL for an original
    ingested_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source_file, position)
);
