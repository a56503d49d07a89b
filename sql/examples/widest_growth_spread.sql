-- Prefectures with the widest spread of county growth rates, per metric and period
-- (fixed-asset investment and the headline growth metrics; at least two counties reporting).
WITH growth AS (
    SELECT prefecture_name, 'fixed_asset_investment' AS metric, period, region_name, yoy_pct
    FROM county_investment_league WHERE yoy_pct IS NOT NULL
    UNION ALL
    SELECT prefecture_name, metric, period, region_name, yoy_pct
    FROM county_growth_league WHERE yoy_pct IS NOT NULL
)
SELECT prefecture_name, metric, period, count(*) AS n_counties,
       round(max(yoy_pct) - min(yoy_pct), 2) AS spread_pct_points,
       first(region_name ORDER BY yoy_pct DESC, region_name) AS fastest, max(yoy_pct) AS fastest_pct,
       first(region_name ORDER BY yoy_pct, region_name) AS slowest, min(yoy_pct) AS slowest_pct
FROM growth
GROUP BY prefecture_name, metric, period
HAVING count(*) >= 2
ORDER BY spread_pct_points DESC, prefecture_name, metric, period;
