#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The sentence model's table of bigram oddness (`SentenceOddity`), worked out from the two
/// English tables as the model does, so start-up takes no logarithm: classes numbered as the
/// model numbers them (its special classes, then the bigrams' classes and the word list's in
/// order of first appearance, then X), each pair's value as the bit pattern of a Float.
/// KalkaKnowledge uses it only if its own numbering and cap come out the same, and a test
/// compares it with the computed table bit for bit.
enum ReadyOddness {
    /// `SentenceOddity.Special`'s labels, in order, and `SentenceOddity.pairCapBits`.
    static let specialLabels = ["<s>", "</s>", "NAME", "NUM", "POSS", "UNK", "BREAK"]
    static let pairCapBits: Float = 7

    static func declaration(files: [String: String]) -> String {
        let type = "(labels: [String], cap: Float, bits: StaticString)?"
        guard let wordText = files["english/word-classes.tsv"], let words = Precomputed.wordClassRows(wordText),
              let bigramText = files["english/class-bigrams.tsv"], Precomputed.bigramRows(bigramText) != nil else {
            return "    package static let sentenceOddness: \(type) = nil\n"
        }
        var ids: [String: Int] = [:]
        var labels: [String] = []
        func id(_ label: String) -> Int {
            if let id = ids[label] { return id }
            ids[label] = labels.count
            labels.append(label)
            return labels.count - 1
        }
        for label in specialLabels { _ = id(label) }
        var pairs: [(Int, Int, Double)] = []
        for fields in Precomputed.entries(bigramText) {
            let pair = fields[0].split(separator: " ")
            pairs.append((id(String(pair[0])), id(String(pair[1])), Double(fields[1])!))
        }
        for label in words.labels { _ = id(label) }
        _ = id("X")
        let values = oddness(pairs, classCount: labels.count)
        var hex = ""
        hex.reserveCapacity(values.count * 8)
        for value in values { hex += Precomputed.hexDigits(UInt64(value.bitPattern), 8) }
        return "    /// SentenceOddity's pair oddness: class labels by number, the cap, and per pair (previous × count + next) a Float's bits (8 hex digits).\n"
            + "    package static let sentenceOddness: \(type) = (\(ReadyTables.stringArray(labels)), \(pairCapBits), \"\(hex)\")\n"
    }

    /// `SentenceOddity.oddness`, operation for operation.
    static func oddness(_ pairs: [(Int, Int, Double)], classCount: Int) -> [Float] {
        var counts = [Double](repeating: 0, count: classCount * classCount)
        var unigram = [Double](repeating: 0, count: classCount)
        var outgoing = [Double](repeating: 0, count: classCount)
        var successors = [Double](repeating: 0, count: classCount)
        for (previous, next, count) in pairs {
            counts[previous * classCount + next] += count
            unigram[next] += count
            outgoing[previous] += count
            successors[previous] += 1
        }
        let total = unigram.reduce(0, +)
        let background = unigram.map { ($0 + 1) / (total + Double(classCount)) }
        var oddness = [Float](repeating: 0, count: classCount * classCount)
        for previous in 0..<classCount {
            for next in 0..<classCount {
                let n = outgoing[previous], types = successors[previous]
                let conditional = n == 0 ? background[next]
                    : (counts[previous * classCount + next] + types * background[next]) / (n + types)
                oddness[previous * classCount + next] = min(pairCapBits, Float(max(0, log2(background[next] / conditional))))
            }
        }
        return oddness
    }
}
