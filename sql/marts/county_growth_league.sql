-- county_growth_league: yoy growth of headline metrics per county, ranked within prefecture.
-- (First version; columns in sql/README.md.)
WITH facts AS (
    SELECT f.region_code, f.metric, f.period_start, f.period_end,
           max(f.yoy_pct) AS yoy_pct, max(f.value) AS value, count(DISTINCT f.article_id) AS n_articles
    FROM metric_facts f
    JOIN regions r ON r.code = f.region_code AND r.level = 'county'
    WHERE f.kind = 'actual' AND f.yoy_pct IS NOT NULL
      AND f.metric IN ('gdp', 'general_budget_revenue', 'fiscal_revenue', 'retail_sales', 'industrial_value_added')
    GROUP BY ALL
)
SELECT r.province_name, r.prefecture_code, r.prefecture_name, f.region_code, r.name AS region_name,
       f.metric, f.period_start, f.period_end, f.value, f.yoy_pct,
       rank() OVER (PARTITION BY r.prefecture_code, f.metric, f.period_start, f.period_end
                    ORDER BY f.yoy_pct DESC) AS rank_in_prefecture,
       f.n_articles
FROM facts f JOIN regions r ON r.code = f.region_code
ORDER BY r.prefecture_code, f.metric, f.period_start, rank_in_prefecture
