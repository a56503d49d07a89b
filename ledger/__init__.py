"""county-ledger domain package: parsing, regions, numbers, periods, facts, warehouse, cli.

Nothing in this package imports dagster; the assets in ``assets/`` call it.
"""
