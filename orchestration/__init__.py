"""Dagster wiring of county-ledger: definitions, resources, sensors, schedules, checks."""
