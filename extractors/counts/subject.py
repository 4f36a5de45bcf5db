"""What a count counts: the noun phrase next to the number, found by a walk over jieba tokens.

Chinese puts the counted noun after a classifier ("18个申报项目", "5个协调小组") or before
the whole count in a verb-object-count clause ("召开相关协调会议12次", "印发通知文件170份").
So the phrase right after the unit is tried first, then the one before the number. A walk
stops at punctuation, function words, numerals and verbs; the words a report puts between
the noun and its number ("共", "累计", "达") are stepped over.

jieba's dictionary tags tell verbs from nouns well enough for a phrase boundary, but it
files some common report verbs as nouns (办理/n, 印发/nz, 新建/ns); VERBS lists those.
"""
from __future__ import annotations

import re

from extractors.nlp import tokenize, word_tags

# Report verbs jieba's dictionary does not tag as verbs (or tags as verbal nouns that, in
# front of an object, act as the verb: "培训基层干部300人次").
VERBS = frozenset(
    "办理 印发 会同 抄报 呈 新建 惠及 资助 指导 立案 培训 检查 排查 救助 调整 评审 "
    "走访 慰问 发放 组织 开展 举办 召开 收集 收到 受理 推出 完成 实现 新增 建成 落实 现有 共有 "
    "设立 配备 覆盖 涵盖 涉及 包括 包含 安排 购置 编报 聘请 选派 培育 打造 创建".split()
)
# Words between a noun and its number that are not part of the noun: "会议共8次", "人数达12人".
BRIDGE_WORDS = frozenset(
    "共 共计 合计 总计 累计 计 达 达到 为 约为 分别 分别为 总数 数量 约 近 超过 逾 多达 高达 "
    "连续 全年 年内 全市 全县 全区 全省 全镇 其中".split()
)
# Words that are never part of a counted noun phrase.
STOP_WORDS = frozenset(
    "的 和 及 与 或 等 在 对 向 为 将 把 被 从 由 以 于 中 了 是 有 各 每 本 该 其 这 那 "
    "并 且 又 也 都 还 已 已经 再 所 之 及其 以及 其他 等等 相关 有关 以上 以下 左右 个 "
    "项 余 多".split()
)
# jieba tags that end a noun phrase: numerals, pronouns, prepositions, conjunctions,
# particles, adverbs (and adverbial adjectives), locatives, time words, punctuation.
# Classifier-tagged words stay ("单项类3个"); the units themselves are STOP_WORDS.
STOP_TAGS = ("m", "r", "p", "c", "u", "d", "ad", "f", "t", "x", "e", "y", "o", "z")
VERB_TAGS = ("v", "vd", "vg", "vi", "vq")
IDIOM_TAG = "i"
MAX_TOKENS = 4
MAX_CHARS = 10
# Heads this short ("人员", "岗位", "文件") say little without the verb that qualifies them.
SHORT_HEAD = 2
NOUN, VERB, ACTION, STOP = "noun", "verb", "action", "stop"

_WORD = re.compile(r"[\u4e00-\u9fff]+")
_BRACKETS = {"（": "）", "(": ")"}


def subject(text: str, clause: tuple[int, int], count: tuple[int, int], follow: bool) -> str | None:
    """The counted noun of the count at text[count] inside text[clause]; `follow`: the unit
    may stand before its noun ("12次全体会议"), which a span of time ("三年") does not."""
    (clause_start, clause_end), (start, end) = clause, count
    if follow:
        after = _following(text[end:clause_end])
        if after:
            return after
    return _preceding(text[clause_start:start])


def _following(after: str) -> str | None:
    words = _words(after)
    phrase: list[str] = []
    for i, word in enumerate(words):
        kind = _kind(word)
        # A verb may only open the phrase, as a modifier ("协调小组", "申报项目"); an idiom
        # after the noun is its predicate ("5个县提前完成").
        opens = not phrase and i + 1 < len(words) and _kind(words[i + 1]) == NOUN
        if _tag(word) == IDIOM_TAG or not (kind == NOUN or _activity(word) or (kind == VERB and opens)):
            break
        phrase.append(word)
        if len(phrase) == MAX_TOKENS:
            break
    return _join(phrase)


def _preceding(before: str) -> str | None:
    words = _words(_drop_trailing_brackets(before))[::-1]
    while words and words[0] in BRIDGE_WORDS:
        words.pop(0)
    phrase: list[str] = []
    for i, word in enumerate(words):
        left = _kind(words[i + 1]) if i + 1 < len(words) else STOP
        if not _keeps(word, left, phrase):
            break
        phrase.insert(0, word)
        if len(phrase) == MAX_TOKENS or sum(map(len, phrase)) >= MAX_CHARS:
            break
    return _join(phrase)


def _keeps(word: str, left: str, phrase: list[str]) -> bool:
    """Whether `word` still belongs to the noun phrase ending in `phrase`, walking leftwards;
    `left` is the kind of the word before it."""
    kind, head_chars = _kind(word), sum(map(len, phrase))
    short_head = 0 < head_chars <= SHORT_HEAD
    if not phrase and _activity(word):
        return True  # the activity is what is counted: "住院救助3,215人次", "业务培训6期"
    if kind == NOUN and _tag(word) == "vn":
        # A verbal noun is a noun inside the phrase ("综合文化服务中心"); opening its clause
        # it is the verb, kept only to qualify a short head ("巡查河道300次").
        return left != STOP or short_head
    if kind == VERB:
        # "城镇就业人员", "印发通知文件", "脱贫户" but not "招募志愿者"; as the head, a verb after
        # its noun names the work ("校园厕所改造16座") — unless it is a bare 分/达/有.
        return (short_head and (left != STOP or head_chars == 1)) or (
            not phrase and left == NOUN and len(word) > 1)
    return kind == NOUN


def _words(text: str) -> list[str]:
    return [t.text for t in tokenize(text) if not t.is_space]


def _kind(word: str) -> str:
    if not _WORD.fullmatch(word) or word in STOP_WORDS or word in BRIDGE_WORDS or _tag(word) in STOP_TAGS:
        return STOP
    if word in VERBS:
        return ACTION
    return VERB if _tag(word) in VERB_TAGS else NOUN


def _activity(word: str) -> bool:
    """A verbal noun of the report's work: 培训, 检查, 救助."""
    return _tag(word) == "vn" and _kind(word) in (NOUN, ACTION)


def _tag(word: str) -> str | None:
    return word_tags().get(word)


def _drop_trailing_brackets(before: str) -> str:
    """"设备（不含车辆）0台": the bracketed aside is not the noun."""
    stripped = before.rstrip()
    for open_, close in _BRACKETS.items():
        if stripped.endswith(close) and open_ in stripped:
            return stripped[:stripped.rindex(open_)]
    return before


def _join(phrase: list[str]) -> str | None:
    return "".join(phrase) or None
