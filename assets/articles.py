"""Layer 2: dropped files -> parsed articles (and quarantined files)."""

import dagster as dg

from ledger import ingest
from ledger.controls import escape_controls
from ledger.warehouse import row_count
from orchestration.automation import WAREHOUSE_POOL
from orchestration.coldocs import schema_metadata
from orchestration.partitions import ingest_partitions, reprocess_date
from orchestration.resources import LedgerPaths, Warehouse

# the run tag saying how many files this run quarantined (absent when none)
QUARANTINE_TAG = "ledger/quarantined"


def _quarantine_md(rows: list[dict]) -> str:
    lines = ["| file | reason | detail |", "|---|---|---|"]
    lines += [f"| {r['file_name']} | {r['reason']} | {r['detail']} |" for r in rows[:50]]
    return "\n".join(lines)


@dg.multi_asset(
    group_name="articles",
    pool=WAREHOUSE_POOL,
    partitions_def=ingest_partitions,
    specs=[
        dg.AssetSpec("articles", deps=["raw_files"], kinds={"duckdb"}, metadata=schema_metadata("articles"),
                     description="Clean articles with title, date, outlet, authors, paragraphs, region, keywords."),
        dg.AssetSpec("quarantined_files", deps=["raw_files"], kinds={"duckdb"},
                     metadata=schema_metadata("quarantined_files"),
                     description="Files that could not be read, each with a plain-language reason."),
    ],
)
def articles(context: dg.AssetExecutionContext, warehouse: Warehouse, paths: LedgerPaths):
    with warehouse.writer() as con:
        res = ingest.parse_pending(con, paths.inbox_dir, reprocess_date=reprocess_date(context))
        n_articles = row_count(con, "articles")
        n_quarantined = row_count(con, "quarantined_files")
        all_quarantined = [dict(zip(("file_name", "reason", "detail"), r)) for r in con.execute(
            "SELECT file_name, reason, detail FROM quarantined_files ORDER BY quarantined_at DESC, file_name").fetchall()]
    for q in res.quarantined:
        # file names come from strangers: printed with their control characters escaped
        context.log.warning(f"quarantined {escape_controls(q['file_name'])}: {q['reason']}: "
                            f"{escape_controls(q['detail'])}")
    if res.quarantined:  # visible in the run list, not only inside the run's logs
        context.instance.add_run_tags(context.run.run_id, {QUARANTINE_TAG: str(len(res.quarantined))})
    yield dg.MaterializeResult(asset_key="articles", metadata={
        "dagster/row_count": n_articles,
        "files_parsed_this_run": res.files,
        "articles_this_run": res.articles,
        "near_duplicates_this_run": res.duplicates,
        "exact_copies_this_run": res.exact_copies,
    })
    yield dg.MaterializeResult(asset_key="quarantined_files", metadata={
        "dagster/row_count": n_quarantined,
        "quarantined_this_run": len(res.quarantined),
        "quarantined": dg.MetadataValue.md(_quarantine_md(all_quarantined) if all_quarantined else "none"),
    })
