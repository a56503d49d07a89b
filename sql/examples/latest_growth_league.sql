-- The growth league of each prefecture and headline metric for its latest period
-- (the latest period_end, then the longest span). `ledger leagues` prints this.
-- reported: the rank the article itself states (报道名次), ≠ when the computed rank differs;
-- reporting: k of the prefecture's N county-level divisions have a figure; partial: k < N / 2.
WITH latest AS (
    SELECT prefecture_code, metric, max(period_end) AS period_end
    FROM county_growth_league WHERE yoy_pct IS NOT NULL GROUP BY prefecture_code, metric
), chosen AS (
    SELECT l.prefecture_code, l.metric, l.period_end, min(g.period_start) AS period_start
    FROM latest l JOIN county_growth_league g USING (prefecture_code, metric, period_end)
    WHERE g.yoy_pct IS NOT NULL
    GROUP BY l.prefecture_code, l.metric, l.period_end
)
SELECT g.prefecture_name AS prefecture, g.metric, g.period, g.rank_by_growth AS rank, g.region_name AS county,
       g.yoy_pct, round(g.value / 1e8, 2) AS value_yi, g.province_rank_by_growth AS rank_province,
       CASE WHEN g.reported_rank IS NOT NULL THEN coalesce(g.reported_rank_scope, '') || '第' || g.reported_rank
            || CASE WHEN g.reported_rank_differs THEN ' ≠' ELSE '' END END AS reported,
       g.reporting, g.partial, g.n_articles, g.disagreement
FROM county_growth_league g JOIN chosen USING (prefecture_code, metric, period_start, period_end)
WHERE g.yoy_pct IS NOT NULL
ORDER BY g.province_code, g.prefecture_code, g.metric, g.rank_by_growth, g.region_name;
