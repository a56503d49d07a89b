-- raw_files: the inventory of the inbox, one row per file name.
-- A file whose bytes change keeps its row; sha256 and the timestamps move on.
-- An inventory writes only the rows of files that are new, changed, touched or gone: a file
-- whose size and mtime match its row is neither read nor rewritten.
CREATE TABLE IF NOT EXISTS raw_files (
    file_name     VARCHAR PRIMARY KEY,   -- name inside the inbox (no directory)
    sha256        VARCHAR NOT NULL,      -- of the current bytes
    size_bytes    BIGINT NOT NULL,
    mtime         TIMESTAMPTZ,           -- file modification time (mtime_ns // 1000) when last inventoried
    first_seen    TIMESTAMPTZ NOT NULL,  -- first inventory that saw this name
    last_seen     TIMESTAMPTZ NOT NULL,  -- latest inventory that found it new or moved (bytes, size or mtime)
    ingest_date   DATE NOT NULL,         -- Asia/Shanghai date of the inventory that recorded the current bytes
    status        VARCHAR NOT NULL,      -- pending | parsed | duplicate | quarantined | deleted
    processed_sha VARCHAR,               -- sha256 the current articles stem from (NULL: not parsed yet)
    extracted_sha VARCHAR,               -- sha256 the current facts stem from (NULL: not extracted yet)
    duplicate_of  VARCHAR                -- status 'duplicate': the file with the same bytes that holds the articles
);
