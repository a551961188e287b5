#!/usr/bin/env python3
"""How well `kalka report` ranks what an editor should read first, on the annotated real-text
sets beside the repository (../shared/realtext; private, never copied here):

- documents: the AUC of the documents' suspicion (points per 100 words), machine-translated
  articles (mt/) against professional English (clean/);
- sentences: the AUC of every sentence's oddity (the sentence model's bits), and of its score
  (findings and oddity, as the report ranks sentences), the sentences of mt/ that hold a
  garbled-clause annotation against every sentence of clean/ (`kalka report --every-sentence`
  lists them all, those that score zero too).

An AUC is the chance that a random positive ranks above a random negative (ties count half).

Usage: scripts/ranking-auc.py KALKA_BINARY [--realtext DIR]
"""
import argparse, json, os, subprocess, sys, tempfile


def auc(positives, negatives):
    if not positives or not negatives:
        return float("nan")
    ranked = sorted([(s, 1) for s in positives] + [(s, 0) for s in negatives])
    # Mann-Whitney U with average ranks for ties.
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        average = (i + 1 + j) / 2
        rank_sum += average * sum(1 for k in range(i, j) if ranked[k][1] == 1)
        i = j
    n1, n0 = len(positives), len(negatives)
    return (rank_sum - n1 * (n1 + 1) / 2) / (n1 * n0)


def main():
    here = os.path.dirname(os.path.realpath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("kalka")
    parser.add_argument("--realtext", default=os.path.join(here, "..", "..", "shared", "realtext"))
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="kalka-auc-")
    docs = {}
    for group in ("mt", "clean"):
        folder = os.path.join(args.realtext, group)
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".json"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                doc = json.load(f)
            path = os.path.join(tmp, f"{group}-{doc['id']}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(doc["text"])
            docs[path] = (group, doc)
    result = subprocess.run([os.path.abspath(args.kalka), "report", "--isolated", "--format", "json", "--every-sentence", "--top", "100000000", *docs],
                            capture_output=True, text=True, cwd=tmp)
    if result.returncode != 0:
        sys.exit(f"kalka report exited {result.returncode}: {result.stderr[:400]}")
    report = json.loads(result.stdout)
    suspicion = {os.path.realpath(d["path"]): d["suspicion"] for d in report["documents"]}
    doc_pos = [suspicion[os.path.realpath(p)] for p, (g, _) in docs.items() if g == "mt"]
    doc_neg = [suspicion[os.path.realpath(p)] for p, (g, _) in docs.items() if g == "clean"]

    garbled = {}
    for path, (group, doc) in docs.items():
        if group != "mt":
            continue
        text = doc["text"]
        spans = []
        for annotation in doc.get("annotations", []):
            if annotation["category"] != "garbled-clause" or annotation.get("uncertain"):
                continue
            position = -1
            for _ in range(annotation.get("occurrence", 1)):
                position = text.find(annotation["quote"], position + 1)
                if position < 0:
                    break
            if position >= 0:
                start = len(text[:position].encode("utf-8"))
                spans.append((start, start + len(annotation["quote"].encode("utf-8"))))
        garbled[os.path.realpath(path)] = spans
    groups = {os.path.realpath(p): g for p, (g, _) in docs.items()}
    oddity_pos, oddity_neg, score_pos, score_neg = [], [], [], []
    for sentence in report["sentences"]:
        path = os.path.realpath(os.path.join(tmp, sentence["path"]))
        start, end = sentence["start"]["offset"], sentence["end"]["offset"]
        if groups[path] == "clean":
            oddity_neg.append(sentence["oddity"])
            score_neg.append(sentence["score"])
        elif any(s < end and start < e for s, e in garbled.get(path, [])):
            oddity_pos.append(sentence["oddity"])
            score_pos.append(sentence["score"])
    print(f"documents: AUC {auc(doc_pos, doc_neg):.3f} ({len(doc_pos)} machine-translated against {len(doc_neg)} professional, by suspicion per 100 words)")
    print(f"sentences: AUC {auc(oddity_pos, oddity_neg):.3f} by oddity, {auc(score_pos, score_neg):.3f} by score "
          f"({len(oddity_pos)} sentences with a garbled clause against all {len(oddity_neg)} professional sentences)")


if __name__ == "__main__":
    main()
