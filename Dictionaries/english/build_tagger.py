#!/usr/bin/env python3
"""Trains the part-of-speech tagger behind kalka's PartOfSpeechTagger and writes pos-tagger.tsv
(the weights) and pos-tagger-check.tsv (the tags this model gives a few fixed sentences, which a
Swift test asks the Swift tagger to reproduce exactly).

The tagger is an averaged perceptron (Collins 2002; the design of Honnibal's "A good POS tagger in
about 200 lines" and NLTK's PerceptronTagger): greedy, left to right, one of the 17 Universal POS
tags per token, from features of the token, its neighbours and the two tags before it, with a tag
dictionary for frequent words that always have the same tag.

Data: the Universal Dependencies English Web Treebank (UD_English-EWT, CC BY-SA 4.0), release
r2.16. Trained on the train split; the iteration count, the tag dictionary's thresholds and the
pruning were chosen on dev; the accuracy in the header is on test.

Tokens are kalka's, not the treebank's: kalka splits text at ICU's word boundaries, so a word
with an apostrophe inside is one token ("don't", "Ukraine's", "Kyiv’s"), a hyphen is a token of
its own ("well" "-" "known"), and so is every mark of a run ("..." is three). `icu_segments`
reproduces ICU's word-break rules (UAX #29 as ICU 72 tailors them: "@" is a letter, the colon
joins nothing) on each sentence's text, and `icu_tagged` gives each of those tokens a tag:
- a token that is exactly one treebank token (or one multiword token) takes its tag; a multiword
  token takes the tag of its first part, its head: "don't" AUX (do + n't), "it's" PRON
  (it + 's), "Ukraine's" PROPN (Ukraine + 's), "cannot" AUX;
- a piece of a treebank token ICU splits ("Dr." → "Dr" "."; "e-mail" → "e" "-" "mail") keeps
  the token's tag, except a piece without a letter or digit, which is PUNCT (SYM if every
  character is a symbol), unless the token was itself PUNCT or SYM;
- a token ICU joins from several treebank tokens ("5pm" from "5" "pm") takes the first one's tag.
On the treebank's 16,622 sentences this reproduction gives ICU 72's own segmentation exactly
(checked once against the library). The model is trained on these tokens; its accuracy is
reported on them and on the treebank's own tokenization (its syntactic words, "do" "n't").

Features (the Swift side, PartOfSpeechTagger.swift, computes the same ones and must agree: the
check file tests it). Each is a string TEMPLATE + "\x1f" + VALUE, identified in the weights file
by its hash: FNV-1a 64 (offset basis 0xcbf29ce484222325, prime 0x100000001b3) over the string's
UTF-8 bytes, written as 16 lowercase hex digits. For a token t:
- norm(t): t with the apostrophes U+2019, U+2018 and U+02BC written "'", ASCII capitals in
  lower case and ASCII digits as "0"; any other character by its own lower-case mapping
  (Python's str.lower of the one character, Swift's Unicode.Scalar.Properties.lowercaseMapping);
- tail(t, k) and head(t, k): the last and the first k characters (scalars) of norm(t), all of it
  when it is shorter;
- shape(t): the letters, in order, of those that apply: "C" the first character is upper case,
  "U" no character is lower case and two or more are upper case, "D" there is an ASCII digit,
  "H" there is a hyphen-minus, "A" there is an apostrophe (' or U+2019); "x" when none does.
  Upper and lower case are the Unicode Uppercase and Lowercase properties;
- class(t): the class of norm(t) in english/word-classes.tsv: one of CONTENT_CLASSES as it is,
  "F" for a function word's own class, "-" when norm(t) is not there or not ASCII.
A context is a sentence's tokens (spaces are not tokens; kalka also ends one at a paragraph
break). Before its first token stand "-START2-" and "-START-", after its last "-END-" and
"-END2-", each its own norm, tails, heads, shape and class; the tags before the first token are
"-START-" and "-START2-". With w = norm of the token, n-1, n+1… the neighbours' norms and
T-1, T-2 the tags given to the two tokens before it, the features (`Context.features`) are:
bias (empty value); w; s1, s2, s3, s4 (tails); p1, p2, p3 (heads); sh (shape); shf (shape,
"\x1f", "1" for the context's first token or "0"); lc (class); t-1 (T-1); t-2 (T-2); t-2t-1
(T-2 "\x1f" T-1); t-1w (T-1 "\x1f" w); w-1, w-2, w+1, w+2 (neighbours' norms); s3-1, s3+1 (their
tail of 3); sh-1, sh+1 (shapes); lc-1, lc+1 (classes); w-1w (n-1 "\x1f" w); ww+1 (w "\x1f" n+1).
The tag dictionary's key is template "dict" with the norm.

Weights: averaged over the training steps, multiplied by WEIGHT_SCALE and rounded to integers;
a feature is kept when its largest |weight| reaches FEATURE_THRESHOLD, and of a kept feature the
weights that reach WEIGHT_THRESHOLD. A token's tag is the one whose weights add up highest over
its features (ties to the tag first in alphabetical order), unless the tag dictionary has its
norm. In the file, the features of one value are one row, keyed by the hash of the templates'
GROUP (`GROUPS`) rather than of each template: kalka then looks a token's norm up once for its
own w and its neighbours' w-1, w+1, w-2 and w+2.

Usage (from Dictionaries/english/; a minute and a half): python3 build_tagger.py UD_EWT_DIR
where UD_EWT_DIR holds en_ewt-ud-train.conllu, en_ewt-ud-dev.conllu and en_ewt-ud-test.conllu of
release r2.16 (git clone --branch r2.16 https://github.com/UniversalDependencies/UD_English-EWT).
Standard library only; the same inputs give the same bytes (fixed seed, sorted output).
"""
import collections
import os
import random
import sys
import unicodedata

RELEASE = "r2.16"
TAGS = ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
        "PUNCT", "SCONJ", "SYM", "VERB", "X"]
TAG_INDEX = {tag: index for index, tag in enumerate(TAGS)}
SEPARATOR = "\x1f"
START, START2, END, END2 = "-START-", "-START2-", "-END-", "-END2-"

ITERATIONS = 10
SEED = 20240607
# The tag dictionary: a norm seen at least this often in train, with one tag at least this share
# of the time.
TAG_DICT_MINIMUM = 20
TAG_DICT_SHARE = 0.98
# Pruning (chosen on dev): of the averaged weights ×WEIGHT_SCALE, rounded, a feature is kept when
# its largest reaches FEATURE_THRESHOLD, and of a kept feature's weights those that reach
# WEIGHT_THRESHOLD. Costs 0.07 % on dev, and halves the file.
WEIGHT_SCALE = 10
FEATURE_THRESHOLD = 14
WEIGHT_THRESHOLD = 3

# Sentences the check file records (composed for kalka, not taken from the treebank).
CHECK_SENTENCES = [
    "The minister said that talks will resume on Monday.",
    "Ukraine's president didn't sign the well-known bill, officials told Reuters.",
    "Russian forces shelled Kharkiv overnight, killing 3 people and wounding 65,000 residents, the governor said.",
    "\u201cWe will rebuild everything,\u201d Zelensky\u2019s adviser wrote in a Telegram post at 10:30 on 24 February 2022.",
    "Prices rose by 2,5% in March \u2013 the highest rate since 2019 \u2013 according to the central bank's report.",
    "\u00c9lys\u00e9e officials met the OSCE's envoy in Kyiv\u2019s old town to discuss a cease-fire.",
]

# ---------------------------------------------------------------------------------------------
# Reading the treebank

def read_conllu(path):
    """Each sentence as (text, surface tokens): a surface token is (form, [(word, upos)...]),
    several words for a multiword token ("don't": do, n't)."""
    sentences = []
    text, rows = None, []
    with open(path, encoding="utf-8") as file:
        for line in file:
            line = line.rstrip("\n")
            if line.startswith("# text = "):
                text = line[len("# text = "):]
            elif line.startswith("#"):
                continue
            elif not line:
                if rows:
                    sentences.append((text, surface_tokens(rows)))
                text, rows = None, []
            else:
                rows.append(line.split("\t"))
    if rows:
        sentences.append((text, surface_tokens(rows)))
    return sentences


def surface_tokens(rows):
    tokens = []
    inside_until = 0
    for row in rows:
        identifier = row[0]
        if "." in identifier:  # an empty node of the enhanced graph
            continue
        if "-" in identifier:
            inside_until = int(identifier.split("-")[1])
            tokens.append((row[1], []))
            continue
        if int(identifier) <= inside_until:
            tokens[-1][1].append((row[1], row[3]))
        else:
            tokens.append((row[1], [(row[1], row[3])]))
    return tokens


def ud_tagged(sentence):
    """The treebank's own tokenization: its syntactic words and their tags."""
    return [(word, tag) for _, words in sentence[1] for word, tag in words]

# ---------------------------------------------------------------------------------------------
# ICU's word boundaries

MID_NUM_LET = set(".'\u2018\u2019\u2024\uFE52\uFF07\uFF0E")  # with the single quote
MID_LETTER = set("\u00B7\u0387\u055F\u05F4\u2027\uFE13")  # ICU drops the colons
MID_NUM = set(",;\u037E\u0589\u060C\u060D\u066C\u07F8\u2044\uFE10\uFE14\uFE50\uFE54\uFF0C\uFF1B")
NEWLINES = set("\n\r\x0b\x0c\x85\u2028\u2029")


def break_class(character):
    if character in MID_NUM_LET:
        return "MidNumLet"
    if character in MID_LETTER:
        return "MidLetter"
    if character in MID_NUM:
        return "MidNum"
    if character in NEWLINES:
        return "Newline"
    category = unicodedata.category(character)
    if category == "Nd":
        return "Numeric"
    if character == "@" or character.isalpha():
        return "ALetter"
    if category in ("Mn", "Me", "Mc") or character in "\u200c\u200d" or (category == "Cf" and character != "\u200b"):
        return "Extend"
    if category == "Pc" or character == "\u202f":
        return "ExtendNumLet"
    if category == "Zs" and character not in "\u00a0\u202f":
        return "Space"
    return "Other"


def icu_segments(text):
    """(start, end) of each segment ICU's word break iterator gives `text` (spaces included)."""
    marks = []  # (class, start) of each character that is not an Extend joined to the one before
    for index, character in enumerate(text):
        kind = break_class(character)
        if kind == "Extend" and marks and marks[-1][0] != "Newline":
            continue
        marks.append((kind, index))
    segments = []
    start = 0
    for j in range(1, len(marks)):
        a, b = marks[j - 1][0], marks[j][0]
        after = marks[j + 1][0] if j + 1 < len(marks) else None
        before = marks[j - 2][0] if j >= 2 else None
        joined = (
            (a in ("ALetter", "Numeric") and b in ("ALetter", "Numeric"))
            or (a == "ALetter" and b in ("MidLetter", "MidNumLet") and after == "ALetter")
            or (a in ("MidLetter", "MidNumLet") and b == "ALetter" and before == "ALetter")
            or (a == "Numeric" and b in ("MidNum", "MidNumLet") and after == "Numeric")
            or (a in ("MidNum", "MidNumLet") and b == "Numeric" and before == "Numeric")
            or (b == "ExtendNumLet" and a in ("ALetter", "Numeric", "ExtendNumLet"))
            or (a == "ExtendNumLet" and b in ("ALetter", "Numeric"))
            or (a == "Space" and b == "Space"))
        if not joined:
            segments.append((marks[start][1], marks[j][1]))
            start = j
    if marks:
        segments.append((marks[start][1], len(text)))
    return segments


def icu_tagged(sentence):
    """The sentence as kalka's tokens, each with a tag (see the module's docstring)."""
    text, tokens = sentence
    owner = [None] * len(text)
    position = 0
    for index, (form, _) in enumerate(tokens):
        while position < len(text) and text[position].isspace():
            position += 1
        assert text[position:position + len(form)] == form, (text, form)
        owner[position:position + len(form)] = [index] * len(form)
        position += len(form)
    tagged = []
    for start, end in icu_segments(text):
        piece = text[start:end]
        if piece.isspace():
            continue
        owners = sorted({index for index in owner[start:end] if index is not None})
        form, words = tokens[owners[0]]
        tag = words[0][1]
        if len(owners) == 1 and piece != form and tag not in ("PUNCT", "SYM") and not any(c.isalnum() for c in piece):
            tag = "SYM" if all(unicodedata.category(c).startswith("S") for c in piece) else "PUNCT"
        tagged.append((piece, tag))
    return tagged

# ---------------------------------------------------------------------------------------------
# Features

APOSTROPHES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'"}


def norm(token):
    if token in (START, START2, END, END2):
        return token
    out = []
    for character in token:
        if character in APOSTROPHES:
            out.append("'")
        elif character < "\x80":
            if "A" <= character <= "Z":
                out.append(chr(ord(character) + 32))
            elif "0" <= character <= "9":
                out.append("0")
            else:
                out.append(character)
        else:
            out.append(character.lower())
    return "".join(out)


def shape(token):
    if token in (START, START2, END, END2):
        return token
    upper = sum(1 for c in token if c.isupper())
    flags = ""
    if token[:1].isupper():
        flags += "C"
    if upper >= 2 and not any(c.islower() for c in token):
        flags += "U"
    if any("0" <= c <= "9" for c in token):
        flags += "D"
    if "-" in token:
        flags += "H"
    if "'" in token or "\u2019" in token:
        flags += "A"
    return flags or "x"


def tail(value, count):
    """The last `count` characters of a norm (a padding's whole)."""
    return value if value in (START, START2, END, END2) else value[-count:]


def head(value, count):
    return value if value in (START, START2, END, END2) else value[:count]


# english/word-classes.tsv's content classes; any other class is a function word's own ("F").
CONTENT_CLASSES = {"NN", "NNS", "NN+VB", "NNS+VBZ", "VB", "VBD", "VBG", "VBZ", "JJ", "RB", "X"}


def read_word_classes(path):
    classes = {}
    with open(path, encoding="utf-8") as file:
        for line in file:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            classes[fields[0]] = fields[1] if fields[1] in CONTENT_CLASSES else "F"
    return classes


WORD_CLASSES = read_word_classes(os.path.join(os.path.dirname(os.path.abspath(__file__)), "word-classes.tsv"))


def word_class(value):
    """A norm's class in english/word-classes.tsv: "-" when it is not there (or not ASCII)."""
    if value in (START, START2, END, END2):
        return value
    return WORD_CLASSES.get(value, "-") if value.isascii() else "-"


class Context:
    """A sentence's tokens and what the features read of each, padded at both ends."""

    def __init__(self, tokens):
        padded = [START2, START] + list(tokens) + [END, END2]
        self.norms = [norm(token) for token in padded]
        self.suffixes = [tail(value, 3) for value in self.norms]
        self.shapes = [shape(token) for token in padded]
        self.classes = [word_class(value) for value in self.norms]

    def features(self, i, previous, previous2):
        """Token i's features (i counts the real tokens from 0)."""
        j = i + 2
        n, s, h, c = self.norms, self.suffixes, self.shapes, self.classes
        w = n[j]
        return [
            "bias" + SEPARATOR,
            "w" + SEPARATOR + w,
            "s3" + SEPARATOR + s[j],
            "s1" + SEPARATOR + tail(w, 1),
            "s2" + SEPARATOR + tail(w, 2),
            "s4" + SEPARATOR + tail(w, 4),
            "p1" + SEPARATOR + head(w, 1),
            "p2" + SEPARATOR + head(w, 2),
            "p3" + SEPARATOR + head(w, 3),
            "sh" + SEPARATOR + h[j],
            "shf" + SEPARATOR + h[j] + SEPARATOR + ("1" if i == 0 else "0"),
            "lc" + SEPARATOR + c[j],
            "t-1" + SEPARATOR + previous,
            "t-2" + SEPARATOR + previous2,
            "t-2t-1" + SEPARATOR + previous2 + SEPARATOR + previous,
            "t-1w" + SEPARATOR + previous + SEPARATOR + w,
            "w-1" + SEPARATOR + n[j - 1],
            "s3-1" + SEPARATOR + s[j - 1],
            "w-2" + SEPARATOR + n[j - 2],
            "w+1" + SEPARATOR + n[j + 1],
            "s3+1" + SEPARATOR + s[j + 1],
            "w+2" + SEPARATOR + n[j + 2],
            "sh-1" + SEPARATOR + h[j - 1],
            "sh+1" + SEPARATOR + h[j + 1],
            "lc-1" + SEPARATOR + c[j - 1],
            "lc+1" + SEPARATOR + c[j + 1],
            "w-1w" + SEPARATOR + n[j - 1] + SEPARATOR + w,
            "ww+1" + SEPARATOR + w + SEPARATOR + n[j + 1],
        ]


def fnv1a64(text):
    value = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return value

# ---------------------------------------------------------------------------------------------
# The perceptron

class Perceptron:
    """Weights by feature (a dict of tag index → weight), averaged lazily over every step."""

    def __init__(self):
        self.weights = {}
        self.totals = collections.defaultdict(int)
        self.stamps = collections.defaultdict(int)
        self.step = 0

    def scores(self, features):
        scores = [0] * len(TAGS)
        for feature in features:
            weights = self.weights.get(feature)
            if weights:
                for tag, weight in weights.items():
                    scores[tag] += weight
        return scores

    def update(self, truth, guess, features):
        self.step += 1
        if truth == guess:
            return
        for feature in features:
            weights = self.weights.setdefault(feature, {})
            for tag, change in ((truth, 1), (guess, -1)):
                key = (feature, tag)
                weight = weights.get(tag, 0)
                self.totals[key] += (self.step - self.stamps[key]) * weight
                self.stamps[key] = self.step
                weights[tag] = weight + change

    def averaged(self):
        """Each weight averaged over every step, as a float."""
        result = {}
        for feature, weights in self.weights.items():
            averaged = {}
            for tag, weight in weights.items():
                key = (feature, tag)
                total = self.totals[key] + (self.step - self.stamps[key]) * weight
                if total:
                    averaged[tag] = total / self.step
            if averaged:
                result[feature] = averaged
        return result


def best(scores):
    """The highest score's tag index; ties to the first."""
    top = 0
    for tag in range(1, len(scores)):
        if scores[tag] > scores[top]:
            top = tag
    return top


def make_tag_dictionary(sentences):
    counts = collections.defaultdict(collections.Counter)
    for sentence in sentences:
        for token, tag in sentence:
            counts[norm(token)][tag] += 1
    dictionary = {}
    for word, tags in counts.items():
        tag, count = tags.most_common(1)[0]
        total = sum(tags.values())
        if total >= TAG_DICT_MINIMUM and count / total >= TAG_DICT_SHARE:
            dictionary[word] = TAG_INDEX[tag]
    return dictionary


def tag_sentence(tokens, score, dictionary):
    """Greedy tagging with a scoring function (features → scores)."""
    context = Context(tokens)
    previous, previous2 = START, START2
    tags = []
    for i in range(len(tokens)):
        tag = dictionary.get(context.norms[i + 2])
        if tag is None:
            tag = best(score(context.features(i, previous, previous2)))
        tags.append(tag)
        previous2, previous = previous, TAGS[tag]
    return tags


def train(sentences, dictionary, iterations):
    model = Perceptron()
    order = list(sentences)
    shuffler = random.Random(SEED)
    for _ in range(iterations):
        for sentence in order:
            tokens = [token for token, _ in sentence]
            context = Context(tokens)
            previous, previous2 = START, START2
            for i, (_, gold) in enumerate(sentence):
                truth = TAG_INDEX[gold]
                guess = dictionary.get(context.norms[i + 2])
                if guess is None:
                    features = context.features(i, previous, previous2)
                    guess = best(model.scores(features))
                    model.update(truth, guess, features)
                previous2, previous = previous, TAGS[guess]
        shuffler.shuffle(order)
    return model

# ---------------------------------------------------------------------------------------------
# The integer model, as kalka reads it

# The weights file's rows: the features of the templates of a group that share a value are one
# row, keyed by the hash of GROUP "\x1f" VALUE, so that kalka looks a token's norm up once for
# its own w and its neighbours' w-1, w+1, w-2, w+2 (and likewise its suffix, its shape, a pair of
# neighbours).
GROUPS = {
    "bias": "bias", "w": "w", "w-1": "w", "w+1": "w", "w-2": "w", "w+2": "w", "s1": "s1", "s2": "s2", "s3": "s3",
    "s3-1": "s3", "s3+1": "s3", "s4": "s4", "p1": "p1", "p2": "p2", "p3": "p3", "sh": "sh", "sh-1": "sh",
    "sh+1": "sh", "shf": "shf", "lc": "lc", "lc-1": "lc", "lc+1": "lc", "t-1": "t-1", "t-2": "t-2",
    "t-2t-1": "t-2t-1", "t-1w": "t-1w", "w-1w": "ww", "ww+1": "ww",
}
TEMPLATE_ORDER = {template: index for index, template in enumerate(GROUPS)}


class IntegerModel:
    def __init__(self, averaged, dictionary):
        self.rows = {}
        self.kept = {}  # feature string → its kept weights
        for feature, weights in averaged.items():
            scaled = {tag: round(weight * WEIGHT_SCALE) for tag, weight in weights.items()}
            if max(abs(weight) for weight in scaled.values()) < FEATURE_THRESHOLD:
                continue
            kept = {tag: weight for tag, weight in scaled.items() if abs(weight) >= WEIGHT_THRESHOLD}
            if kept:
                key = fnv1a64(feature)
                assert key not in self.rows and key != 0, f"hash collision: {feature!r}"
                self.rows[key] = kept
                self.kept[feature] = kept
        self.dictionary = {}
        for word, tag in dictionary.items():
            key = fnv1a64("dict" + SEPARATOR + word)
            assert key not in self.rows and key not in self.dictionary, f"hash collision: {word!r}"
            self.dictionary[key] = tag
        self.cache = {}

    def key(self, feature):
        key = self.cache.get(feature)
        if key is None:
            key = self.cache[feature] = fnv1a64(feature)
        return key

    def scores(self, features):
        scores = [0] * len(TAGS)
        for feature in features:
            row = self.rows.get(self.key(feature))
            if row:
                for tag, weight in row.items():
                    scores[tag] += weight
        return scores

    def tag(self, tokens):
        context = Context(tokens)
        previous, previous2 = START, START2
        tags = []
        for i in range(len(tokens)):
            tag = self.dictionary.get(self.key("dict" + SEPARATOR + context.norms[i + 2]))
            if tag is None:
                tag = best(self.scores(context.features(i, previous, previous2)))
            tags.append(tag)
            previous2, previous = previous, TAGS[tag]
        return tags


def grouped_rows(integer):
    """The weights file's rows: (key, "TEMPLATE:TAG=WEIGHT,TAG=WEIGHT TEMPLATE:…") per group and value."""
    groups, names = collections.defaultdict(list), {}
    for feature, weights in integer.kept.items():
        template, value = feature.split(SEPARATOR, 1)
        name = GROUPS[template] + SEPARATOR + value
        key = fnv1a64(name)
        assert names.setdefault(key, name) == name and key != 0 and key not in integer.dictionary, f"hash collision: {name!r}"
        pairs = ",".join(f"{TAGS[tag]}={weight}" for tag, weight in sorted(weights.items()))
        groups[key].append((TEMPLATE_ORDER[template], f"{template}:{pairs}"))
    return [(key, " ".join(text for _, text in sorted(features))) for key, features in groups.items()]


def accuracy(tagger, sentences, words_only=False):
    right = total = 0
    for sentence in sentences:
        tags = tagger([token for token, _ in sentence])
        for (token, gold), tag in zip(sentence, tags):
            if words_only and not any(c.isalnum() for c in token):
                continue
            total += 1
            right += TAGS[tag] == gold
    return right / total, total

# ---------------------------------------------------------------------------------------------

def training_sentences(icu, ud):
    """The ICU-token sentences, and the treebank's tokenization of each one where it differs (so
    the tagger also knows "do" "n't"): both at once cost the ICU tokens 0.1 % on dev, and gain the
    treebank's words 1.8 %."""
    extra = [words for words, tokens in zip(ud, icu) if [w for w, _ in words] != [t for t, _ in tokens]]
    return icu + extra


def tokens_of(text):
    return [text[start:end] for start, end in icu_segments(text) if not text[start:end].isspace()]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    folder = sys.argv[1]
    splits = {name: read_conllu(os.path.join(folder, f"en_ewt-ud-{name}.conllu")) for name in ("train", "dev", "test")}
    icu = {name: [icu_tagged(sentence) for sentence in sentences] for name, sentences in splits.items()}
    ud = {name: [ud_tagged(sentence) for sentence in sentences] for name, sentences in splits.items()}
    training = training_sentences(icu["train"], ud["train"])
    print(f"train: {len(icu['train'])} sentences, {sum(map(len, icu['train']))} ICU tokens, {sum(map(len, ud['train']))}"
          f" UD words; {len(training)} training sentences")

    dictionary = make_tag_dictionary(icu["train"])
    print(f"tag dictionary: {len(dictionary)} words")
    averaged = train(training, dictionary, ITERATIONS).averaged()
    integer = IntegerModel(averaged, dictionary)
    results = {}
    for name in ("dev", "test"):
        results[name] = {
            "icu": accuracy(integer.tag, icu[name]),
            "icu-words": accuracy(integer.tag, icu[name], words_only=True),
            "ud": accuracy(integer.tag, ud[name]),
        }
        for kind, (value, total) in results[name].items():
            print(f"{name} {kind}: {value * 100:.2f} % of {total}")
    print(f"features: {len(averaged)} averaged, {len(integer.rows)} kept")

    test = results["test"]
    lines = [
        "# kalka dictionary: averaged-perceptron weights for Universal POS tagging",
        "# used by: PartOfSpeechTagger (the pattern rules' POS tests)",
        "# columns: feature\tweights",
        "#   feature: 16 hex digits, the FNV-1a 64 hash (offset basis cbf29ce484222325, prime 100000001b3) of the",
        "#     UTF-8 bytes of GROUP, the byte 1F, VALUE: the features of one value whose templates share a group",
        "#     (w for w, w-1, w+1, w-2, w+2; s3 for s3, s3-1, s3+1; sh, lc likewise; ww for w-1w and ww+1; any other",
        "#     template is its own group) are one row (templates and values: build_tagger.py's docstring and",
        "#     PartOfSpeechTagger.swift). Group \"dict\" (VALUE a token's norm) is the tag dictionary.",
        "#   weights: TEMPLATE:TAG=WEIGHT,TAG=WEIGHT… for each feature, separated by spaces (other tags weigh 0);",
        "#     for the tag dictionary, the token's tag outright. A token's tag is the one whose weights add up",
        "#     highest over its features, ties to the first tag in alphabetical order",
        f"# tags: {' '.join(TAGS)}",
        f"# source: Universal Dependencies English Web Treebank (UD_English-EWT, release {RELEASE}), train split;"
        " trained by build_tagger.py, with the word classes of english/word-classes.tsv as features",
        "# licence: CC BY-SA 4.0 (UD_English-EWT annotations © 2013-2021 The Board of Trustees of The Leland Stanford"
        " Junior University; english/word-classes.tsv: CC BY-SA 4.0 and the WordNet 3.0 licence, WordNet 3.0"
        " Copyright 2006 by Princeton University. All rights reserved.)",
        f"# accuracy: test split, {test['icu'][0] * 100:.2f} % of {test['icu'][1]} kalka (ICU) tokens"
        f" ({test['icu-words'][0] * 100:.2f} % of the {test['icu-words'][1]} with a letter or digit);"
        f" {test['ud'][0] * 100:.2f} % of the treebank's {test['ud'][1]} words in its own tokenization",
        f"# model: {ITERATIONS} iterations (seed {SEED}), weights ×{WEIGHT_SCALE} rounded; a feature kept when its largest"
        f" |weight| ≥ {FEATURE_THRESHOLD} ({len(integer.rows)} of {len(averaged)}), its weights when ≥ {WEIGHT_THRESHOLD}; tag dictionary: a norm seen {TAG_DICT_MINIMUM} times or"
        f" more with one tag {TAG_DICT_SHARE:.0%} of the time ({len(integer.dictionary)} words)",
    ]
    rows = [(key, TAGS[tag]) for key, tag in integer.dictionary.items()]
    rows.extend(grouped_rows(integer))
    rows.sort()
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "pos-tagger.tsv"), "w", encoding="utf-8", newline="\n") as file:
        file.write("\n".join(lines) + "\n")
        for key, value in rows:
            file.write(f"{key:016x}\t{value}\n")

    check = [
        "# kalka dictionary: the tags build_tagger.py's model gives a few sentences, which the Swift tagger must repeat",
        "# used by: PartOfSpeechTaggerTests",
        "# columns: sentence\ttokens\ttags",
        "#   sentence: composed for kalka (not from the treebank); tokens: its tokens (build_tagger.py's ICU word",
        "#   boundaries, spaces left out) separated by spaces; tags: one Universal POS tag per token",
        "# source: build_tagger.py, with the model of pos-tagger.tsv",
        "# licence: CC BY-SA 4.0 (the model's: UD_English-EWT)",
    ]
    for sentence in CHECK_SENTENCES:
        tokens = tokens_of(sentence)
        tags = " ".join(TAGS[tag] for tag in integer.tag(tokens))
        check.append(f"{sentence}\t{' '.join(tokens)}\t{tags}")
        print(f"check: {' '.join(tokens)}\n    → {tags}")
    with open(os.path.join(here, "pos-tagger-check.tsv"), "w", encoding="utf-8", newline="\n") as file:
        file.write("\n".join(check) + "\n")
    print(f"pos-tagger.tsv: {os.path.getsize(os.path.join(here, 'pos-tagger.tsv'))} bytes, {len(rows)} rows")


if __name__ == "__main__":
    main()
