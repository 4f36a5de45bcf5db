"""What was computed on a document's whole text, kept for the next reader of the same text.

Several readers go over one document's text for the same things: its match view (the
document, the money and quantity finders), its amounts (budgets, twice), its quantities
(counts, the indicators' result sentences). The results for the last few long texts are
kept, keyed by content, so a text read again is computed again only once it has left the
window; a short text (a sentence, a cell) is computed each time, as looking it up would
cost about as much.
"""
from __future__ import annotations

from typing import Callable, Generic, Hashable, TypeVar

# Texts shorter than this are not kept.
LONG = 500

_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")


class Recent(Generic[_K, _V]):
    """The values of the last `size` keys asked for."""

    def __init__(self, size: int = 4) -> None:
        self._size = size
        self._kept: dict[_K, _V] = {}

    def get(self, key: _K, compute: Callable[[], _V]) -> _V:
        value = self._kept.get(key)
        if value is None:
            value = self._kept[key] = compute()
            if len(self._kept) > self._size:
                del self._kept[next(iter(self._kept))]
        return value
