import csv, json, re, random
from collections import OrderedDict
random.seed(20)
NUMW = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|dozens|hundreds|thousands|several|few|couple)"
NUM = re.compile(rf"\d[\d,.\u00a0\u202f ]*\d|\d|\b{NUMW}(?:[\s-]+{NUMW})*\b", re.I)
cols = ['yemen-2023','us-russia-2024','israel-hamas-2025','sudan-2023','armenia-azerbaijan-2023','russia-ukraine-2026','venezuela-us-2025']
quotes = OrderedDict()
for d in cols:
    for row in csv.DictReader(open(f'data/{d}/claims.csv', encoding='utf-8')):
        q = row['quote']
        quotes.setdefault(q, {'collection': d, 'url': row['url'], 'rows': []})['rows'].append(row)
items = list(quotes.items())
# keep all non-Hamas quotes; a sample of Hamas quotes
keep = [it for it in items if it[1]['collection'] != 'israel-hamas-2025']
hamas = [it for it in items if it[1]['collection'] == 'israel-hamas-2025']
keep += random.sample(hamas, 110)
out = []
for q, info in keep:
    figs = []
    for row in info['rows']:
        v = row['value']
        at = q.find(v)
        if at < 0: continue
        if any(f['start'] == at and f['text'] == v for f in figs): continue
        figs.append({'text': v, 'start': at, 'kind': row['kind'], 'speaker': row['speaker'], 'series': row['series']})
    covered = [(f['start'], f['start'] + len(f['text'])) for f in figs]
    other = []
    for m in NUM.finditer(q):
        if not any(s <= m.start() < e for s, e in covered):
            other.append((m.start(), m.group()))
    out.append({'sentence': q, 'url': info['url'], 'collection': info['collection'], 'gold': figs, 'other': other})
json.dump(out, open(__import__('pathlib').Path(__file__).resolve().parent / 'draft.json', 'w'), ensure_ascii=False, indent=0)
print(len(out), sum(len(o['gold']) for o in out), sum(len(o['other']) for o in out))
print(sum(1 for o in out if o['other']))
