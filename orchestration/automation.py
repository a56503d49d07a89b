"""How the marts keep up with the facts without anyone pressing a button.

The sensor's and the schedule's runs carry the whole chain (inventory -> facts -> marts ->
published copy) in one in-process run, so the marts refresh in the same run. When facts are
materialised any other way (a backfill, a click on one asset in the UI), declarative
automation rebuilds the marts and the published copy: ``eager`` on every downstream asset,
but never past a failed blocking check on the facts. Dagster's own default automation sensor
starts switched off, so the project defines ``marts_automation``, running by default, over
every asset that has an automation condition.
"""
import dagster as dg

# every asset that writes the DuckDB warehouse claims this pool (limit 1 in dagster.yaml)
WAREHOUSE_POOL = "duckdb_warehouse"

DOWNSTREAM_AUTOMATION = dg.AutomationCondition.eager() & dg.AutomationCondition.all_deps_blocking_checks_passed()


# evaluates the conditions above every 30 s; on from the first start, nothing to switch on
marts_automation = dg.AutomationConditionSensorDefinition(
    "marts_automation",
    target=dg.AssetSelection.all(),
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=30,
    description="Rebuilds the marts and the published copy when facts change outside the ingest job.",
)
