-- coverage: per region, how much the warehouse knows: articles, facts, rankings, and the
-- first and last period covered by actual figures (targets and approximate spans such as
-- 五年来 count in n_facts but do not widen the covered periods). One row per region with at
-- least one fact or ranking.
-- Near-duplicate articles (articles.duplicate_of NOT NULL) belong to their original's story:
-- n_articles counts every article, n_stories counts duplicates once, and n_facts counts a
-- region x metric x period x kind once per story and n_rankings a placing (contest, year,
-- bucket) once however many articles report it. Columns: sql/README.md.
-- incremental by: region_key   (ledger/marts.py rebuilds only the region_keys whose inputs changed)
WITH f AS (
    SELECT coalesce(mf.region_code, 'name:' || mf.region_name) AS region_key,
           mf.region_name, mf.metric, mf.period_start, mf.period_end, mf.kind, mf.article_id,
           coalesce(mf.period_approx, false) AS period_approx,
           coalesce(a.duplicate_of, a.article_id) AS story_id, a.published_date
    FROM metric_facts mf
    JOIN articles a ON a.source_file = mf.source_file AND a.article_id = mf.article_id
    WHERE mf.region_code IS NOT NULL OR mf.region_name IS NOT NULL
),
k AS (
    SELECT coalesce(rk.region_code, 'name:' || rk.region_name) AS region_key,
           rk.region_name, rk.article_id, rk.contest, rk.year, rk.bucket,
           coalesce(a.duplicate_of, a.article_id) AS story_id, a.published_date
    FROM rankings rk
    JOIN articles a ON a.source_file = rk.source_file AND a.article_id = rk.article_id
),
fact_stats AS (
    SELECT region_key,
           min(region_name) AS reported_name,
           count(DISTINCT (story_id, metric, coalesce(period_start, ''), coalesce(period_end, ''), kind)) AS n_facts,
           count(DISTINCT (story_id, metric, coalesce(period_start, ''), coalesce(period_end, ''), kind))
               FILTER (WHERE kind = 'target') AS n_targets,
           count(DISTINCT (story_id, metric, kind)) FILTER (WHERE period_start IS NULL OR period_end IS NULL)
               AS n_facts_without_period,
           count(DISTINCT metric) AS n_metrics,
           min(period_start) FILTER (WHERE kind = 'actual' AND NOT period_approx) AS first_period_start,
           max(period_end)   FILTER (WHERE kind = 'actual' AND NOT period_approx) AS last_period_end
    FROM f
    GROUP BY region_key
),
rank_stats AS (
    SELECT region_key, min(region_name) AS reported_name, count(DISTINCT (contest, coalesce(year, -1), bucket)) AS n_rankings
    FROM k
    GROUP BY region_key
),
arts AS (
    SELECT region_key, count(DISTINCT article_id) AS n_articles, count(DISTINCT story_id) AS n_stories,
           min(published_date) AS first_published, max(published_date) AS last_published
    FROM (SELECT region_key, article_id, story_id, published_date FROM f
          UNION ALL
          SELECT region_key, article_id, story_id, published_date FROM k)
    GROUP BY region_key
)
SELECT a.region_key, r.code AS region_code,
       coalesce(r.name, fs.reported_name, rs.reported_name) AS region_name, r.level,
       r.prefecture_code, r.prefecture_name, r.province_code, r.province_name,
       a.n_articles, a.n_stories,
       coalesce(fs.n_facts, 0) AS n_facts, coalesce(fs.n_targets, 0) AS n_targets,
       coalesce(fs.n_facts_without_period, 0) AS n_facts_without_period,
       coalesce(fs.n_metrics, 0) AS n_metrics,
       coalesce(rs.n_rankings, 0) AS n_rankings,
       fs.first_period_start, fs.last_period_end,
       a.first_published, a.last_published
FROM arts a
LEFT JOIN fact_stats fs USING (region_key)
LEFT JOIN rank_stats rs USING (region_key)
LEFT JOIN regions r ON r.region_key = a.region_key
ORDER BY r.prefecture_code NULLS LAST, fs.n_facts DESC NULLS LAST, a.region_key
