"""One-to-one matching of gold items to predictions, shared by the list families."""
from __future__ import annotations

from typing import Callable


def maximum_matching(n_gold: int, n_pred: int, edge: Callable[[int, int], bool]) -> dict[int, int]:
    """Largest one-to-one gold→prediction matching (augmenting paths; lists here are short)."""
    owner: dict[int, int] = {}  # prediction → gold

    def augment(g: int, seen: set[int]) -> bool:
        for p in range(n_pred):
            if p not in seen and edge(g, p):
                seen.add(p)
                if p not in owner or augment(owner[p], seen):
                    owner[p] = g
                    return True
        return False

    for g in range(n_gold):
        augment(g, set())
    return {g: p for p, g in owner.items()}
