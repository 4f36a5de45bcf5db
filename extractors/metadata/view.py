"""The text metadata reads names on, and the way back to the text.

Names are found with regexes and jieba words, which know simplified characters only; so the
metadata extractor reads `Document.match_text` (traditional read as simplified, full-width
folded) with the pinyin a converter left in brackets taken out ("平陽縣(xiàn)交通運(yùn)輸局" reads
"平阳县交通运输局"): a blanked note would split the name in two. Without such notes the view
keeps the text's offsets; with them, sections, tables and pages are moved onto the view.

What the view finds is given back in two writings: an organ's name in simplified characters
with the text's own punctuation (an analyst's cross-year table joins on it), a project's
name exactly as the text writes it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.core.document import Document

_SPACES = re.compile(" +")
_FOLDED = range(0xFF01, 0xFF5F)  # full-width ASCII, which the match view folds to half-width


@dataclass(frozen=True)
class NameView:
    doc: Document  # the view: text is the match view without pinyin notes
    source: Document  # the document as read
    kept: list[int] | None  # view offset -> text offset; None where they are the same

    def simplified(self, value: str) -> str:
        """A name the view gave, in simplified characters with the text's punctuation."""
        return "".join(self._pairs(value, lambda original, seen: original if _folded(original) else seen))

    def as_written(self, value: str) -> str:
        """A name the view gave, as the text writes it (without pinyin notes)."""
        return "".join(self._pairs(value, lambda original, seen: original))

    def _pairs(self, value: str, pick) -> list[str]:
        at = self.doc.text.find(value)
        if at < 0:
            return [value]  # a title joined over lines: no one span of the text
        offsets = range(at, at + len(value))
        if self.kept is not None:
            offsets = [self.kept[i] for i in offsets]
        return [pick(self.source.text[i], seen) for i, seen in zip(offsets, value)]


def name_view(doc: Document) -> NameView:
    text, view = doc.text, doc.match_text
    # Blanked notes are runs of spaces in the view where the text has none: look only there.
    notes = [i for run in _SPACES.finditer(view) for i in range(*run.span()) if not text[i].isspace()]
    if not notes:
        return NameView(replace(doc, text=view), doc, None)
    dropped = set(notes)
    kept = [i for i in range(len(text)) if i not in dropped]
    moved = [0] * (len(text) + 1)  # text offset -> view offset
    n = 0
    for i in range(len(text) + 1):
        moved[i] = n
        if i < len(text) and i not in dropped:
            n += 1
    squeezed = "".join(view[i] for i in kept)
    tables = [replace(t, char_start=moved[t.char_start], char_end=moved[t.char_end],
                      cells=[replace(c, text=squeezed[moved[c.char_start]:moved[c.char_end]],
                                     char_start=moved[c.char_start], char_end=moved[c.char_end]) for c in t.cells])
              for t in doc.tables]
    shifted = replace(
        doc, text=squeezed, tables=tables, pages=[moved[p] for p in doc.pages],
        sections=[replace(s, char_start=moved[s.char_start], char_end=moved[s.char_end]) for s in doc.sections],
        heading_levels={moved[k]: v for k, v in doc.heading_levels.items()},
    )
    return NameView(shifted, doc, kept + [len(text)])


def _folded(ch: str) -> bool:
    return ord(ch) in _FOLDED or ch == "\u3000"
