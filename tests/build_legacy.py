"""The seed as legacy Word files, written by LibreOffice from the Word rendering.

.wps: LibreOffice cannot write WPS Office's format as such; asked for "wps" it writes Word
97 (its "MS Word 97" filter), byte for byte the .doc. That is the family WPS Office's own
.wps files belong to — a compound file with a WordDocument stream — so the seed's .wps is
LibreOffice's output under that name. LibreOffice writes the same bytes for the same input
(checked by tests/test_reader_legacy.py), so the files are reproducible.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.build_docx import build_seed_docx


def soffice_convert(source: Path, fmt: str, target: Path) -> Path:
    """`source` converted by LibreOffice to `fmt` (its --convert-to), written to `target`."""
    with tempfile.TemporaryDirectory(prefix="jixiao-build-") as tmp:
        out = Path(tmp) / "out"
        subprocess.run(
            ["soffice", "--headless", "--norestore", f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}",
             "--convert-to", fmt, "--outdir", str(out), str(source)],
            check=True, capture_output=True, timeout=180,
        )
        shutil.move(out / f"{source.stem}.{fmt}", target)
    return target


def build_seed_doc(path: Path, fmt: str = "doc") -> Path:
    with tempfile.TemporaryDirectory(prefix="jixiao-build-") as tmp:
        docx = build_seed_docx(Path(tmp) / "seed.docx")
        return soffice_convert(docx, fmt, path)


def build_seed_wps(path: Path) -> Path:
    return build_seed_doc(path, "wps")
