"""Greedy agglomerative clustering with cannot-link constraints, shared by every alignment.

Items start in seed groups (names equal after normalisation); the best-scoring pair of
clusters is merged while its linkage score reaches the threshold and the two clusters do not
conflict (e.g. both hold a report of the same year: one department does not file the same
project twice in a year). Single linkage follows renaming chains (A→B→C where A and C look
unlike); complete linkage asks every member to resemble every other, which keeps two
reworded problems from pulling in a third that resembles only one of them.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass


@dataclass
class Clustering:
    clusters: list[list[int]]  # item indexes, each cluster sorted
    linkage: list[float | None]  # per cluster: the score at which it was last merged
    best: list[float | None]  # per item: its best pairwise score inside its cluster


def agglomerate(
    n: int,
    seeds: Sequence[Sequence[int]],
    score: Callable[[int, int], float],
    threshold: float,
    linkage: str = "single",
    tags: Callable[[int], set[Hashable]] | None = None,
    locked: Callable[[int], Hashable | None] | None = None,
) -> Clustering:
    """Cluster items 0..n-1. `tags(i)`: two clusters sharing a tag never merge (years, docs).
    `locked(i)`: a user's pin; two clusters locked to different values never merge."""
    combine = max if linkage == "single" else min
    members: dict[int, list[int]] = {}
    seen: set[int] = set()
    for seed in seeds:
        seed = [i for i in seed if i not in seen]
        if seed:
            members[seed[0]] = list(seed)
            seen.update(seed)
    for i in range(n):
        if i not in seen:
            members[i] = [i]
    if threshold == float("inf"):  # seeds only: skip the n² scores nobody would use
        done = sorted(sorted(m) for m in members.values())
        return Clustering(done, [100.0 if len(c) > 1 else None for c in done], _seed_best(n, done))
    tag = {c: set().union(*[tags(i) for i in m]) if tags else set() for c, m in members.items()}
    lock = {c: _lock_of(m, locked) for c, m in members.items()}
    merged_at: dict[int, float | None] = {c: (100.0 if len(m) > 1 else None) for c, m in members.items()}
    pair_score = {(a, b): score(a, b) for a in range(n) for b in range(a + 1, n)}
    between: dict[tuple[int, int], float] = {}
    ids = sorted(members)
    for x_pos, x in enumerate(ids):
        for y in ids[x_pos + 1:]:
            between[(x, y)] = _link(members[x], members[y], pair_score, combine)
    while True:
        candidates = [
            (s, x, y) for (x, y), s in between.items()
            if s >= threshold and not (tag[x] & tag[y]) and _compatible(lock[x], lock[y])
        ]
        if not candidates:
            break
        # Highest score first; ties go to the lowest ids so that runs are reproducible.
        s, x, y = max(candidates, key=lambda c: (c[0], -c[1], -c[2]))
        members[x].extend(members.pop(y))
        tag[x] |= tag.pop(y)
        lock[x] = lock[x] if lock[x] is not None else lock[y]
        lock.pop(y)
        merged_at[x] = s
        merged_at.pop(y)
        for z in members:
            if z == x:
                continue
            xz, yz = _key(x, z), _key(y, z)
            between[xz] = combine(between[xz], between.pop(yz))
        between.pop(_key(x, y), None)
    done = sorted((sorted(m), merged_at[x]) for x, m in members.items())
    best: list[float | None] = [None] * n
    for cluster, _ in done:
        for i in cluster:
            others = [pair_score[_key(i, j)] for j in cluster if j != i]
            best[i] = max(others) if others else None
    return Clustering([c for c, _ in done], [s for _, s in done], best)


def _seed_best(n: int, clusters: list[list[int]]) -> list[float | None]:
    best: list[float | None] = [None] * n
    for cluster in clusters:
        for i in cluster:
            best[i] = 100.0 if len(cluster) > 1 else None
    return best


def _lock_of(items: list[int], locked) -> Hashable | None:
    if locked is None:
        return None
    values = {locked(i) for i in items} - {None}
    return next(iter(values)) if values else None


def _compatible(a, b) -> bool:
    return a is None or b is None or a == b


def _key(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _link(xs: list[int], ys: list[int], pair_score: dict, combine) -> float:
    return combine(pair_score[_key(x, y)] for x in xs for y in ys)
