-- quarantined_files: files that could not be read, with a reason a user understands.
-- A fixed version dropped under the same name replaces its row (and leaves this table when it parses).
CREATE TABLE IF NOT EXISTS quarantined_files (
    file_name      VARCHAR PRIMARY KEY,
    sha256         VARCHAR NOT NULL,
    size_bytes     BIGINT NOT NULL,
    reason         VARCHAR NOT NULL,     -- empty | binary | undecodable | too_large | still_growing | unreadable | broken_front_matter | broken_html | no_text | error
    detail         VARCHAR NOT NULL,     -- plain-language sentence
    quarantined_at TIMESTAMPTZ NOT NULL
);
