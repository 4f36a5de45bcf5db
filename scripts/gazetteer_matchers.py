"""Places of the gazetteer found three ways on the archive and red-team texts: a regex
alternation of every name, a dict keyed by first character, spaCy's PhraseMatcher over
character tokens (docs/decisions.md). Run: .venv/bin/python scripts/gazetteer_matchers.py"""
import time, re, glob
from pathlib import Path
from extractors.metadata.gazetteer import gazetteer
g=gazetteer(); names=sorted(g.by_name, key=len, reverse=True)
texts=[Path(p).read_text(encoding='utf-8', errors='replace') for p in sorted(glob.glob('corpus/archive/*.txt'))+sorted(glob.glob('tests/data/redteam/*.txt'))]
print(len(texts),"docs",sum(map(len,texts)),"chars,",len(names),"names")
from collections import defaultdict
lens=defaultdict(set)
for n in names: lens[n[0]].add(len(n))
lens={k:sorted(v,reverse=True) for k,v in lens.items()}
S=set(names)
def dscan(x):
    out=[];i=0
    while i<len(x):
        for L in lens.get(x[i],()):
            if x[i:i+L] in S: out.append((i,i+L)); i+=L; break
        else: i+=1
    return out
def best(f):
    b=1e9
    for _ in range(5):
        t=time.perf_counter(); o=[f(x) for x in texts]; b=min(b,time.perf_counter()-t)
    return b,o
re.purge(); t=time.perf_counter(); rx=re.compile("|".join(map(re.escape,names))); rc=time.perf_counter()-t
rt,ro=best(lambda x:[m.span() for m in rx.finditer(x)])
dt,do=best(dscan)
import spacy
from spacy.matcher import PhraseMatcher
t=time.perf_counter(); nlp=spacy.blank("zh"); pm=PhraseMatcher(nlp.vocab); pm.add("P",[nlp.make_doc(n) for n in names]); pc=time.perf_counter()-t
def pmrun(x):
    doc=nlp.make_doc(x); sp=sorted(((doc[s].idx, doc[e-1].idx+len(doc[e-1].text)) for _,s,e in pm(doc)), key=lambda s:(s[0],s[0]-s[1]))
    out=[];end=0
    for a,b in sp:
        if a>=end: out.append((a,b)); end=b
    return out
pt,po=best(pmrun)
print(f"regex alternation: build {rc*1000:.0f} ms, scan {rt*1000:.0f} ms")
print(f"dict by first char: scan {dt*1000:.0f} ms, agrees {do==ro}")
print(f"PhraseMatcher (spacy.blank('zh') character tokens): build {pc*1000:.0f} ms, scan {pt*1000:.0f} ms, agrees {po==ro}")
