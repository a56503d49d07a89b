-- county_investment_league: county-level fixed-asset investment (固定资产投资) per period,
-- ranked by value and by yoy growth within its prefecture and within its province.
-- Reads region_metric_latest (so conflicting sources resolve the same way everywhere):
-- actual figures only (targets are never ranked), county-level regions only, exact periods only.
-- Regions are ranked together only for the same period; ties share a rank (1, 1, 3);
-- values are compared to the yuan and growth to 0.01 percentage point. Columns: sql/README.md.
-- Coverage: every row says how many of the prefecture's county-level divisions (N, current ones in
-- `regions`) report a figure for this league (k): `reporting` 'k of N'; a league where fewer than
-- half report (k < 0.5 N) is `partial`: its ranks compare the few counties that happen to be in the news.
-- The rank an article states (报道名次) stays beside the computed one; `reported_rank_differs` says
-- when they disagree (NULL when the stated scope or basis cannot be compared).
-- incremental by: province_code   (ledger/marts.py rebuilds only the province_codes whose inputs changed)
WITH base AS (
    SELECT *
    FROM region_metric_latest
    WHERE metric = 'fixed_asset_investment' AND kind = 'actual' AND level = 'county'
      AND NOT period_approx AND (value IS NOT NULL OR yoy_pct IS NOT NULL)
),
counties AS (   -- N: the prefecture's current county-level divisions (counties, county-level cities, districts)
    SELECT province_code, prefecture_code, count(*) AS n_counties
    FROM regions WHERE level = 'county' AND status = 'current'
    GROUP BY province_code, prefecture_code
),
ranked AS (
    SELECT province_code, province_name, prefecture_code, prefecture_name,
       region_code, region_name,
       period_start, period_end, period,
       value, unit, yoy_pct,
       CASE WHEN value IS NOT NULL THEN rank() OVER (
            PARTITION BY province_code, prefecture_code, period_start, period_end
            ORDER BY round(value) DESC NULLS LAST) END                 AS rank_by_value,
       CASE WHEN yoy_pct IS NOT NULL THEN rank() OVER (
            PARTITION BY province_code, prefecture_code, period_start, period_end
            ORDER BY round(yoy_pct, 2) DESC NULLS LAST) END            AS rank_by_growth,
       count(value)   OVER (PARTITION BY province_code, prefecture_code, period_start, period_end) AS n_ranked_by_value,
       count(yoy_pct) OVER (PARTITION BY province_code, prefecture_code, period_start, period_end) AS n_ranked_by_growth,
       CASE WHEN value IS NOT NULL THEN rank() OVER (
            PARTITION BY province_code, period_start, period_end
            ORDER BY round(value) DESC NULLS LAST) END                 AS province_rank_by_value,
       CASE WHEN yoy_pct IS NOT NULL THEN rank() OVER (
            PARTITION BY province_code, period_start, period_end
            ORDER BY round(yoy_pct, 2) DESC NULLS LAST) END            AS province_rank_by_growth,
       count(value)   OVER (PARTITION BY province_code, period_start, period_end) AS province_n_ranked_by_value,
       count(yoy_pct) OVER (PARTITION BY province_code, period_start, period_end) AS province_n_ranked_by_growth,
       count(*) OVER (PARTITION BY province_code, prefecture_code, period_start, period_end) AS n_reporting,
       reported_rank, rank_scope AS reported_rank_scope, rank_basis AS reported_rank_basis,
       n_sources AS n_articles,
       disagreement,
       latest_source_file, latest_outlet, latest_published_date
FROM base
)
SELECT r.*,
       c.n_counties,
       r.n_reporting || ' of ' || c.n_counties                       AS reporting,
       round(100.0 * r.n_reporting / c.n_counties, 1)                 AS coverage_pct,
       r.n_reporting < 0.5 * c.n_counties                             AS partial,
       CASE WHEN r.reported_rank_scope IN ('全市', r.prefecture_name, regexp_replace(r.prefecture_name, '市$', ''))
            THEN r.reported_rank <> CASE r.reported_rank_basis WHEN 'growth' THEN r.rank_by_growth
                                                               WHEN 'value' THEN r.rank_by_value END
            WHEN r.reported_rank_scope IN ('全省', r.province_name, regexp_replace(r.province_name, '省$', ''))
            THEN r.reported_rank <> CASE r.reported_rank_basis WHEN 'growth' THEN r.province_rank_by_growth
                                                               WHEN 'value' THEN r.province_rank_by_value END
       END                                                            AS reported_rank_differs
FROM ranked r
LEFT JOIN counties c ON c.province_code = r.province_code AND c.prefecture_code IS NOT DISTINCT FROM r.prefecture_code
ORDER BY r.province_code, r.prefecture_code, period_start, period_end, rank_by_value NULLS LAST, region_code
