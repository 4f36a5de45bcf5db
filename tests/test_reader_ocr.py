"""Scanned PDFs and page images, read by OCR (pipeline/readers/ocr.py, image.py, and the PDF
reader's fallback for pages without a text layer).

The scanned seed is the seed's PDF rendering with every page turned into an image; it is
scored against the seed's gold as `jixiao eval --match-stem` scores it.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.evaluate import score
from pipeline.evaluate.formatting import format_findings
from pipeline.evaluate.gold import load_gold
from pipeline.evaluate.predictions import predictions_from_tables
from pipeline.readers import ReadOptions
from pipeline import readers, run as runner
from pipeline.core.errors import ReadError
from pipeline.readers import pdf as pdf_reader
from pipeline.readers.image import OCR_OFF
from pipeline.readers.ocr import MIN_PAGE_CONFIDENCE, Box, group_lines, page_of
from pipeline.readers.pdf import NO_TEXT, NO_TEXT_LAYER, PageContent, read_scans
from pipeline.readers.pdf.scanned import page_list, warnings_for
from tests.build_pdf import build_blank_pdf
from tests.build_scanned_pdf import build_scanned_seed_pdf, images_to_pdf, merge_pdfs, page_images, scan_pdf
from tests.build_seed_pdf import build_seed_pdf
from tests.conftest import CORPUS, REPO, SEED, SHARED

GOLD = SHARED / "gold" if (SHARED / "gold").is_dir() else CORPUS / "seed-gold"
OCR_WARNING = re.compile(r"^(pages? [\d–, ]+) read by OCR, mean confidence (\d\.\d\d)$")


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory) -> Path:
    return build_seed_pdf(tmp_path_factory.mktemp("printed") / "seed.pdf")


@pytest.fixture(scope="module")
def scanned_run(tmp_path_factory):
    path = build_scanned_seed_pdf(tmp_path_factory.mktemp("scanned") / f"{SEED.stem}.pdf")
    return runner.run([path], jobs=1).tables


@pytest.fixture(scope="module")
def last_page_png(seed_pdf, tmp_path_factory) -> Path:
    """The seed's last page (a heading and a paragraph) as a PNG, as a phone or scanner app
    saves it."""
    path = tmp_path_factory.mktemp("image") / "last_page.png"
    page_images(seed_pdf)[-1].save(path)
    return path


@pytest.mark.slow
def test_reader_ocr_scanned_seed_scores_at_least_085(scanned_run):
    scores = score(load_gold(GOLD), predictions_from_tables(scanned_run),
                            match_stem=True)
    assert scores.micro.f1 >= 0.85, format_findings(scores)


@pytest.mark.slow
def test_reader_ocr_scanned_seed_pages_marked_in_warnings(scanned_run):
    (document,) = scanned_run["documents"]
    assert document["status"] == "ok" and document["n_pages"] == 5
    marks = [OCR_WARNING.match(w) for w in document["warnings"].split("; ")]
    (mark,) = [m for m in marks if m]
    assert mark[1] == "pages 1–5" and float(mark[2]) >= MIN_PAGE_CONFIDENCE


def test_reader_ocr_mixed_pdf_reads_text_and_scanned_pages(seed_pdf, tmp_path):
    scanned = scan_pdf(seed_pdf, tmp_path / "scanned_last.pdf", pages=[5])
    mixed = merge_pdfs([(seed_pdf, [1, 2, 3, 4]), (scanned, [1])], tmp_path / "mixed.pdf")
    doc, printed = pdf_reader.read(mixed), pdf_reader.read(seed_pdf)
    # The scanned page's paragraph starts on the text page before it and is joined across.
    assert doc.text == printed.text and "具体自评情况见附表。" in doc.text
    assert len(doc.pages) == 5 and doc.pages[:4] == printed.pages[:4]
    (warning,) = doc.warnings
    assert OCR_WARNING.match(warning)[1] == "page 5"


def test_reader_ocr_image_file_is_read(last_page_png):
    doc = readers.read(last_page_png)
    assert doc.format == "image" and doc.pages == [0]
    assert "六、项目自评结论及得分\n根据项目绩效自评指标评分标准，该项目自评得分为96分，具体自评情况见附表。" in doc.text
    (warning,) = doc.warnings
    assert OCR_WARNING.match(warning)[1] == "page 1"


def test_reader_ocr_tiff_frames_are_pages(last_page_png, tmp_path):
    from PIL import Image

    path = tmp_path / "two.tif"
    page = Image.open(last_page_png)
    page.save(path, save_all=True, append_images=[Image.new("RGB", page.size, "white")])
    doc = readers.read(path)
    assert len(doc.pages) == 2 and "该项目自评得分为96分" in doc.text
    assert doc.warnings[1:] == ["page 2 is blank: OCR found no text on it"]


def test_reader_ocr_switched_off_scanned_pdf_has_no_text_layer(seed_pdf, tmp_path):
    scanned = scan_pdf(seed_pdf, tmp_path / "scan.pdf", pages=[5])
    with pytest.raises(ReadError) as info:
        readers.read(scanned, ReadOptions(ocr=False))
    assert str(info.value) == NO_TEXT_LAYER


def test_reader_ocr_switched_off_image_is_an_error(last_page_png):
    with pytest.raises(ReadError) as info:
        readers.read(last_page_png, ReadOptions(ocr=False))
    assert str(info.value) == OCR_OFF


def test_reader_ocr_blank_image_is_a_confidence_error(tmp_path):
    from PIL import Image

    path = tmp_path / "blank.jpg"
    Image.new("RGB", (1240, 1754), "white").save(path)
    with pytest.raises(ReadError, match="^OCR confidence too low: no text recognised on any page"):
        readers.read(path)


def _blank_scan(path: Path, n_pages: int = 2) -> Path:
    from PIL import Image

    return images_to_pdf([Image.new("L", (1654, 2339), 255)] * n_pages, path)


def test_reader_ocr_blank_scanned_pdf_is_a_confidence_error(tmp_path):
    with pytest.raises(ReadError, match="^OCR confidence too low: no text recognised on any page"):
        pdf_reader.read(_blank_scan(tmp_path / "scan.pdf"))


def test_reader_ocr_pdf_without_text_or_image_is_not_ocred(tmp_path, monkeypatch):
    """A page with neither text nor an image (a blank page of a printed report, a drawing)
    is not a scan: it is not rendered for OCR."""
    monkeypatch.setattr(pdf_reader, "render", lambda path, numbers: pytest.fail(f"OCR of pages {numbers}"))
    with pytest.raises(ReadError) as info:
        pdf_reader.read(build_blank_pdf(tmp_path / "drawn.pdf"))
    assert str(info.value) == NO_TEXT


def test_reader_ocr_unreadable_image_is_a_read_error(tmp_path):
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n not an image")
    with pytest.raises(ReadError, match="^broken image: "):
        readers.read(path)


def _Image():
    """A blank page image of an A4 page at 200 dpi: the fake OCR below says what is on it;
    read_scans still straightens it and looks for its ruling lines."""
    from PIL import Image
    return Image.new("L", (1654, 2339), 255)


def _fake_ocr(monkeypatch, pages: dict[int, list[Box]]) -> None:
    """pdf_reader.read_image returning `pages[n]` for the n-th image."""
    order = iter(sorted(pages))
    monkeypatch.setattr(pdf_reader, "read_image", lambda image, scale: pages[next(order)])


PARAGRAPH = "本年度共开展社区活动四十八场，参与居民逾两千人次。"


def _paragraph(top: float, score: float) -> list[Box]:
    """One line of 12-point text."""
    return [Box(PARAGRAPH, 80.0, top, 80.0 + 12 * len(PARAGRAPH), top + 12, score)]


def test_reader_ocr_low_confidence_page_is_left_out_with_a_warning(monkeypatch):
    _fake_ocr(monkeypatch, {1: _paragraph(100, 0.97), 2: _paragraph(100, 0.41), 3: []})
    pages: list[PageContent] = []
    scans = read_scans([(n, _Image(), 0.36) for n in (1, 2, 3)], pages)
    assert [bool(p.n_chars) for p in pages] == [True, False, False]
    assert warnings_for(scans) == [
        "page 1 read by OCR, mean confidence 0.97",
        f"page 2 left out: OCR confidence too low (0.41, below {MIN_PAGE_CONFIDENCE})",
        "page 3 is blank: OCR found no text on it",
    ]


def test_reader_ocr_document_of_unreadable_pages_is_a_read_error(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_reader, "render", lambda path, numbers: [(n, _Image(), 0.36) for n in numbers])
    _fake_ocr(monkeypatch, {1: _paragraph(100, 0.52), 2: _paragraph(100, 0.40)})
    with pytest.raises(ReadError) as info:
        pdf_reader.read(_blank_scan(tmp_path / "scan.pdf"))
    assert str(info.value) == (f"OCR confidence too low: 0.46 on pages 1–2, below {MIN_PAGE_CONFIDENCE} "
                               "(unreadable scan?)")


def test_reader_ocr_boxes_become_lines_left_to_right():
    boxes = [Box("指标值", 373, 603, 405, 616, 1.0), Box("序号", 82, 603, 104, 617, 1.0),
             Box("正文第二行", 80, 640, 140, 652, 1.0), Box("指标名称", 132, 604, 173, 616, 1.0)]
    assert [[b.text for b in line] for line in group_lines(boxes)] == [["序号", "指标名称", "指标值"], ["正文第二行"]]


def test_reader_ocr_grid_of_boxes_becomes_a_table():
    """Rows of boxes in three columns, the short ones framed taller as the detector does,
    between a heading and a paragraph: one table, and lines around it."""
    rows = [("序号", "指标名称", "指标值"), ("1", "依法治市咨询专家库专家人数", "12人"),
            ("2", "法治江门建设考评", "7个市（区）"), ("3", "法治江门建设考评覆盖率", "100%")]
    boxes = [Box("（一）目标设置情况", 80, 570, 200, 582, 1.0)]
    for k, row in enumerate(rows):
        top = 603 + 30 * k
        for x0, text in zip((82, 132, 373), row):
            tall = 2 if len(text) < 4 else 0
            boxes.append(Box(text, x0, top - tall, x0 + 12 * len(text), top + 12 + tall, 0.99))
    boxes += _paragraph(740, 0.99)
    content = pdf_reader._load_page(page_of(boxes, 595.0, 842.0), 1)
    (table,) = content.tables
    assert [[cell.text for cell in row] for row in table.rows] == [list(row) for row in rows]
    assert [line.text for line in content.lines] == ["（一）目标设置情况", PARAGRAPH]


def test_reader_ocr_page_list_names_runs_of_pages():
    assert page_list([2]) == "page 2"
    assert page_list([5, 1, 2, 3, 7, 8]) == "pages 1–3, 5, 7–8"


def test_reader_ocr_folder_walk_takes_images_only_when_asked(tmp_path):
    (tmp_path / "report.txt").write_text("报告", encoding="utf-8")
    (tmp_path / "scan.PNG").write_bytes(b"png")
    assert not readers.can_read(tmp_path / "scan.PNG")
    assert readers.can_read(tmp_path / "scan.PNG", ReadOptions(images=True))
    found = runner.discover([tmp_path])
    assert [p.name for p in found.files] == ["report.txt"] and [p.name for p in found.skipped] == ["scan.PNG"]
    assert [p.name for p in runner.discover([tmp_path / "scan.PNG"]).files] == ["scan.PNG"]


def test_reader_ocr_import_loads_no_ocr_library():
    code = ("import sys, pipeline.readers, pipeline.readers.ocr, pipeline.readers.image; "
            "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))")
    loaded = set(subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                                check=True).stdout.split())
    assert not loaded & {"rapidocr_onnxruntime", "onnxruntime", "cv2", "numpy", "PIL", "pypdfium2"}


_OFFLINE = """
import socket, sys
from pathlib import Path

def refuse(*args, **kwargs):
    raise OSError("network access during OCR")

socket.socket.connect = socket.create_connection = socket.getaddrinfo = refuse

import rapidocr_onnxruntime
from PIL import Image
from pipeline.readers.ocr import _engine, recognize

engine = _engine()
package = Path(rapidocr_onnxruntime.__file__).parent
for session in (engine.text_det.infer.session, engine.text_rec.session.session):
    assert Path(session._model_path).is_relative_to(package), session._model_path
    assert session.get_session_options().enable_cpu_mem_arena
print("".join(box[0] for box in recognize(Image.open(sys.argv[1]))))
"""


def test_reader_ocr_runs_offline_on_the_models_in_its_wheel(last_page_png):
    """The engine is built and run with the network refused, from model files inside the
    installed package, and with onnxruntime's memory arena on (see ocr._engine)."""
    result = subprocess.run([sys.executable, "-c", _OFFLINE, str(last_page_png)], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "该项目自评得分为96分" in result.stdout
