-- ranking_league: contest and assessment placings (table `rankings`) per region and year:
-- how often the region was at the top and at the bottom, and of which contests.
-- A placing is (region, contest, year, bucket): reported by several articles (a meeting note
-- and its reposts, a county's own report) it counts once. top1, top2 ... count as top;
-- bottom1, bottom3 ... as bottom. Rankings without a year form a row with year NULL.
-- Columns: sql/README.md.
-- incremental by: region_key   (ledger/marts.py rebuilds only the region_keys whose inputs changed)
WITH rk AS (
    SELECT coalesce(k.region_code, 'name:' || k.region_name)  AS region_key,
           k.region_name, k.contest, k.year, k.bucket,
           CASE WHEN k.bucket LIKE 'top%' THEN 'top'
                WHEN k.bucket LIKE 'bottom%' THEN 'bottom' END AS side,
           TRY_CAST(regexp_extract(k.bucket, '(\d+)$', 1) AS INTEGER) AS bucket_n,
           coalesce(a.duplicate_of, a.article_id)            AS story_id,
           a.published_date
    FROM rankings k
    JOIN articles a ON a.source_file = k.source_file AND a.article_id = k.article_id
),
placings AS (
    SELECT region_key, contest, year, bucket,
           any_value(side) AS side, any_value(bucket_n) AS bucket_n,
           arg_min(region_name, region_name) AS reported_name,
           count(DISTINCT story_id) AS n_articles,
           max(published_date) AS last_published
    FROM rk
    GROUP BY region_key, contest, year, bucket
),
per_region AS (
    SELECT region_key, year,
           min(reported_name)                                          AS reported_name,
           count(*) FILTER (WHERE side = 'top')                        AS times_top,
           count(*) FILTER (WHERE side = 'bottom')                     AS times_bottom,
           count(*)                                                    AS times_ranked,
           min(bucket_n) FILTER (WHERE side = 'top')                   AS best_top,
           min(bucket_n) FILTER (WHERE side = 'bottom')                AS worst_bottom,
           coalesce(list_sort(list_distinct(list(contest) FILTER (WHERE side = 'top'))), [])    AS contests_top,
           coalesce(list_sort(list_distinct(list(contest) FILTER (WHERE side = 'bottom'))), []) AS contests_bottom,
           list_sort(list_distinct(list(contest)))                     AS contests,
           CAST(sum(n_articles) AS BIGINT)                             AS n_reports,
           max(last_published)                                         AS last_published
    FROM placings
    GROUP BY region_key, year
)
SELECT p.region_key, r.code AS region_code, coalesce(r.name, p.reported_name) AS region_name, r.level,
       r.prefecture_code, r.prefecture_name, r.province_code, r.province_name,
       p.year, p.times_top, p.times_bottom, p.times_ranked, p.best_top, p.worst_bottom,
       p.contests_top, p.contests_bottom, p.contests, p.n_reports, p.last_published
FROM per_region p
LEFT JOIN regions r ON r.region_key = p.region_key
ORDER BY p.year DESC NULLS LAST, p.times_top DESC, p.times_bottom, p.region_key
