-- region_metric_latest: one row per region x metric x period x kind, with the figure chosen
-- when several articles report it. Every league reads this mart, so a conflict between
-- sources is resolved the same way everywhere. Columns and rules: sql/README.md.
--
-- Which facts count: facts joined to their article on (source_file, article_id); facts with
-- no region (neither code nor name) or no period are left out (see `coverage`). A near-duplicate
-- article (articles.duplicate_of NOT NULL) belongs to the story of its original: n_sources
-- counts stories, so a repost never counts twice.
-- Choice, field by field (value, yoy_pct, cagr_pct, rank): the first fact that states the field
-- in this order: most recent publication date first; same date: source priority (1 statistics
-- bureau, 2 newspaper, 3 other named outlet, 4 unknown outlet); then the later time of day, an
-- original before its near-duplicate, higher extraction confidence, an exact figure before a
-- qualified one (约, 以上 ...), then source_file, article_id, char_start, and finally the figures
-- themselves (two figures in one sentence), so the choice never depends on the rows' storage order.
-- Spread and disagreement compare sources, not sentences: each story contributes its own first
-- figure per field; min/max and the disagreement flag are taken over those (two figures for one
-- key inside one article are an extraction ambiguity, not a conflict between sources).
-- incremental by: region_key   (ledger/marts.py rebuilds only the region_keys whose inputs changed)
WITH f AS (
    SELECT mf.*,
           coalesce(mf.region_code, 'name:' || mf.region_name) AS region_key,
           coalesce(a.duplicate_of, a.article_id)             AS story_id,
           a.published_date, a.published_at, a.outlet, a.duplicate_of,
           CASE WHEN a.outlet LIKE '%统计%' THEN 1
                WHEN a.outlet LIKE '%日报%' OR a.outlet LIKE '%晚报%' OR a.outlet LIKE '%报' THEN 2
                WHEN a.outlet IS NOT NULL AND a.outlet <> '' THEN 3
                ELSE 4 END                                    AS source_priority
    FROM metric_facts mf
    JOIN articles a ON a.source_file = mf.source_file AND a.article_id = mf.article_id
    WHERE (mf.region_code IS NOT NULL OR mf.region_name IS NOT NULL)
      AND mf.period_start IS NOT NULL AND mf.period_end IS NOT NULL
),
ordered AS (
    SELECT *,
           row_number() OVER (
               PARTITION BY region_key, metric, period_start, period_end, kind
               ORDER BY published_date DESC NULLS LAST, source_priority,
                        published_at DESC NULLS LAST, (duplicate_of IS NOT NULL),
                        confidence DESC NULLS LAST, (qualifier IS NOT NULL),
                        source_file, article_id, char_start,
                        value, yoy_pct, cagr_pct, rank, metric_label) AS prio
    FROM f
),
picked AS (
    SELECT region_key, metric, period_start, period_end, kind,
           bool_or(coalesce(period_approx, false))                    AS period_approx,
           arg_min(region_name, prio)                                 AS reported_name,
           arg_min(value, prio)      FILTER (WHERE value IS NOT NULL)    AS value,
           arg_min(unit, prio)       FILTER (WHERE value IS NOT NULL)    AS unit,
           arg_min(qualifier, prio)  FILTER (WHERE value IS NOT NULL)    AS qualifier,
           arg_min(yoy_pct, prio)    FILTER (WHERE yoy_pct IS NOT NULL)  AS yoy_pct,
           arg_min(cagr_pct, prio)   FILTER (WHERE cagr_pct IS NOT NULL) AS cagr_pct,
           arg_min(rank, prio)       FILTER (WHERE rank IS NOT NULL)     AS reported_rank,
           arg_min(rank_scope, prio) FILTER (WHERE rank IS NOT NULL)     AS rank_scope,
           arg_min(rank_basis, prio) FILTER (WHERE rank IS NOT NULL)     AS rank_basis,
           count(DISTINCT story_id)                                   AS n_sources,
           count(DISTINCT article_id)                                 AS n_articles,
           arg_min(source_file, prio)    AS latest_source_file,
           arg_min(article_id, prio)     AS latest_article_id,
           arg_min(outlet, prio)         AS latest_outlet,
           arg_min(published_date, prio) AS latest_published_date,
           arg_min(evidence, prio)       AS latest_evidence
    FROM ordered
    GROUP BY region_key, metric, period_start, period_end, kind
),
per_story AS (   -- each story's own figure: what one source says (its first fact in the order)
    SELECT region_key, metric, period_start, period_end, kind, story_id,
           arg_min(value, prio)    FILTER (WHERE value IS NOT NULL)    AS value,
           arg_min(yoy_pct, prio)  FILTER (WHERE yoy_pct IS NOT NULL)  AS yoy_pct,
           arg_min(cagr_pct, prio) FILTER (WHERE cagr_pct IS NOT NULL) AS cagr_pct,
           arg_min((rank, coalesce(rank_scope, '')), prio) FILTER (WHERE rank IS NOT NULL) AS stated_rank
    FROM ordered
    GROUP BY region_key, metric, period_start, period_end, kind, story_id
),
spread AS (
    SELECT region_key, metric, period_start, period_end, kind,
           min(value)    AS min_value,   max(value)    AS max_value,
           min(yoy_pct)  AS min_yoy_pct, max(yoy_pct)  AS max_yoy_pct,
           min(cagr_pct) AS min_cagr_pct, max(cagr_pct) AS max_cagr_pct,
           count(DISTINCT stated_rank) AS n_ranks
    FROM per_story
    GROUP BY region_key, metric, period_start, period_end, kind
),
flagged AS (
    SELECT p.*, s.min_value, s.max_value, s.min_yoy_pct, s.max_yoy_pct, s.min_cagr_pct, s.max_cagr_pct,
           s.n_ranks,
           list_filter([
               CASE WHEN s.max_value - s.min_value > 0.005 * greatest(abs(s.max_value), abs(s.min_value)) THEN 'value' END,
               CASE WHEN s.max_yoy_pct - s.min_yoy_pct > 0.05 THEN 'yoy_pct' END,
               CASE WHEN s.max_cagr_pct - s.min_cagr_pct > 0.05 THEN 'cagr_pct' END,
               CASE WHEN s.n_ranks > 1 THEN 'rank' END], lambda x: x IS NOT NULL) AS disagrees_on
    FROM picked p
    JOIN spread s USING (region_key, metric, period_start, period_end, kind)
)
SELECT p.region_key,
       r.code                                  AS region_code,
       coalesce(r.name, p.reported_name)       AS region_name,
       r.level,
       r.prefecture_code, r.prefecture_name, r.province_code, r.province_name,
       p.metric, p.period_start, p.period_end,
       p.period_start || '..' || p.period_end  AS period,
       p.period_approx, p.kind,
       p.value, p.unit, p.qualifier, p.yoy_pct, p.cagr_pct,
       p.reported_rank, p.rank_scope, p.rank_basis,
       p.n_sources, p.n_articles,
       p.min_value, p.max_value, p.min_yoy_pct, p.max_yoy_pct,
       len(p.disagrees_on) > 0                 AS disagreement,
       p.disagrees_on,
       p.latest_source_file, p.latest_article_id, p.latest_outlet, p.latest_published_date,
       p.latest_evidence
FROM flagged p
LEFT JOIN regions r ON r.region_key = p.region_key
ORDER BY p.region_key, p.metric, p.period_start, p.period_end, p.kind
