"""What the scripts that build kalka's big name tables (gazetteer/build_gazetteer.py,
people/build_surnames.py) share: romanizing by the kalka binary, the English word list, and
writing a table with its header and the counts of what was kept and dropped."""
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))


def romanize(kalka, standard, names):
    """`kalka translit --standard` of each name (one process for all), as name → romanization."""
    result = subprocess.run([kalka, "translit", "--isolated", "--standard", standard], input="\n".join(names) + "\n",
                            capture_output=True, text=True, check=True)
    lines = result.stdout.split("\n")[: len(names)]
    assert len(lines) == len(names), standard
    return dict(zip(names, lines))


def table_rows(relative):
    """The rows of a kalka table (a path under Dictionaries/), split at tabs: no comments, no blank lines."""
    with open(os.path.join(HERE, relative), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and line.strip():
                yield line.rstrip("\n").split("\t")


def english_words():
    """The 40,000 most frequent English words of english/word-classes.tsv, lower case."""
    return {fields[0] for fields in table_rows("english/word-classes.tsv")}


def write_table(path, header, lines, counts):
    """Writes the table (line feeds only, so it is the same bytes everywhere) and prints the counts."""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header + lines) + "\n")
    for key, value in sorted(counts.items()):
        print(f"{key}: {value}")
