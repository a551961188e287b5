import KalkaEngine
import KalkaModel

/// `--format jsonl` for records (`--input-format jsonl`): one line per record, in input order,
/// so that the output lines up with the archive: `{"archive": …, "line": …, "id": …,
/// "diagnostics": [ … ]}` with the id as it was in the record and the contract's diagnostic
/// objects (offsets into the record's unescaped text, in UTF-8 bytes; fixes with their edits).
/// A line that is no record kalka can check gives `{"archive": …, "line": …, "id": … or null,
/// "error": …}`, the message without the line number (it is in `line`).
public enum RecordLinesWriter {
    public static func line(_ record: RecordCheck.RecordReport) -> [UInt8] {
        var out = JSONBytes()
        out.raw("{\"archive\": ")
        out.string(record.archive)
        out.raw(", \"line\": ")
        out.integer(record.line)
        out.raw(", \"id\": ")
        if let id = record.idJSON { out.bytes.append(contentsOf: id) } else { out.raw("null") }
        if let error = record.error ?? record.report.error {
            out.raw(", \"error\": ")
            out.string(error)
            out.raw("}\n")
            return out.bytes
        }
        out.raw(", \"diagnostics\": [")
        for (index, diagnostic) in record.report.diagnostics.enumerated() {
            out.raw(index == 0 ? "{" : ", {")
            JSONReporter.fields(diagnostic, into: &out)
            out.raw("}")
        }
        out.raw("]}\n")
        return out.bytes
    }
}
