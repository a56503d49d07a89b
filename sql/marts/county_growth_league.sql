-- county_growth_league: yoy growth of headline metrics (gdp, general_budget_revenue,
-- fiscal_revenue, retail_sales, industrial_value_added) per county-level region and period,
-- ranked within its prefecture and within its province: one row per region x metric x period.
-- Reads region_metric_latest: actual figures only, county-level regions only, exact periods only.
-- Regions are ranked together only for the same metric and the same period; ties share a rank;
-- values are compared to the yuan and growth to 0.01 percentage point. Columns: sql/README.md.
-- incremental by: province_code   (ledger/marts.py rebuilds only the province_codes whose inputs changed)
WITH base AS (
    SELECT *
    FROM region_metric_latest
    WHERE metric IN ('gdp', 'general_budget_revenue', 'fiscal_revenue', 'retail_sales', 'industrial_value_added')
      AND kind = 'actual' AND level = 'county'
      AND NOT period_approx AND (value IS NOT NULL OR yoy_pct IS NOT NULL)
)
SELECT province_code, province_name, prefecture_code, prefecture_name,
       region_code, region_name,
       metric, period_start, period_end, period,
       value, unit, yoy_pct,
       CASE WHEN value IS NOT NULL THEN rank() OVER (
            PARTITION BY province_code, prefecture_code, metric, period_start, period_end
            ORDER BY round(value) DESC NULLS LAST) END                 AS rank_by_value,
       CASE WHEN yoy_pct IS NOT NULL THEN rank() OVER (
            PARTITION BY province_code, prefecture_code, metric, period_start, period_end
            ORDER BY round(yoy_pct, 2) DESC NULLS LAST) END            AS rank_by_growth,
       count(value)   OVER (PARTITION BY province_code, prefecture_code, metric, period_start, period_end) AS n_ranked_by_value,
       count(yoy_pct) OVER (PARTITION BY province_code, prefecture_code, metric, period_start, period_end) AS n_ranked_by_growth,
       CASE WHEN value IS NOT NULL THEN rank() OVER (
            PARTITION BY province_code, metric, period_start, period_end
            ORDER BY round(value) DESC NULLS LAST) END                 AS province_rank_by_value,
       CASE WHEN yoy_pct IS NOT NULL THEN rank() OVER (
            PARTITION BY province_code, metric, period_start, period_end
            ORDER BY round(yoy_pct, 2) DESC NULLS LAST) END            AS province_rank_by_growth,
       count(value)   OVER (PARTITION BY province_code, metric, period_start, period_end) AS province_n_ranked_by_value,
       count(yoy_pct) OVER (PARTITION BY province_code, metric, period_start, period_end) AS province_n_ranked_by_growth,
       reported_rank, rank_scope AS reported_rank_scope, rank_basis AS reported_rank_basis,
       n_sources AS n_articles,
       disagreement,
       latest_source_file, latest_outlet, latest_published_date
FROM base
ORDER BY province_code, prefecture_code, metric, period_start, period_end, rank_by_growth NULLS LAST, region_code
