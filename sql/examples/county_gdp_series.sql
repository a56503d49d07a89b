-- One county's GDP series: every period with a figure, actuals and targets side by side.
SELECT period_start, period_end, kind, round(value / 1e8, 2) AS value_yi, yoy_pct, cagr_pct,
       period_approx, n_sources, disagreement, latest_outlet, latest_published_date
FROM region_metric_latest
WHERE region_name = '宁晋县' AND metric = 'gdp'
ORDER BY period_end, period_start, kind;
