-- The fixed-asset investment league of each prefecture for its latest period
-- (the latest period_end, then the longest span). `ledger leagues` prints this.
-- reported: the rank the article itself states (报道名次), ≠ when the computed rank differs;
-- reporting: k of the prefecture's N county-level divisions have a figure; partial: k < N / 2.
WITH latest AS (
    SELECT prefecture_code, max(period_end) AS period_end
    FROM county_investment_league GROUP BY prefecture_code
), chosen AS (
    SELECT l.prefecture_code, l.period_end, min(c.period_start) AS period_start
    FROM latest l JOIN county_investment_league c USING (prefecture_code, period_end)
    GROUP BY l.prefecture_code, l.period_end
)
SELECT c.prefecture_name AS prefecture, c.period, c.rank_by_growth AS rank, c.region_name AS county,
       c.yoy_pct, round(c.value / 1e8, 2) AS value_yi, c.rank_by_value AS rank_value,
       c.province_rank_by_growth AS rank_province,
       CASE WHEN c.reported_rank IS NOT NULL THEN coalesce(c.reported_rank_scope, '') || '第' || c.reported_rank
            || CASE WHEN c.reported_rank_differs THEN ' ≠' ELSE '' END END AS reported,
       c.reporting, c.partial, c.n_articles, c.disagreement
FROM county_investment_league c JOIN chosen USING (prefecture_code, period_start, period_end)
ORDER BY c.province_code, c.prefecture_code, c.rank_by_growth NULLS LAST, c.rank_by_value, c.region_name;
