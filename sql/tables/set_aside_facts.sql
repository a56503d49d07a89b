-- set_aside_facts: metric_facts rows taken out of metric_facts, each with the reason. A fact
-- problem costs only that fact: the rest of the article and every league still publish.
-- Same columns as metric_facts plus reason; retracted with its file like metric_facts.
CREATE TABLE IF NOT EXISTS set_aside_facts AS
SELECT *, CAST(NULL AS VARCHAR) AS reason, CAST(NULL AS TIMESTAMPTZ) AS set_aside_at FROM metric_facts LIMIT 0;
