"""Build ../sentences.jsonl from the collections' quotes (draft.py's output) and the hand
annotations: python data/extraction/annotation/build.py (from the checkout's root)."""
import json, re, sys, hashlib
from pathlib import Path
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE)); sys.path.insert(0, str(HERE.parents[2]))
from pxl.ledger.wording import parse_figure, WordingError
from hand import HAND
from fresh import FRESH
from patches import PATCHES, OVERRIDES
d = json.load(open(HERE / 'draft.json'))
GENERIC = {"president", "minister", "ministry", "office", "head", "russian", "ukrainian", "israeli", "national",
           "committee", "statement", "state", "spokesman", "spokeswoman", "official", "officials", "defence", "defense",
           "foreign", "affairs", "government", "written", "website", "media", "security", "turkish", "sources",
           "agency", "prisoners", "prisoner", "commissioner", "human", "rights", "secretary", "general", "adviser",
           "deputy", "chief", "service", "press", "army", "forces", "group", "council", "delegation", "telegram", "twitter",
           "united", "states", "nations", "american", "venezuelan", "palestinian", "public", "hamas's"}
PLACES = {"ukraine", "russia", "israel", "yemen", "armenia", "azerbaijan", "venezuela", "sudan", "germany", "turkey",
          "gaza", "saudi", "kremlin", "houthi", "houthis", "ukraine's", "russia's", "israel's"}
def speaker_in(speaker, sentence):
    if not speaker: return ""
    speaker_core = re.sub(r"\([^)]*\)", "", speaker)
    words = [w for w in re.findall(r"[A-Z][\w'’-]{3,}", speaker_core) if w.lower() not in GENERIC | PLACES]
    low = sentence.lower()
    return speaker if any(w.lower() in low for w in words) else ""
def interval(text, lo=None, hi=None):
    if lo is not None: return lo, hi, []
    cut = re.split(r",?\s+(?:including|darunter|among them|incluidos|dont)\s+|\s+[–—]\s+", text)[0]
    try:
        f = parse_figure(cut)
    except WordingError:
        foreign = {"zwei": 2, "drei": 3, "zehn": 10, "dos": 2, "tres": 3, "deux": 2, "trois": 3}
        w = cut.split()[0].lower()
        if w in foreign: return foreign[w], foreign[w], []
        words = cut.split()
        for n in range(len(words) - 1, 0, -1):  # the longest leading wording the grammar reads
            try:
                f = parse_figure(" ".join(words[:n]))
                return f.interval.lo, f.interval.hi, []
            except WordingError:
                pass
        nums = re.findall(r"\d[\d,]*", cut)
        if len(nums) == 1:
            n = int(nums[0].replace(",", "")); return n, n, []
        raise
    return f.interval.lo, f.interval.hi, [p.wording.rstrip(", ") for p in f.parts]
def figure(sentence, text, kind, speaker, parts, lo=None, hi=None, occurrence=None):
    start = sentence.find(text)
    assert start >= 0, (text, sentence)
    if text in OVERRIDES:
        lo, hi, ps = OVERRIDES[text]
        out = {"text": text.split("—")[0], "start": start, "lo": lo, "hi": hi, "kind": kind, "speaker": speaker}
        if ps: out["parts"] = [{"text": t, "lo": a, "hi": b, "role": r} for t, a, b, r in ps]
        return out
    # breakdown inside the collection's value ("Ten hostages, including two children")
    m = re.match(r"(.+?),?\s+(?:including|darunter|among them)\s+(.+)$", text)
    if m and not parts:
        text, parts = m.group(1), [m.group(2)]
    flo, fhi, cparts = interval(text, lo, hi)
    out = {"text": text, "start": start, "lo": flo, "hi": fhi, "kind": kind, "speaker": speaker}
    ps = []
    for p in parts or []:
        plo, phi, _ = interval(p)
        ps.append({"text": p, "lo": plo, "hi": phi, "role": "breakdown"})
    for p in cparts:
        plo, phi, _ = interval(p)
        ps.append({"text": p, "lo": plo, "hi": phi, "role": "compound"})
    if ps: out["parts"] = ps
    return out
def merge_compounds(s, figs):
    """Adjacent figures joined only by ',', 'and', ', and', 'as well as' are one compound."""
    out = []
    for f in figs:
        if out:
            prev = out[-1]
            end = prev['start'] + len(prev['text'])
            gap = s[end:f['start']]
            if end <= f['start'] and re.fullmatch(r"\s*(?:,|and|, and|as well as|, as well as|und|y|и|і|et|e)\s*", gap) and prev['kind'] == f['kind'] and not prev.get('parts') and not f.get('parts') \
                    and not re.search(r"\b(?:from|by|to|in|who|which|that|held|sent|moving)\b", prev['text']) and re.sub(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|twenty|thirty|hundred|thousand)\b|\d|\W", "", f['text'].lower()):
                text = s[prev['start']:f['start'] + len(f['text'])]
                hi = None if prev['hi'] is None or f['hi'] is None else prev['hi'] + f['hi']
                merged = {"text": text, "start": prev['start'], "lo": prev['lo'] + f['lo'], "hi": hi, "kind": f['kind'],
                          "speaker": prev['speaker'] or f['speaker'],
                          "parts": [{"text": prev['text'], "lo": prev['lo'], "hi": prev['hi'], "role": "compound"},
                                    {"text": f['text'], "lo": f['lo'], "hi": f['hi'], "role": "compound"}]}
                print("MERGED", repr(text), file=sys.stderr)
                out[-1] = merged
                continue
        out.append(f)
    return out
rows, errors, used = [], [], set()
for o in d:
    s = o['sentence']
    figs = []
    for g in o['gold']:
        try:
            figs.append(figure(s, g['text'], g['kind'], speaker_in(g['speaker'], s), []))
        except Exception as e:
            errors.append((s[:80], g['text'], repr(e)[:100]))
    for key, ops in PATCHES.items():
        if key in s:
            used.add(key)
            for op in ops:
                if op[0] == "drop":
                    figs = [f for f in figs if f['text'] != op[1] and not f['text'].startswith(op[1] + ",")]
                elif op[0] == "add":
                    figs.append(figure(s, *op[1:]))
                elif op[0] == "parts":
                    for f in figs:
                        if f['text'] == op[1]:
                            f['parts'] = [{"text": p, **dict(zip(("lo", "hi"), interval(p)[:2], strict=True)), "role": "breakdown"} for p in op[2]]
                elif op[0] == "speaker":
                    for f in figs:
                        if f['text'] == op[1]: f['speaker'] = op[2]
    # the same figure named twice by the collection (two series): one figure
    seen, uniq = set(), []
    for f in sorted(figs, key=lambda f: f['start']):
        if (f['start'], f['text']) in seen: continue
        seen.add((f['start'], f['text'])); uniq.append(f)
    spans = [(f['start'], f['start'] + len(f['text']), f.get('parts')) for f in uniq]
    # a part the collection also recorded on its own (a scope) is annotated in its whole
    uniq = [f for f in uniq if not any(a <= f['start'] and f['start'] + len(f['text']) <= b and (a, b) != (f['start'], f['start'] + len(f['text'])) and ps
                                       for a, b, ps in spans)]
    # a figure right after another's "including" / "among them" is that one's breakdown
    for a, b in zip(uniq, uniq[1:], strict=False):  # each with the next
        gap = s[a['start'] + len(a['text']):b['start']]
        if re.fullmatch(r",?\s*(?:including|among them|darunter|unter ihnen)\s+", gap) and not a.get('parts'):
            a['parts'] = [{"text": b['text'], "lo": b['lo'], "hi": b['hi'], "role": "breakdown"}] + b.get('parts', [])
            print("FOLDED", repr(a['text']), repr(b['text']), file=sys.stderr)
    part_texts = {p['text'] for f in uniq for p in f.get('parts', [])}
    uniq = [f for f in uniq if f['text'] not in part_texts]
    uniq = merge_compounds(s, uniq)
    rows.append({"sentence": s, "url": o['url'], "source": "data/" + o['collection'], "figures": uniq})
print("unused patches", set(PATCHES) - used, file=sys.stderr)
known = {r['sentence'] for r in rows}
for url, s, figs in HAND:
    if s in known: print("dup", s[:60], file=sys.stderr); continue
    out = []
    for f in figs:
        text, kind, speaker, parts = f[:4]
        lo, hi = (f[4], f[5]) if len(f) > 4 else (None, None)
        out.append(figure(s, text, kind, speaker, parts, lo, hi))
    rows.append({"sentence": s, "url": url, "source": "pages", "figures": out})
for r in rows:
    r['split'] = 'heldout' if int(hashlib.sha1(r['url'].encode()).hexdigest(), 16) % 3 == 0 else 'dev'
# the fresh split: pages of other exchanges, annotated before the extractor saw them
used_urls = {r['url'] for r in rows}
for url, s, figs in FRESH:
    assert url not in used_urls, url
    assert s not in known, s[:60]
    out = []
    for f in figs:
        text, kind, speaker, parts = f[:4]
        lo, hi = (f[4], f[5]) if len(f) > 4 else (None, None)
        out.append(figure(s, text, kind, speaker, parts, lo, hi))
    rows.append({"sentence": s, "url": url, "source": "pages", "figures": out, "split": "fresh"})
for e in errors: print("ERR", e, file=sys.stderr)
with open(sys.argv[1] if len(sys.argv) > 1 else HERE.parent / 'sentences.jsonl', 'w', encoding='utf-8') as fh:
    for i, r in enumerate(rows):
        fh.write(json.dumps({"id": i + 1, **r}, ensure_ascii=False) + "\n")
print(len(rows), sum(len(r['figures']) for r in rows), sum(1 for r in rows if not r['figures']), sum(1 for r in rows if r['split']=='heldout'), sum(1 for r in rows if r['split']=='fresh'), sum(len(r['figures']) for r in rows if r['split']=='fresh'), file=sys.stderr)
