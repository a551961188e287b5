"""Runs kalka over a table of articles on Apache Spark.

The articles are a DataFrame (read from Parquet or JSON Lines) with an id column and a text column,
and optionally `format`, `date` and a column naming the source site (a `format` other than plain,
markdown or html, or a date kalka would refuse, is left out rather than costing the article its
check). Each partition is streamed
through one `kalka check --input-format jsonl --format jsonl` process on its executor: the rows go
in as JSON Lines records, one output line per record comes back in the same order, and each
finding becomes a row. The kalka binary reaches the executors the Spark way, as a file added to
the job (`--files kalka` or `SparkContext.addFile`), so nothing is installed on the workers.

Writes, under OUTPUT:
  findings/   one row per finding: record id, rule, pattern, category, severity, byte offsets,
              line and column, message, fix title and its edits (JSON)
  errors/     one row per record kalka could not check: record id, line in the partition, message
  summary/    findings by source site and category

    spark-submit --files /path/to/kalka examples/spark/kalka_spark.py \
        --input articles.parquet --output findings-out --site-column site

`--kalka PATH` ships the binary itself (SparkContext.addFile), instead of `--files`.
"""
import argparse
import datetime
import json
import os
import subprocess
import threading

from pyspark import SparkFiles, StorageLevel
from pyspark.sql import SparkSession, functions as F, types as T

FINDINGS = T.StructType([
    T.StructField("id", T.StringType(), False),
    T.StructField("rule", T.StringType(), False),
    T.StructField("pattern", T.StringType(), True),
    T.StructField("category", T.StringType(), False),
    T.StructField("severity", T.StringType(), False),
    T.StructField("start_offset", T.LongType(), False),
    T.StructField("end_offset", T.LongType(), False),
    T.StructField("start_line", T.LongType(), False),
    T.StructField("start_column", T.LongType(), False),
    T.StructField("message", T.StringType(), False),
    T.StructField("fix_title", T.StringType(), True),
    T.StructField("fix_edits", T.StringType(), True),
])

ERRORS = T.StructType([
    T.StructField("id", T.StringType(), True),
    T.StructField("line", T.LongType(), False),
    T.StructField("error", T.StringType(), False),
])


def record_id(value):
    """A record id as a string: a JSON string's value, a number as written."""
    return value if isinstance(value, str) else json.dumps(value)


def finding_row(record_id_text, diagnostic):
    """One finding of kalka's JSON Lines output as a row of FINDINGS."""
    fix = diagnostic.get("fix")
    return (
        record_id_text,
        diagnostic["rule"],
        diagnostic.get("pattern"),
        diagnostic["category"],
        diagnostic["severity"],
        diagnostic["start"]["offset"],
        diagnostic["end"]["offset"],
        diagnostic["start"]["line"],
        diagnostic["start"]["column"],
        diagnostic["message"],
        fix["title"] if fix else None,
        json.dumps(fix["edits"], ensure_ascii=False, sort_keys=True) if fix else None,
    )


FORMATS = {"plain", "markdown", "html"}


def usable_date(value):
    """The date kalka reads, YYYY-MM-DD, or None for a value it would refuse: an archive's
    placeholder dates (0001-01-01) or free text should not cost the article its check."""
    if value is None:
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    try:
        date = datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None
    return date.isoformat() if 1800 <= date.year <= 2200 else None


def record_line(identifier, text, fmt=None, date=None):
    """One article as the JSON Lines record kalka reads: UTF-8 bytes with the line feed. A
    format or date kalka would refuse is left out, so the article is still checked."""
    record = {"id": identifier, "text": text}
    if fmt in FORMATS:
        record["format"] = fmt
    date = usable_date(date)
    if date:
        record["date"] = date
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


def kalka_lines(binary, records):
    """Streams JSON Lines `records` (bytes, one per line) through kalka; yields its output lines.
    A thread feeds the process while this one reads, so neither pipe fills up."""
    process = subprocess.Popen(
        [binary, "check", "--isolated", "--input-format", "jsonl", "--format", "jsonl",
         "--fail-on", "never", "--jobs", "1", "--no-progress", "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    failure = []

    def feed():
        try:
            for record in records:
                process.stdin.write(record)
        except BaseException as error:  # reported below, after kalka's output is read
            failure.append(error)
        finally:
            process.stdin.close()

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    try:
        for line in process.stdout:
            yield line
    finally:
        # Stopped early (the task failed or was cancelled): no kalka left running.
        if process.poll() is None and feeder.is_alive():
            process.kill()
    feeder.join()
    status = process.wait()
    # 0: no finding, 1: findings, 2: some record could not be checked (an error row). Anything
    # else is kalka's failure, which also breaks the pipe the feeder writes to: report kalka's.
    if status not in (0, 1, 2):
        raise RuntimeError(f"kalka exited with status {status}")
    if failure:
        raise failure[0]


def check_partition(rows, binary_name):
    """kalka over one partition: ("finding", row) and ("error", row) pairs."""
    binary = SparkFiles.get(binary_name)
    # A fetched file may lose its mode bits on the way.
    if not os.access(binary, os.X_OK):
        os.chmod(binary, 0o755)

    records = (record_line(row["id"], row["text"], row.get("format"), row.get("date")) for row in rows)
    for line in kalka_lines(binary, records):
        result = json.loads(line)
        identifier = None if result.get("id") is None else record_id(result["id"])
        if "error" in result:
            yield ("error", (identifier, result["line"], result["error"]))
        else:
            for diagnostic in result["diagnostics"]:
                yield ("finding", finding_row(identifier, diagnostic))


def run(spark, articles, output, kalka=None, id_column="id", text_column="text", site_column=None):
    """Checks the DataFrame `articles` and writes findings, errors and the summary under `output`.
    Returns the findings and errors DataFrames (read back from what was written)."""
    # This module too, for the executors' Python workers to find check_partition.
    spark.sparkContext.addPyFile(os.path.abspath(__file__))
    # Shipped to every executor as a job file (as `spark-submit --files kalka` does).
    binary_name = os.path.basename(kalka) if kalka else "kalka"
    if kalka:
        spark.sparkContext.addFile(os.path.abspath(kalka))
    # Ids as strings, whatever their type in the table (decimal and timestamp ids included).
    columns = [F.col(id_column).cast("string").alias("id"), F.col(text_column).alias("text")]
    columns += [F.col(name) for name in ("format", "date") if name in articles.columns]
    results = articles.select(*columns).rdd.mapPartitions(
        lambda rows: check_partition((row.asDict() for row in rows), binary_name))
    # Kept, on disk if memory runs short, so the findings and the errors do not run kalka twice.
    results.persist(StorageLevel.MEMORY_AND_DISK)
    findings = spark.createDataFrame(results.filter(lambda r: r[0] == "finding").map(lambda r: r[1]), FINDINGS)
    errors = spark.createDataFrame(results.filter(lambda r: r[0] == "error").map(lambda r: r[1]), ERRORS)
    findings.write.mode("overwrite").parquet(os.path.join(output, "findings"))
    errors.write.mode("overwrite").parquet(os.path.join(output, "errors"))
    findings = spark.read.parquet(os.path.join(output, "findings"))
    if site_column:
        sites = articles.select(F.col(id_column).cast("string").alias("id"), F.col(site_column).alias("site"))
        summary = findings.join(sites, "id", "left").groupBy("site", "category").count()
    else:
        summary = findings.groupBy("category").count()
    summary.orderBy(*summary.columns[:-1]).write.mode("overwrite").parquet(os.path.join(output, "summary"))
    results.unpersist()
    return findings, spark.read.parquet(os.path.join(output, "errors"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", required=True, help="Parquet, or JSON Lines (.jsonl, .json)")
    parser.add_argument("--output", required=True)
    parser.add_argument("--kalka", help="the kalka binary to ship to the executors (or pass it to spark-submit with --files)")
    parser.add_argument("--id-column", default="id")
    parser.add_argument("--text-column", default="text")
    parser.add_argument("--site-column")
    args = parser.parse_args()
    spark = SparkSession.builder.appName("kalka").getOrCreate()
    reader = spark.read.json if args.input.endswith((".jsonl", ".json")) else spark.read.parquet
    findings, errors = run(spark, reader(args.input), args.output, args.kalka, args.id_column, args.text_column, args.site_column)
    print(f"{findings.count()} findings, {errors.count()} records not checked; written under {args.output}")
    spark.read.parquet(os.path.join(args.output, "summary")).show(50, truncate=False)


if __name__ == "__main__":
    main()
