#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// UNT003's four-gram model (`RomanizedNgramModel` in KalkaRules) worked out from
/// `language/romanized-ngrams.tsv` as the model does, operation for operation, so that the first
/// document with an unknown lowercase word does not parse 47,000 rows and take as many
/// logarithms: the sorted grams with their log ratios, and the sorted three-letter contexts with
/// the log ratio of a gram never seen after them, each as 8 hex digits of the key and 8 of the
/// Float's bits. KalkaRules uses it only while the store holds the built-in text, and a test
/// compares it with the model parsed from that text bit for bit.
enum ReadyNgrams {
    static let path = "language/romanized-ngrams.tsv"
    /// `RomanizedNgramModel.smoothing` and `.alphabet`.
    static let smoothing: Float = 0.1
    static let alphabet: Float = 28

    static func declaration(files: [String: String]) -> String {
        let type = "(grams: StaticString, contexts: StaticString)?"
        guard let text = files[path], let model = model(text) else {
            return "    package static let romanizedNgrams: \(type) = nil\n"
        }
        func hex(_ keys: [UInt32], _ values: [Float]) -> String {
            var out = ""
            out.reserveCapacity(keys.count * 16)
            for (key, value) in zip(keys, values) {
                out += Precomputed.hexDigits(UInt64(key), 8) + Precomputed.hexDigits(UInt64(value.bitPattern), 8)
            }
            return out
        }
        return "    /// \(path) as UNT003's model: per gram (sorted) its key and log ratio, per three-letter context\n"
            + "    /// (sorted) its key and the log ratio of an unseen gram; 8 hex digits each, the ratios as Float bits.\n"
            + "    package static let romanizedNgrams: \(type) = (\"\(hex(model.grams, model.gramRatios))\", \"\(hex(model.contexts, model.unseenRatios))\")\n"
    }

    /// The model's arrays, or nil for a row this reader cannot take (the run-time parser then
    /// reports it).
    static func model(_ text: String) -> (grams: [UInt32], gramRatios: [Float], contexts: [UInt32], unseenRatios: [Float])? {
        var rows: [(key: UInt32, source: Float, english: Float)] = []
        for fields in Precomputed.entries(text) {
            let gram = Array(fields[0].utf8)
            guard fields.count == 3, gram.count == 4, let source = Int(fields[1]), let english = Int(fields[2]),
                  source >= 0, english >= 0 else { return nil }
            let key = UInt32(gram[0]) << 24 | UInt32(gram[1]) << 16 | UInt32(gram[2]) << 8 | UInt32(gram[3])
            rows.append((key, Float(source), Float(english)))
        }
        rows.sort { $0.key < $1.key }
        var contextSums: [(key: UInt32, source: Float, english: Float)] = []
        for row in rows {
            let context = row.key & 0xFFFF_FF00
            if let last = contextSums.last, last.key == context {
                contextSums[contextSums.count - 1] = (context, last.source + row.source, last.english + row.english)
            } else {
                contextSums.append((context, row.source, row.english))
            }
        }
        let k = smoothing, v = smoothing * alphabet
        var sums: [UInt32: (Float, Float)] = [:]
        for sum in contextSums { sums[sum.key] = (sum.source, sum.english) }
        let gramRatios = rows.map { row -> Float in
            let (source, english) = sums[row.key & 0xFFFF_FF00]!
            return logf((row.source + k) / (source + v)) - logf((row.english + k) / (english + v))
        }
        let unseenRatios = contextSums.map { logf(k / ($0.source + v)) - logf(k / ($0.english + v)) }
        return (rows.map(\.key), gramRatios, contextSums.map(\.key), unseenRatios)
    }
}
