-- The province-wide investment league: every county-level region of 河北省 with a figure for
-- 2023 H1, ranked across prefectures (ranked together only for the same period).
SELECT province_rank_by_growth AS rank, region_name, prefecture_name, yoy_pct,
       round(value / 1e8, 2) AS value_yi, province_rank_by_value, rank_by_growth AS rank_in_prefecture
FROM county_investment_league
WHERE province_name = '河北省' AND period_start = '2023-01' AND period_end = '2023-06'
ORDER BY province_rank_by_growth NULLS LAST, region_name;
