-- county_investment_league: county-level fixed-asset investment per prefecture and period,
-- ranked by value and by growth inside the prefecture. (First version; columns in sql/README.md.)
WITH facts AS (
    SELECT f.region_code, f.period_start, f.period_end,
           max(f.value) AS value, max(f.yoy_pct) AS yoy_pct, min(f.rank) AS reported_rank,
           count(DISTINCT f.article_id) AS n_articles
    FROM metric_facts f
    JOIN regions r ON r.code = f.region_code AND r.level = 'county'
    WHERE f.metric = 'fixed_asset_investment' AND f.kind = 'actual'
    GROUP BY ALL
)
SELECT r.province_name, r.prefecture_code, r.prefecture_name, f.region_code, r.name AS region_name,
       f.period_start, f.period_end, f.value, f.yoy_pct,
       CASE WHEN f.value IS NOT NULL THEN rank() OVER (PARTITION BY r.prefecture_code, f.period_start, f.period_end
            ORDER BY f.value DESC NULLS LAST) END AS rank_by_value,
       CASE WHEN f.yoy_pct IS NOT NULL THEN rank() OVER (PARTITION BY r.prefecture_code, f.period_start, f.period_end
            ORDER BY f.yoy_pct DESC NULLS LAST) END AS rank_by_growth,
       f.reported_rank, f.n_articles
FROM facts f JOIN regions r ON r.code = f.region_code
ORDER BY r.prefecture_code, f.period_start, f.period_end, rank_by_value
