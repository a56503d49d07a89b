"""How the marts keep up with the facts without anyone pressing a button.

The sensor's and the schedule's runs carry the whole chain (inventory -> facts -> marts ->
published copy) in one in-process run, so the marts refresh in the same run. When facts are
materialised any other way (a backfill, a click on one asset in the UI), declarative
automation rebuilds the marts and the published copy: ``eager`` on every downstream asset,
but never past a failed blocking check on the facts. This needs Dagster's default automation
sensor ("default_automation_condition_sensor"), which is running by default.
"""
import dagster as dg

# every asset that writes the DuckDB warehouse claims this pool (limit 1 in dagster.yaml)
WAREHOUSE_POOL = "duckdb_warehouse"

DOWNSTREAM_AUTOMATION = dg.AutomationCondition.eager() & dg.AutomationCondition.all_deps_blocking_checks_passed()
