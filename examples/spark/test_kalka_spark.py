"""The Spark recipe, run in local mode: its findings must equal a single-process
`kalka check --input-format jsonl --format jsonl` of the same records, field for field.

    KALKA=/path/to/kalka python -m pytest examples/spark   (default: .build/debug/kalka)
"""
import json
import os
import subprocess
import sys

import pytest
from pyspark.sql import SparkSession, types as T

sys.path.insert(0, os.path.dirname(__file__))
import kalka_spark  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
KALKA = os.environ.get("KALKA", os.path.join(ROOT, ".build", "debug", "kalka"))

# Composed sentences with the artifacts kalka finds, and clean ones; cycled into records.
SENTENCES = [
    "Dmitry Kuleba met the mayor of Kharkov on Tuesday.",
    "The ministry said 65 thousand people had been evacuated from the region.",
    "About it reports the press service of the regional administration.",
    "Officials in Kyiv said the talks would resume next week.",
    "The legal and legal guarantees were discussed at the meeting in «Odesa».",
    "Anthony Blinken arrived in Warsaw for talks with his counterpart.",
    "Rescuers worked through the night; the fire was put out by morning.",
    "The price rose to 2,5 million hryvnias, the agency said.",
]


@pytest.fixture(scope="module")
def spark():
    session = (SparkSession.builder.master("local[2]").appName("kalka-test")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate())
    yield session
    session.stop()


def articles():
    rows = []
    for index in range(60):
        text = " ".join(SENTENCES[(index + k) % len(SENTENCES)] for k in range(3))
        fmt = "markdown" if index % 10 == 3 else None
        if fmt:
            text = "# Briefing\n\n" + text.replace("Kyiv", "**Kyiv**")
        date = "2014-03-01" if index % 7 == 0 else None
        rows.append((f"doc-{index:03d}", text, fmt, date, f"site-{index % 3}"))
    # A placeholder date and an unknown format are left out: the article is still checked.
    rows.append(("doc-placeholder", SENTENCES[0], "pdf", "0001-01-01", "site-1"))
    # A text kalka cannot check (a NUL: binary): an error row, the other records unaffected.
    rows.append(("doc-binary", "A text with a \u0000 in it.", None, None, "site-0"))
    return rows


SCHEMA = T.StructType([
    T.StructField("id", T.StringType(), False),
    T.StructField("text", T.StringType(), False),
    T.StructField("format", T.StringType(), True),
    T.StructField("date", T.StringType(), True),
    T.StructField("site", T.StringType(), False),
])


def single_process(rows):
    """The same records through one kalka process, flattened as the Spark job flattens them."""
    archive = b"".join(kalka_spark.record_line(identifier, text, fmt, date) for identifier, text, fmt, date, _ in rows)
    result = subprocess.run([KALKA, "check", "--isolated", "--input-format", "jsonl", "--format", "jsonl", "--fail-on", "never", "-"],
                            input=archive, capture_output=True)
    assert result.returncode == 2, result.stderr.decode()  # the binary record
    findings, errors = [], []
    for line in result.stdout.decode("utf-8").splitlines():
        output = json.loads(line)
        if "error" in output:
            errors.append((output["id"], output["error"]))
        else:
            findings += [kalka_spark.finding_row(kalka_spark.record_id(output["id"]), d) for d in output["diagnostics"]]
    return findings, errors


def test_spark_findings_equal_a_single_process_run(spark, tmp_path):
    rows = articles()
    source = tmp_path / "articles.parquet"
    spark.createDataFrame(rows, SCHEMA).repartition(4).write.parquet(str(source))
    findings, errors = kalka_spark.run(spark, spark.read.parquet(str(source)), str(tmp_path / "out"), KALKA, site_column="site")

    expected_findings, expected_errors = single_process(rows)
    got = sorted(tuple(row) for row in findings.collect())
    assert len(expected_findings) > 100
    assert got == sorted(expected_findings)
    assert sorted((row["id"], row["error"]) for row in errors.collect()) == sorted(expected_errors)
    assert [identifier for identifier, _ in expected_errors] == ["doc-binary"]
    assert any(row[0] == "doc-placeholder" for row in got)

    # The summary counts the findings by site and category.
    summary = {(row["site"], row["category"]): row["count"] for row in spark.read.parquet(str(tmp_path / "out" / "summary")).collect()}
    site_of = {row[0]: row[4] for row in rows}
    counted = {}
    for finding in expected_findings:
        key = (site_of[finding[0]], finding[3])
        counted[key] = counted.get(key, 0) + 1
    assert summary == counted


def test_json_lines_input_and_numeric_ids(spark, tmp_path):
    source = tmp_path / "articles.jsonl"
    with open(source, "w", encoding="utf-8") as f:
        for index, sentence in enumerate(SENTENCES):
            f.write(json.dumps({"id": index, "text": sentence}) + "\n")
    findings, errors = kalka_spark.run(spark, spark.read.json(str(source)), str(tmp_path / "out"), KALKA)
    assert errors.count() == 0
    ids = {row["id"] for row in findings.collect()}
    # Numeric ids come back as written; the clean sentences (3 and 6) have no finding.
    assert ids == {str(i) for i in range(len(SENTENCES)) if i not in (3, 6)}
