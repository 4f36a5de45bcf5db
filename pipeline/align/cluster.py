"""Greedy agglomerative clustering with cannot-link constraints, shared by every alignment.

Items start in seed groups (names equal after normalisation); the best-scoring pair of
clusters is merged while its linkage score reaches the threshold and the two clusters do not
conflict (e.g. both hold a report of the same year: one department does not file the same
project twice in a year). Single linkage follows renaming chains (A→B→C where A and C look
unlike); complete linkage asks every member to resemble every other, which keeps two
reworded problems from pulling in a third that resembles only one of them.

Only pairs scoring at least the threshold are given (`edges`): a pair below it can neither
link two clusters by single linkage nor keep a complete-linkage score at the threshold. The
candidate merges sit in a heap keyed by (score, cluster ids), so the order of merges — ties to
the lowest ids — is that of the plain greedy loop, at O(E log E) instead of O(n³). A cluster's
id is its lowest item; conflicts only grow as clusters grow, so a pair found in conflict is
dropped for good.
"""
from __future__ import annotations

import heapq
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass


@dataclass
class Clustering:
    clusters: list[list[int]]  # item indexes, each cluster sorted
    linkage: list[float | None]  # per cluster: the score at which it was last merged
    best: list[float | None]  # per item: its best scored pair (≥ threshold) inside its cluster


def agglomerate(
    n: int,
    seeds: Sequence[Sequence[int]],
    edges: Mapping[tuple[int, int], float],
    threshold: float,
    linkage: str = "single",
    tags: Callable[[int], set[Hashable]] | None = None,
    locked: Callable[[int], Hashable | None] | None = None,
) -> Clustering:
    """Cluster items 0..n-1. `edges`: (i, j) with i < j -> score, for pairs scoring at least
    `threshold` (others are ignored). `tags(i)`: two clusters sharing a tag never merge (years,
    docs). `locked(i)`: a user's pin; two clusters locked to different values never merge."""
    members: dict[int, list[int]] = {}
    owner = list(range(n))
    seen: set[int] = set()
    for seed in seeds:
        seed = [i for i in seed if i not in seen]
        if seed:
            members[min(seed)] = sorted(seed)
            for i in seed:
                owner[i] = min(seed)
            seen.update(seed)
    for i in range(n):
        if i not in seen:
            members[i] = [i]
    if threshold == float("inf"):  # seeds only
        done = sorted(members.values())
        return Clustering(done, [100.0 if len(c) > 1 else None for c in done], _seed_best(n, done))
    edges = {pair: s for pair, s in edges.items() if s >= threshold}
    tag = {c: set().union(*[tags(i) for i in m]) if tags else set() for c, m in members.items()}
    lock = {c: _lock_of(m, locked) for c, m in members.items()}
    merged_at: dict[int, float | None] = {c: (100.0 if len(m) > 1 else None) for c, m in members.items()}
    links = _Links(linkage, members)
    for (i, j), s in edges.items():
        links.add_pair(owner[i], owner[j], s)
    heap = [(-s, x, y) for (x, y), s in links.scores()]
    heapq.heapify(heap)
    while heap:
        negative, x, y = heapq.heappop(heap)
        if x not in members or y not in members or links.score(x, y) != -negative:
            continue  # stale: a cluster merged away, or the pair's score changed since
        if tag[x] & tag[y] or not _compatible(lock[x], lock[y]):
            continue
        members[x].extend(members.pop(y))
        tag[x] |= tag.pop(y)
        lock[x] = lock[x] if lock[x] is not None else lock.pop(y)
        lock.pop(y, None)
        merged_at[x] = -negative
        merged_at.pop(y)
        for z, s in links.merge(x, y):
            heapq.heappush(heap, (-s, min(x, z), max(x, z)))
    done = sorted((sorted(m), merged_at[x]) for x, m in members.items())
    cluster_of = {i: c for c, (cluster, _) in enumerate(done) for i in cluster}
    best: list[float | None] = [None] * n
    for (i, j), s in edges.items():
        if cluster_of[i] == cluster_of[j]:
            for k in (i, j):
                if best[k] is None or s > best[k]:
                    best[k] = s
    return Clustering([c for c, _ in done], [s for _, s in done], best)


class _Links:
    """Linkage scores between clusters that have at least one edge between them. Complete
    linkage also counts the edges: a pair of clusters without an edge for every pair of
    members has some pair below the threshold, so no score."""

    def __init__(self, linkage: str, members: dict[int, list[int]]) -> None:
        self.single = linkage == "single"
        self.members = members
        self.best: dict[tuple[int, int], float] = {}
        self.count: dict[tuple[int, int], int] = {}
        self.near: dict[int, set[int]] = {}

    def add_pair(self, x: int, y: int, s: float) -> None:
        if x == y:
            return
        key = _key(x, y)
        if key in self.best:
            self.best[key] = max(self.best[key], s) if self.single else min(self.best[key], s)
        else:
            self.best[key] = s
            self.near.setdefault(x, set()).add(y)
            self.near.setdefault(y, set()).add(x)
        self.count[key] = self.count.get(key, 0) + 1

    def score(self, x: int, y: int) -> float | None:
        key = _key(x, y)
        if key not in self.best:
            return None
        if not self.single and self.count[key] < len(self.members[x]) * len(self.members[y]):
            return None
        return self.best[key]

    def scores(self):
        for key in list(self.best):
            if (s := self.score(*key)) is not None:
                yield key, s

    def merge(self, x: int, y: int) -> list[tuple[int, float]]:
        """Fold y's links into x's (y's members are in x now); the new scores of x's links."""
        self.best.pop(_key(x, y), None)
        self.count.pop(_key(x, y), None)
        neighbours = (self.near.pop(x, set()) | self.near.pop(y, set())) - {x, y}
        changed = []
        for z in neighbours:
            self.near[z].discard(y)
            self.near[z].add(x)
            xz, yz = _key(x, z), _key(y, z)
            scores = [self.best.pop(k) for k in (xz, yz) if k in self.best]
            self.best[xz] = max(scores) if self.single else min(scores)
            self.count[xz] = self.count.pop(xz, 0) + self.count.pop(yz, 0)
            if (s := self.score(x, z)) is not None:
                changed.append((z, s))
        self.near[x] = neighbours
        return changed


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
