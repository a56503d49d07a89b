-- Top 10 counties of 邢台市 by fixed-asset investment growth in 2023 H1 (2023-01..2023-06).
-- Change the prefecture or the period in the WHERE clause; ties share a rank.
SELECT rank_by_growth AS rank, region_name, yoy_pct, round(value / 1e8, 2) AS value_yi,
       rank_by_value, reported_rank, n_articles, disagreement, latest_source_file
FROM county_investment_league
WHERE prefecture_name = '邢台市' AND period_start = '2023-01' AND period_end = '2023-06'
  AND rank_by_growth IS NOT NULL
ORDER BY rank_by_growth, region_name
LIMIT 10;
