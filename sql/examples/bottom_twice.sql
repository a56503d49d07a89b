-- Regions placed at the bottom of a contest or assessment at least twice (all years together),
-- with the contests and years.
SELECT region_name, prefecture_name, sum(times_bottom) AS times_bottom, sum(times_top) AS times_top,
       list_sort(list_distinct(flatten(list(contests_bottom)))) AS contests_bottom,
       list_sort(list(year) FILTER (WHERE times_bottom > 0)) AS years
FROM ranking_league
GROUP BY region_key, region_name, prefecture_name
HAVING sum(times_bottom) >= 2
ORDER BY times_bottom DESC, region_name;
