"""pipeline.align.cluster and the pair finders: the heap-driven clustering over edges merges
as the plain greedy loop over every pair did; cdist and hashed candidates lose no pair."""
from __future__ import annotations

import random

import pytest

from pipeline.align import keys, problems
from pipeline.align.cluster import agglomerate


def _greedy(n, seeds, score, threshold, linkage, tags, locked):
    """The former implementation: every pair scored, the best cluster pair merged each round."""
    combine = max if linkage == "single" else min
    members, seen = {}, set()
    for seed in seeds:
        seed = [i for i in seed if i not in seen]
        if seed:
            members[seed[0]] = list(seed)
            seen.update(seed)
    for i in range(n):
        if i not in seen:
            members[i] = [i]
    tag = {c: set().union(*[tags(i) for i in m]) for c, m in members.items()}
    lock = {c: next(iter({locked(i) for i in m} - {None}), None) for c, m in members.items()}
    merged_at = {c: (100.0 if len(m) > 1 else None) for c, m in members.items()}
    pair = {(a, b): score(a, b) for a in range(n) for b in range(a + 1, n)}
    key = lambda a, b: (a, b) if a < b else (b, a)  # noqa: E731
    ids = sorted(members)
    between = {(x, y): combine(pair[key(a, b)] for a in members[x] for b in members[y])
               for p, x in enumerate(ids) for y in ids[p + 1:]}
    while True:
        candidates = [(s, x, y) for (x, y), s in between.items() if s >= threshold and not tag[x] & tag[y]
                      and (lock[x] is None or lock[y] is None or lock[x] == lock[y])]
        if not candidates:
            break
        s, x, y = max(candidates, key=lambda c: (c[0], -c[1], -c[2]))
        members[x].extend(members.pop(y))
        tag[x] |= tag.pop(y)
        lock[x] = lock[x] if lock[x] is not None else lock[y]
        lock.pop(y)
        merged_at[x] = s
        merged_at.pop(y)
        for z in members:
            if z != x:
                between[key(x, z)] = combine(between[key(x, z)], between.pop(key(y, z)))
        between.pop(key(x, y), None)
    done = sorted((sorted(m), merged_at[x]) for x, m in members.items())
    return [c for c, _ in done], [s for _, s in done], pair


@pytest.mark.parametrize("linkage", ["single", "complete"])
@pytest.mark.parametrize("seed", range(60))
def test_compare_cluster_merges_as_the_greedy_loop_over_every_pair(linkage, seed):
    rng = random.Random(seed)
    n = rng.randint(1, 14)
    # Few distinct scores: ties decide the order of merges more often than real data does.
    scores = {(a, b): float(rng.choice([0, 40, 60, 85, 85, 90, 100])) for a in range(n) for b in range(a + 1, n)}
    years = [rng.randint(2019, 2023) for _ in range(n)]
    pins = [rng.choice([None, None, None, "p", "q"]) for _ in range(n)]
    seeds = [[i for i in range(n) if i % 5 == k] for k in range(2)] if linkage == "single" and n > 6 else []
    for i, j in [(i, j) for seed_ in seeds for i in seed_ for j in seed_ if i < j]:
        scores[(i, j)] = 100.0
    args = dict(threshold=85.0, linkage=linkage, tags=lambda i: {years[i]}, locked=lambda i: pins[i])
    clusters, linkages, pair = _greedy(n, seeds, lambda a, b: scores[(a, b)], **args)
    result = agglomerate(n, seeds, {p: s for p, s in scores.items() if s >= 85}, **args)
    assert (result.clusters, result.linkage) == (clusters, linkages)
    for cluster in clusters:
        for i in cluster:
            linked = [pair[(min(i, j), max(i, j))] for j in cluster if j != i]
            if any(s >= 85 for s in linked):
                assert result.best[i] == max(linked)


def test_compare_cluster_name_edges_are_every_pair_at_the_threshold():
    rng = random.Random(7)
    chars = "法律援助经费人民调解工作以案定补农村饮水安全工程维修养护资金校舍"
    names = ["".join(rng.choice(chars) for _ in range(rng.randint(1, 10))) for _ in range(120)]
    names += names[:10]  # equal names
    edges = keys.name_edges(names, 85.0)
    expected = {(i, j): keys.name_score(names[i], names[j]) for i in range(len(names))
                for j in range(i + 1, len(names)) if keys.name_score(names[i], names[j]) >= 85.0}
    assert edges == expected and expected


def test_compare_cluster_hashed_candidates_lose_no_problem_pair(monkeypatch):
    rng = random.Random(3)
    words = ["资金", "拨付", "滞后", "进度", "偏慢", "档案", "归档", "不全", "人员", "老龄化", "补贴", "标准",
             "偏低", "监测", "设施", "运维", "不足", "宣传", "力度", "不够", "群众", "知晓率", "不高"]
    texts = ["".join(rng.choice(words) for _ in range(rng.randint(3, 9))) for _ in range(320)]
    categories = [rng.choice([None, "资金", "管理"]) for _ in texts]
    bounded = problems.similarity_edges(texts, categories, problems.THRESHOLD)
    monkeypatch.setattr(problems, "EXACT_UP_TO", len(texts))
    every_pair = problems.similarity_edges(texts, categories, problems.THRESHOLD)
    assert bounded == every_pair and len(every_pair) > 100
