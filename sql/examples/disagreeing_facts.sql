-- Facts that sources report differently: the chosen figure (most recent publication, then
-- source priority) next to what each article said. Values in base units (yuan for money).
SELECT l.region_name, l.metric, l.period, l.kind, l.disagrees_on,
       l.yoy_pct AS chosen_yoy_pct, l.value AS chosen_value, l.unit,
       a.outlet, a.published_date, f.yoy_pct AS reported_yoy_pct, f.value AS reported_value,
       f.source_file
FROM region_metric_latest l
JOIN metric_facts f
  ON coalesce(f.region_code, 'name:' || f.region_name) = l.region_key
 AND f.metric = l.metric AND f.period_start = l.period_start AND f.period_end = l.period_end AND f.kind = l.kind
JOIN articles a ON a.source_file = f.source_file AND a.article_id = f.article_id
WHERE l.disagreement
ORDER BY l.region_name, l.metric, l.period, a.published_date DESC NULLS LAST;
