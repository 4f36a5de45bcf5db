"""The findings of an output folder as one frame, for `jixiao checks` and the report: each
checks row with its document's file, department, project and year, errors first."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline import store
from pipeline.checks.model import SEVERITIES
from pipeline.core.errors import JixiaoError
from pipeline.core.schema import columns

DOCUMENT_COLUMNS = ("source_path", "department", "project", "year")


def findings(tables, rule: str | None = None, severity: str | None = None) -> pd.DataFrame:
    """The checks rows of `tables` (store.load frames) joined to their documents, filtered by
    rule and severity, sorted by severity, file and position."""
    from pipeline.checks import RULE_IDS

    if rule is not None and rule not in RULE_IDS:
        raise JixiaoError(f"no rule {rule!r}; the rules are {', '.join(RULE_IDS)}")
    if severity is not None and severity not in SEVERITIES:
        raise JixiaoError(f"no severity {severity!r}; the severities are {', '.join(SEVERITIES)}")
    frame = tables["checks"]
    if rule is not None:
        frame = frame[frame["rule"] == rule]
    if severity is not None:
        frame = frame[frame["severity"] == severity]
    documents = tables["documents"][["doc_id", *DOCUMENT_COLUMNS]].drop_duplicates("doc_id")
    frame = frame.merge(documents, on="doc_id", how="left")
    frame = frame.assign(_rank=frame["severity"].map({s: i for i, s in enumerate(SEVERITIES)}))
    frame = frame.sort_values(["_rank", "source_path", "char_start"], kind="stable").drop(columns="_rank")
    return frame[[*DOCUMENT_COLUMNS, *columns("checks")]].reset_index(drop=True)


def load_findings(out: Path | str, rule: str | None = None, severity: str | None = None) -> pd.DataFrame:
    """`findings` of the tables `jixiao extract` wrote to `out`."""
    return findings(store.load(out, ("checks", "documents")), rule=rule, severity=severity)
