"""CSV and Parquet: one row per article.

CSV is written as UTF-8 with a byte-order mark (spreadsheets then read
Persian correctly), list fields as JSON arrays, and cells that a spreadsheet
would run as formulas are neutralised. Parquet keeps lists as list<string>
and is written in row groups, so memory stays flat.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from exports.selection import COLUMNS, LIST_FIELDS
from newsarchive.output import spreadsheet_safe

PARQUET_BATCH = 1000


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in record.items()}


def write_csv(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow({k: spreadsheet_safe(v) for k, v in _flat(record).items()})
        count += 1
    return count


def parquet_schema():
    import pyarrow as pa

    types = {"post_id": pa.int64(), "revision_id": pa.int64(), "capture_id": pa.int64(),
             **{name: pa.list_(pa.string()) for name in LIST_FIELDS}}
    return pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])


def write_parquet(records: Iterable[dict[str, Any]], path: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    count = 0
    batch: list[dict[str, Any]] = []
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for record in records:
            row = {k: v if k in LIST_FIELDS or not isinstance(v, (list, dict)) else json.dumps(v, ensure_ascii=False)
                   for k, v in record.items()}
            batch.append(row)
            count += 1
            if len(batch) == PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch.clear()
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return count
