#!/usr/bin/env python3
"""Builds the English sentence model behind kalka's sentence oddity score (GAR005):

- word-classes.tsv: the most frequent English words (wordfreq 3.1.1) with a coarse word class:
  each function word (english/function-words.txt and the contractions below) is a class of its
  own; every other word gets a content class from its WordNet 3.0 readings (see `coarse`), and a
  flag when one reading is a finite verb.
- class-bigrams.tsv: how often one class follows another in the example sentences and the
  definitions of WordNet 3.0, with sentence start and end as classes of their own.

The classes are the same ones kalka's SentenceOddity assigns to a document's tokens: a capitalised
word inside a sentence (or an unknown one at its start) is a name, figures are a number, a
possessive is a determiner, "," ";" and dashes are breaks, other marks are ignored.

Sources: wordfreq 3.1.1 word frequencies (data CC BY-SA 4.0); WordNet 3.0 (WordNet 3.0 licence,
Princeton University), as installed by Debian's wordnet-base package under /usr/share/wordnet.
Usage: pip download --no-deps wordfreq==3.1.1 && pip install msgpack
       apt-get install wordnet-base
       python3 build_sentence_model.py wordfreq-3.1.1-py3-none-any.whl [/usr/share/wordnet]
(run from Dictionaries/english/).
"""
import collections
import gzip
import re
import sys
import zipfile

import msgpack

VOCABULARY_SIZE = 40000
# Closed-class words function-words.txt leaves out because they only matter here: negated and
# contracted auxiliaries, and the modal and pronoun contractions.
CONTRACTIONS = """
isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't can't cannot
couldn't shouldn't mustn't it's that's there's he's she's what's who's let's i'm you're we're
they're i've you've we've they've i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll
they'll
""".split()
# Function words and contractions that are finite verbs.
FINITE_FUNCTION_WORDS = set("""
is are was were am has have had do does did can could may might must shall should will would
isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't can't cannot
couldn't shouldn't mustn't it's that's there's he's she's what's who's let's i'm you're we're
they're i've you've we've they've i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll
they'll
""".split())
WORD = re.compile(r"^[a-z]+(?:'[a-z]+)?$")
FINITE_TAGS = {"VB", "VBZ", "VBD"}


def wordfreq_words(wheel):
    with zipfile.ZipFile(wheel) as archive:
        data = archive.read("wordfreq/data/large_en.msgpack.gz")
    buckets = msgpack.unpackb(gzip.decompress(data), raw=False)
    chosen = {}
    for words in buckets[1:]:
        for word in words:
            word = word.replace("\u2019", "'")
            if WORD.match(word):
                chosen[word] = True
                if len(chosen) == VOCABULARY_SIZE:
                    return list(chosen)
    return list(chosen)


def read_index(wordnet, part):
    words = set()
    with open(f"{wordnet}/index.{part}", encoding="latin-1") as file:
        for line in file:
            if not line.startswith(" "):
                words.add(line.split(" ", 1)[0])
    return words


def read_exceptions(wordnet, part):
    forms = collections.defaultdict(set)
    with open(f"{wordnet}/{part}.exc", encoding="latin-1") as file:
        for line in file:
            inflected, *bases = line.split()
            forms[inflected].update(bases)
    return forms


class Lexicon:
    def __init__(self, wordnet):
        self.nouns = read_index(wordnet, "noun")
        self.verbs = read_index(wordnet, "verb")
        self.adjectives = read_index(wordnet, "adj")
        self.adverbs = read_index(wordnet, "adv")
        self.noun_exceptions = read_exceptions(wordnet, "noun")
        self.verb_exceptions = read_exceptions(wordnet, "verb")
        self.adjective_exceptions = read_exceptions(wordnet, "adj")

    def tags(self, word):
        tags = set()
        if word in self.nouns:
            tags.add("NN")
        if self.noun_exceptions.get(word, set()) & self.nouns or self._stems(word, [("s", ""), ("ses", "s"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("ies", "y")], self.nouns):
            tags.add("NNS")
        if word in self.verbs:
            tags.add("VB")
        if self._stems(word, [("s", ""), ("es", ""), ("ies", "y")], self.verbs):
            tags.add("VBZ")
        if self._stems(word, [("ed", ""), ("ed", "e"), ("ied", "y")], self.verbs) or self._doubled(word, "ed"):
            tags.add("VBD")
        if self._stems(word, [("ing", ""), ("ing", "e")], self.verbs) or self._doubled(word, "ing"):
            tags.add("VBG")
        for base in self.verb_exceptions.get(word, ()):
            if base in self.verbs:
                tags.add("VBG" if word.endswith("ing") else "VBZ" if word.endswith("s") and not word.endswith("ss") else "VBD")
        if word in self.adjectives or self.adjective_exceptions.get(word, set()) & self.adjectives:
            tags.add("JJ")
        if word in self.adverbs:
            tags.add("RB")
        return tags

    @staticmethod
    def _stems(word, rules, words):
        return any(word.endswith(suffix) and len(word) > len(suffix) + 1 and word[: len(word) - len(suffix)] + ending in words
                   for suffix, ending in rules)

    def _doubled(self, word, suffix):
        # "stopped", "planning": a doubled final consonant before the ending.
        stem = word[: -len(suffix)] if word.endswith(suffix) else ""
        return len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in self.verbs


def word_class(word, function_words, lexicon):
    """(class, finite) of a vocabulary word."""
    if word in function_words:
        return word, word in FINITE_FUNCTION_WORDS
    tags = lexicon.tags(word)
    if not tags:
        return "X", False
    return coarse(tags), bool(tags & FINITE_TAGS)


def coarse(tags):
    """One of eleven content classes: noun/verb ambiguity kept, otherwise the first reading in an
    order that puts the inflected verb forms (which decide clause structure) before the rest."""
    if "NNS" in tags and "VBZ" in tags:
        return "NNS+VBZ"
    if "NN" in tags and "VB" in tags:
        return "NN+VB"
    for tag in ["VBD", "VBG", "NNS", "VBZ", "VB", "NN", "JJ", "RB"]:
        if tag in tags:
            return tag


def examples(wordnet):
    quoted = re.compile(r'"([^"]+)"')
    for part in ["noun", "verb", "adj", "adv"]:
        with open(f"{wordnet}/data.{part}", encoding="latin-1") as file:
            for line in file:
                if line.startswith(" ") or "|" not in line:
                    continue
                gloss = line.split("|", 1)[1]
                for example in quoted.findall(gloss):
                    yield example.strip()
                # The definition itself: phrases rather than sentences, but in plain English order.
                definition = quoted.sub("", gloss).split(";")[0].strip()
                if definition:
                    yield definition


TOKEN = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?|\d+(?:[.,]\d+)*|\s+|.")


def classes_of(sentence, classes):
    """The class sequence of one sentence, as kalka's SentenceOddity assigns it."""
    result = ["<s>"]
    tokens = TOKEN.findall(sentence)
    first_word = True
    for index, token in enumerate(tokens):
        if token.isspace():
            continue
        if token[0].isdigit():
            result.append("NUM")
            first_word = False
        elif token[0].isalpha():
            lower = token.lower().replace("\u2019", "'")
            if token == "I":
                result.append("i")
            elif token[0].isupper() and (not first_word or lower not in classes or (len(token) > 1 and token.isupper())):
                result.append("NAME")
            elif lower in classes:
                result.append(classes[lower])
            elif re.match(r"^[a-z]+'s$", lower):
                result.append("POSS")
            else:
                result.append("UNK")
            first_word = False
        elif token in ",;:" or token in "\u2013\u2014" or (token == "-" and _spaced(tokens, index)):
            if result[-1] != "BREAK" and result[-1] != "<s>":
                result.append("BREAK")
        # Other marks (quotes, brackets, an inner hyphen, the final stop) are transparent.
    if result[-1] == "BREAK":
        result.pop()
    result.append("</s>")
    return result


def _spaced(tokens, index):
    return index > 0 and index + 1 < len(tokens) and tokens[index - 1].isspace() and tokens[index + 1].isspace()


def main():
    wheel = sys.argv[1]
    wordnet = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/wordnet"
    with open("function-words.txt", encoding="utf-8") as file:
        function_words = {line.strip() for line in file if line.strip() and not line.startswith("#")}
    function_words |= set(CONTRACTIONS)
    lexicon = Lexicon(wordnet)
    vocabulary = list(dict.fromkeys(sorted(function_words) + wordfreq_words(wheel)))
    entries = {word: word_class(word, function_words, lexicon) for word in vocabulary}
    classes = {word: entry[0] for word, entry in entries.items()}

    bigrams = collections.Counter()
    sentences = 0
    for example in examples(wordnet):
        sequence = classes_of(example, classes)
        sentences += 1
        bigrams.update(zip(sequence, sequence[1:]))

    with open("word-classes.tsv", "w", encoding="utf-8") as file:
        file.write("# kalka dictionary: English words with a coarse word class, for the sentence oddity score\n")
        file.write("# used by: SentenceOddity (GAR005 odd-sentence); classes: a function word is its own class;\n")
        file.write("#   otherwise the decisive WordNet reading: VBD verb past or participle, VBG verb -ing, NNS plural\n")
        file.write("#   noun, VBZ verb -s, VB verb base, NN noun, JJ adjective, RB adverb, and NN+VB, NNS+VBZ for the\n")
        file.write("#   noun/verb ambiguous; X none (mostly names and foreign words).\n")
        file.write("#   finite: y when one reading is a finite verb\n")
        file.write(f"# meaning: the {VOCABULARY_SIZE} most frequent lowercase words of wordfreq's English list, plus the function words\n")
        file.write("# columns: word\tclass\tfinite\n")
        file.write("# source: wordfreq 3.1.1 (large_en) by Robyn Speer, and WordNet 3.0 (Princeton University); generated by build_sentence_model.py\n")
        file.write("# licence: CC BY-SA 4.0 (wordfreq data); WordNet 3.0 licence (WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.)\n")
        for word in vocabulary:
            word_class_name, finite = entries[word]
            file.write(f"{word}\t{word_class_name}\t{'y' if finite else ''}".rstrip("\t") + "\n")

    with open("class-bigrams.tsv", "w", encoding="utf-8") as file:
        file.write("# kalka dictionary: how often one word class follows another in English example sentences\n")
        file.write("# used by: SentenceOddity (GAR005 odd-sentence); classes as in word-classes.tsv, plus <s> and </s>\n")
        file.write("#   (sentence start and end), NAME (a capitalised word), NUM (figures), POSS (a possessive),\n")
        file.write("#   UNK (an unknown lowercase word) and BREAK (a comma, semicolon, colon or dash)\n")
        file.write(f"# meaning: counts over {sentences} example sentences and definitions from WordNet 3.0's data files\n")
        file.write("# columns: pair\tcount\n")
        file.write("# source: WordNet 3.0 (Princeton University), example sentences and definitions; classes from word-classes.tsv; generated by build_sentence_model.py\n")
        file.write("# licence: WordNet 3.0 licence (WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.)\n")
        for (previous, following), count in sorted(bigrams.items()):
            file.write(f"{previous} {following}\t{count}\n")


if __name__ == "__main__":
    main()
