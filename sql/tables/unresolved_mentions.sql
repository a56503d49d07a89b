-- unresolved_mentions: place-like names no gazetteer entry explains (那台市), kept for review, never guessed.
CREATE TABLE IF NOT EXISTS unresolved_mentions (
    source_file VARCHAR NOT NULL,
    article_id  VARCHAR NOT NULL,
    mention     VARCHAR NOT NULL,
    context     VARCHAR,
    char_start  INTEGER,
    char_end    INTEGER
);
