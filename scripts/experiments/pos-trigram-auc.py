#!/usr/bin/env python3
"""Experiment (issue 17, item 4): does a part-of-speech trigram model tell garbled MT sentences
from professional English better than the sentence model's oddity?

Tags every sentence of the annotated real-text sets (../shared/realtext, private, never copied
here) with the weights of Dictionaries/english/pos-tagger.tsv (reproducing PartOfSpeechTagger in
Python through build_tagger.py), scores each by the surprisal of its tag trigrams under a model
counted from the tagger's own tags of a UD English-EWT split, and prints the AUC of several
sentence scores: the sentences of mt/ holding a garbled-clause annotation against every sentence
of clean/ (`kalka report --every-sentence` gives the sentences; `oddity` and `score` are the
report's own, for comparison; `len` is the token count, a baseline).

Result on 2026-12-07 (EWT dev + test as training data): max 0.547, top3 0.587, mean 0.441,
against oddity 0.528, score 0.641 and length alone 0.576. Tag sequences do not separate the
garbled clauses: they are made of ordinary tag sequences.

Usage: scripts/experiments/pos-trigram-auc.py KALKA_BINARY UD_EWT_DIR [--realtext DIR]
"""
import sys, os, json, math, collections, subprocess, tempfile, argparse
here = os.path.dirname(os.path.realpath(__file__))
parser = argparse.ArgumentParser()
parser.add_argument("kalka")
parser.add_argument("ewt")
parser.add_argument("--realtext", default=os.path.join(here, "..", "..", "..", "shared", "realtext"))
args = parser.parse_args()
sys.path.insert(0, os.path.join(here, "..", "..", "Dictionaries", "english"))
import build_tagger as bt
bt_dir = os.path.join(here, '..', '..', 'Dictionaries', 'english')
# word classes global
if hasattr(bt, 'read_word_classes'):
    r = bt.read_word_classes(os.path.join(bt_dir, 'word-classes.tsv'))
    if r is not None and hasattr(bt, 'WORD_CLASSES'): bt.WORD_CLASSES = r
# load weights
rows = {}; dictionary = {}
for line in open(os.path.join(bt_dir, 'pos-tagger.tsv'), encoding='utf-8'):
    if line.startswith('#'): continue
    key, value = line.rstrip('\n').split('\t')
    key = int(key, 16)
    if value in bt.TAG_INDEX: dictionary[key] = bt.TAG_INDEX[value]; continue
    templates = {}
    for part in value.split(' '):
        t, pairs = part.split(':', 1)
        templates[t] = {bt.TAG_INDEX[p.split('=')[0]]: int(p.split('=')[1]) for p in pairs.split(',')}
    rows[key] = templates
cache = {}
def h(s):
    v = cache.get(s)
    if v is None: v = cache[s] = bt.fnv1a64(s)
    return v
def scores(features):
    sc = [0]*len(bt.TAGS)
    for f in features:
        t, val = f.split(bt.SEPARATOR, 1)
        row = rows.get(h(bt.GROUPS[t] + bt.SEPARATOR + val))
        if row and t in row:
            for tag, w in row[t].items(): sc[tag] += w
    return sc
def tag(tokens):
    c = bt.Context(tokens); prev, prev2 = bt.START, bt.START2; out = []
    for i in range(len(tokens)):
        tg = dictionary.get(h('dict' + bt.SEPARATOR + c.norms[i+2]))
        if tg is None: tg = bt.best(scores(c.features(i, prev, prev2)))
        out.append(tg); prev2, prev = prev, bt.TAGS[tg]
    return out
# check accuracy on test quickly
test = [bt.icu_tagged(s) for s in bt.read_conllu(os.path.join(args.ewt, 'en_ewt-ud-test.conllu'))]
right=tot=0
for s in test[:400]:
    tg = tag([t for t,_ in s])
    for (t,g),p in zip(s,tg): tot+=1; right += bt.TAGS[p]==g
print('tagger acc on 400 test sents', right/tot, file=sys.stderr)
# trigram model counted from the tagger's own tags of dev + test (its errors as on real text)
train = [bt.icu_tagged(s) for s in bt.read_conllu(os.path.join(args.ewt, 'en_ewt-ud-dev.conllu'))] + test
TAGS = bt.TAGS + ['<s>', '</s>']
def seqs(tagseq): return ['<s>', '<s>'] + tagseq + ['</s>']
tri = collections.Counter(); bi = collections.Counter(); uni = collections.Counter()
for s in train:
    q = seqs([bt.TAGS[t] for t in tag([w for w, _ in s])])
    for i in range(2, len(q)):
        tri[(q[i-2], q[i-1], q[i])] += 1; bi[(q[i-1], q[i])] += 1; uni[q[i]] += 1
ctx2 = collections.Counter(); ctx1 = collections.Counter()
for (a,b,c),n in tri.items(): ctx2[(a,b)] += n
for (b,c),n in bi.items(): ctx1[b] += n
N = sum(uni.values()); V = len(bt.TAGS) + 1
def prob(a,b,c):
    # interpolated with add-0.1 smoothing
    p1 = (uni[c] + 0.1) / (N + 0.1*V)
    p2 = (bi[(b,c)] + 0.1*p1*V) / (ctx1[b] + 0.1*V) if ctx1[b] else p1
    p3 = (tri[(a,b,c)] + 1.0*p2) / (ctx2[(a,b)] + 1.0) if ctx2[(a,b)] else p2
    return 0.7*p3 + 0.25*p2 + 0.05*p1
def surprisals(tokens):
    tg = [bt.TAGS[t] for t in tag(tokens)]
    q = seqs(tg)
    return [-math.log2(prob(q[i-2], q[i-1], q[i])) for i in range(2, len(q))], tg
# realtext sentences via kalka report --every-sentence
tmp = tempfile.mkdtemp(); docs = {}
for group in ('mt','clean'):
    folder = os.path.join(args.realtext, group)
    for name in sorted(os.listdir(folder)):
        if not name.endswith('.json'): continue
        d = json.load(open(os.path.join(folder, name)))
        p = os.path.join(tmp, f'{group}-{d["id"]}.txt'); open(p, 'w', encoding='utf-8').write(d['text']); docs[p] = (group, d)
r = subprocess.run([os.path.abspath(args.kalka),'report','--isolated','--format','json','--every-sentence','--top','100000000',*docs], capture_output=True, text=True)
rep = json.loads(r.stdout)
garbled = {}
for p,(g,d) in docs.items():
    if g!='mt': continue
    text=d['text']; spans=[]
    for a in d.get('annotations',[]):
        if a['category']!='garbled-clause' or a.get('uncertain'): continue
        pos=-1
        for _ in range(a.get('occurrence',1)):
            pos=text.find(a['quote'],pos+1)
            if pos<0: break
        if pos>=0:
            st=len(text[:pos].encode()); spans.append((st, st+len(a['quote'].encode())))
    garbled[p]=spans
def auc(pos,neg):
    ranked=sorted([(s,1) for s in pos]+[(s,0) for s in neg]); rs=0;i=0
    while i<len(ranked):
        j=i
        while j<len(ranked) and ranked[j][0]==ranked[i][0]: j+=1
        avg=(i+1+j)/2; rs+=avg*sum(1 for k in range(i,j) if ranked[k][1]==1); i=j
    n1,n0=len(pos),len(neg); return (rs-n1*(n1+1)/2)/(n1*n0)
feats = collections.defaultdict(lambda: ([],[]))
for s in rep['sentences']:
    p = s['path']; g = docs[p][0]
    st,en = s['start']['offset'], s['end']['offset']
    if g=='clean': label=0
    elif any(a<en and st<b for a,b in garbled.get(p,[])): label=1
    else: continue
    toks = bt.tokens_of(s['text'])
    if not toks: continue
    sp, tg = surprisals(toks)
    n = len(sp)
    top = sorted(sp, reverse=True)
    f = {'max': top[0], 'top2': sum(top[:2]), 'top3': sum(top[:3]), 'mean': sum(sp)/n, 'sum_over6': sum(max(0,x-6) for x in sp),
         'sum_over8': sum(max(0,x-8) for x in sp), 'oddity': s['oddity'], 'score': s['score'], 'len': n,
         'over6_per_tok': sum(max(0,x-6) for x in sp)/n}
    for k,v in f.items(): feats[k][label].append(v)
for k,(neg,pos) in feats.items():
    print(f'{k:14} AUC {auc(pos,neg):.3f}  pos {len(pos)} neg {len(neg)}')
