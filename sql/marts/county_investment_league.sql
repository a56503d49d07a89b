-- county_investment_league: county-level fixed-asset investment (固定资产投资) per period,
-- ranked by value and by yoy growth within its prefecture and within its province.
-- Reads region_metric_latest (so conflicting sources resolve the same way everywhere):
-- actual figures only (targets are never ranked), county-level regions only, exact periods only.
-- Regions are ranked together only for the same period; ties share a rank (1, 1, 3);
-- values are compared to the yuan and growth to 0.01 percentage point. Columns: sql/README.md.
-- incremental by: province_code   (ledger/marts.py rebuilds only the province_codes whose inputs changed)
WITH base AS (
    SELECT *
    FROM region_metric_latest
    WHERE metric = 'fixed_asset_investment' AND kind = 'actual' AND level = 'county'
      AND NOT period_approx AND (value IS NOT NULL OR yoy_pct IS NOT NULL)
)
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
       reported_rank, rank_scope AS reported_rank_scope, rank_basis AS reported_rank_basis,
       n_sources AS n_articles,
       disagreement,
       latest_source_file, latest_outlet, latest_published_date
FROM base
ORDER BY province_code, prefecture_code, period_start, period_end, rank_by_value NULLS LAST, region_code
