-- Targets (力争, 确保 ...) next to the latest actual figure of the same region and metric:
-- how far along each county is towards its stated growth target.
SELECT t.region_name, t.metric, t.period AS target_period, t.yoy_pct AS target_yoy_pct,
       a.period AS actual_period, a.yoy_pct AS actual_yoy_pct,
       round(a.yoy_pct - t.yoy_pct, 2) AS gap_pct_points
FROM region_metric_latest t
LEFT JOIN LATERAL (
    SELECT period, period_end, yoy_pct FROM region_metric_latest x
    WHERE x.region_key = t.region_key AND x.metric = t.metric AND x.kind = 'actual'
      AND x.yoy_pct IS NOT NULL AND NOT x.period_approx AND x.period_end <= t.period_end
    ORDER BY x.period_end DESC LIMIT 1
) a ON true
WHERE t.kind = 'target' AND t.yoy_pct IS NOT NULL
ORDER BY t.region_name, t.metric, t.period;
