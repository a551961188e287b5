import ICUKit

/// One multi-pattern matcher for a whole phrase list: a trie over the folded hashes of tokens, so
/// every position of a document is tried against every phrase in one walk, without a regex per
/// phrase or a `String` per token.
///
/// Phrases are tokenized with the same ICU word breaking documents get; matching ignores case
/// and the spaces between tokens (but never crosses a paragraph break), and punctuation tokens
/// must match. A phrase's last word also matches in the possessive ("Kiev's", "Kyiv’s"). At
/// each position the longest phrase wins, and matches do not overlap.
public struct PhraseMatcher: Sendable {
    public struct Match: Sendable, Equatable {
        /// Token indices of the match (first to last significant token).
        public let tokens: ClosedRange<Int>
        /// Prose bytes of the match, without a possessive ending ("Kiev" of "Kiev's").
        public let range: Range<Int>
        /// The index of the matched phrase in the list the matcher was built from.
        public let phrase: Int
    }

    /// Trie edges, all in one open-addressing table keyed by (node, token hash).
    private var edgeNodes: [Int32]
    private var edgeTokens: [UInt64]
    private var edgeChildren: [Int32]
    private var mask: Int
    private var edgeCount = 0
    /// For each node, the phrase that ends there (-1: none).
    private var terminal: [Int32] = [-1]
    /// The first tokens of all phrases: most positions of a document start no phrase, and this
    /// set rejects them with one probe.
    private var firstTokens = HashSet64([])

    public var isEmpty: Bool { edgeCount == 0 }

    public init(_ phrases: [String]) throws(ICUError) {
        edgeNodes = Array(repeating: -1, count: 16)
        edgeTokens = Array(repeating: 0, count: 16)
        edgeChildren = Array(repeating: 0, count: 16)
        mask = 15
        for (index, hashes) in try PhraseTokenizer.tokenHashes(phrases).enumerated() {
            var node: Int32 = 0
            for hash in hashes {
                if let child = child(of: node, hash) {
                    node = child
                } else {
                    let child = Int32(terminal.count)
                    terminal.append(-1)
                    insert(node, hash, child)
                    node = child
                }
            }
            // The first phrase listed wins over a later duplicate.
            if node != 0 && terminal[Int(node)] < 0 { terminal[Int(node)] = Int32(index) }
        }
        var first: [UInt64] = []
        for slot in edgeNodes.indices where edgeNodes[slot] == 0 { first.append(edgeTokens[slot]) }
        firstTokens = HashSet64(first)
    }

    @inline(__always)
    private static func slot(_ node: Int32, _ token: UInt64, _ mask: Int) -> Int {
        let key = token &+ UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: key ^ (key >> 31)) & mask
    }

    private func child(of node: Int32, _ token: UInt64) -> Int32? {
        var index = Self.slot(node, token, mask)
        while true {
            let owner = edgeNodes[index]
            if owner < 0 { return nil }
            if owner == node && edgeTokens[index] == token { return edgeChildren[index] }
            index = (index + 1) & mask
        }
    }

    private mutating func insert(_ node: Int32, _ token: UInt64, _ child: Int32) {
        if (edgeCount + 1) * 2 > edgeNodes.count { grow() }
        var index = Self.slot(node, token, mask)
        while edgeNodes[index] >= 0 { index = (index + 1) & mask }
        edgeNodes[index] = node
        edgeTokens[index] = token
        edgeChildren[index] = child
        edgeCount += 1
    }

    private mutating func grow() {
        let old = (edgeNodes, edgeTokens, edgeChildren)
        let capacity = edgeNodes.count * 2
        edgeNodes = Array(repeating: -1, count: capacity)
        edgeTokens = Array(repeating: 0, count: capacity)
        edgeChildren = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        edgeCount = 0
        for index in old.0.indices where old.0[index] >= 0 { insert(old.0[index], old.1[index], old.2[index]) }
    }

    /// Leftmost-longest, non-overlapping matches in the document.
    public func matches(in analysis: Analysis) -> [Match] {
        var found: [Match] = []
        let tokens = analysis.tokens
        var start = 0
        while start < tokens.count {
            guard tokens[start].kind != .space, let match = longestMatch(in: analysis, at: start) else {
                start += 1
                continue
            }
            found.append(match)
            start = match.tokens.upperBound + 1
        }
        return found
    }

    /// The longest phrase starting at token `start`, if any.
    public func longestMatch(in analysis: Analysis, at start: Int) -> Match? {
        let tokens = analysis.tokens
        let first = tokens[start]
        guard firstTokens.contains(first.foldedHash)
                || analysis.possessiveBase(of: first).map({ firstTokens.contains($0.hash) }) == true else { return nil }
        var node: Int32 = 0
        var index = start
        var best: (last: Int, end: Int, phrase: Int32)? = nil
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .space {
                if token.isParagraphBreak { break }
                index += 1
                continue
            }
            if let next = child(of: node, token.foldedHash) {
                node = next
                if terminal[Int(node)] >= 0 { best = (index, Int(token.end), terminal[Int(node)]) }
                index += 1
                continue
            }
            // A possessive can only end a phrase.
            if let base = analysis.possessiveBase(of: token), let next = child(of: node, base.hash), terminal[Int(next)] >= 0 {
                best = (index, Int(token.end) - base.suffixLength, terminal[Int(next)])
            }
            break
        }
        guard let best else { return nil }
        return Match(tokens: start...best.last, range: Int(tokens[start].start)..<best.end, phrase: Int(best.phrase))
    }
}

/// Tokenizes phrase lists the way documents are tokenized, in one ICU pass for the whole list:
/// the phrases are read as the paragraphs of one document.
enum PhraseTokenizer {
    /// For each phrase, the folded hashes of its tokens other than spaces.
    static func tokenHashes(_ phrases: [String]) throws(ICUError) -> [[UInt64]] {
        var text: [UInt8] = []
        var starts: [Int] = []
        for phrase in phrases {
            starts.append(text.count)
            // A line break inside a phrase would split it; phrases are one line by the file format.
            text += phrase.utf8.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
            text += [0x0A, 0x0A]
        }
        let analysis = try Analyzer().analyze(PlainTextReader().read(text))
        var result = [[UInt64]](repeating: [], count: phrases.count)
        var phrase = 0
        for token in analysis.tokens where token.kind != .space {
            while phrase + 1 < starts.count && Int(token.start) >= starts[phrase + 1] { phrase += 1 }
            result[phrase].append(token.foldedHash)
        }
        return result
    }
}
