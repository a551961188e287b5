import KalkaModel
import KalkaText

/// A rule's patterns, indexed for one pass over a document.
///
/// Each pattern is indexed by one of its token tests that only a finite set of words can pass
/// (a literal or the forms of a lemma), preferring rare words, whose distance from the start of a
/// match the tests before it fix to within a few tokens: a document's word is looked up once in
/// that index, and only the patterns it may anchor are tried (at each start it allows), so the
/// cost per token stays flat however many patterns there are. A pattern without such a test is
/// tried at every token.
public struct PatternSet: Sendable {
    public let patterns: [TokenPattern]

    /// A pattern that a word may anchor, and how many tokens its match may start before that
    /// word (a range when optional or repeated tests come first).
    private struct Candidate: Sendable {
        let pattern: Int32
        let fewestBefore: Int32
        let mostBefore: Int32
    }

    /// What matching reads of each pattern, by reference: an attempt copies no pattern.
    private let programs: [PatternProgram]
    /// Anchor word → its candidates, `candidates[candidateRanges[slot]]`: one open-addressing
    /// probe per token, no `Dictionary` hashing on the hot path.
    private let anchorIndex: AnchorIndex
    private let candidates: [Candidate]
    private let unanchored: [Int]
    /// Whether any pattern asks for part-of-speech tags.
    public let needsTags: Bool

    /// `isCommon` tells the words to avoid as anchors (function words, punctuation): every
    /// sentence holds some.
    public init(_ patterns: [TokenPattern], isCommon: (UInt64) -> Bool = { _ in false }) {
        self.patterns = patterns
        var anchored: [UInt64: [Candidate]] = [:]
        var unanchored: [Int] = []
        var commonlyAnchored: [String] = []
        for (index, pattern) in patterns.enumerated() {
            if let anchor = Self.anchor(of: pattern.program.elements, isCommon: isCommon) {
                // A common anchor costs little when the pattern starts the sentence: it is tried
                // only where the word stands near the start.
                if !pattern.program.startsSentence && anchor.words.contains(where: isCommon) { commonlyAnchored.append(pattern.id) }
                let candidate = Candidate(pattern: Int32(index), fewestBefore: Int32(clamping: anchor.before.lowerBound), mostBefore: Int32(clamping: anchor.before.upperBound))
                for word in Set(anchor.words) { anchored[word, default: []].append(candidate) }
            } else {
                unanchored.append(index)
            }
        }
        var flat: [Candidate] = []
        var ranges: [(UInt64, Range<Int32>)] = []
        for (word, list) in anchored.sorted(by: { $0.key < $1.key }) {
            ranges.append((word, Int32(flat.count)..<Int32(flat.count + list.count)))
            flat += list
        }
        candidates = flat
        anchorIndex = AnchorIndex(ranges)
        self.commonlyAnchoredPatterns = commonlyAnchored
        programs = patterns.map(\.program)
        self.unanchored = unanchored
        needsTags = patterns.contains { pattern in
            (pattern.program.elements + pattern.program.antipatterns.joined()).contains { element in
                if case .token(let test, _, _) = element { test.needsTags } else { false }
            }
        }
    }

    /// The patterns whose anchor includes a common word or mark, tried in most sentences (for
    /// tests and reviews).
    public let commonlyAnchoredPatterns: [String]

    /// The patterns tried at every token, having no anchor word (names, for tests and reviews).
    public var unanchoredPatterns: [String] { unanchored.map { patterns[$0].id } }

    /// The most starts one anchor may stand for: the spread of the optional and repeated tests
    /// before it.
    static let anchorSpread = 6

    /// The token test to index a pattern by: required, of a finite set of words, with at most
    /// `anchorSpread` ways for the tests before it to take up tokens; among those, the one with
    /// the fewest common words, then the fewest starts, then the fewest words.
    private static func anchor(of elements: [PatternElement], isCommon: (UInt64) -> Bool) -> (words: [UInt64], before: ClosedRange<Int>)? {
        var best: (words: [UInt64], before: ClosedRange<Int>, cost: (Int, Int, Int))?
        var fewest = 0, most = 0
        for element in elements {
            guard case .token(let test, let minimum, let maximum) = element else { continue }
            if minimum >= 1, most - fewest <= anchorSpread, let words = test.finiteWords {
                let common = words.filter(isCommon).count
                let cost = (common, most - fewest, words.count)
                if best == nil || cost < best!.cost { best = (words, fewest...most, cost) }
            }
            fewest += minimum
            most += maximum
        }
        return best.map { ($0.words, $0.before) }
    }

    /// One match: the pattern, its tokens, the reported bytes and what each token test matched.
    public struct Match: Sendable {
        public let pattern: Int
        /// Prose bytes of the marked tokens.
        public let range: Range<Int>
        /// Prose bytes of the whole match.
        public let matchRange: Range<Int>
        /// For each token test of the pattern, the prose bytes it matched (empty when it matched
        /// no token).
        public let captures: [Range<Int>]
    }

    /// The tokens of a sentence that anchor a pattern where they stand (a pattern that starts the
    /// sentence, `^`, only within its anchor's first few tokens), as (position among the
    /// sentence's tokens other than spaces, its candidates), into `hits`.
    private func anchorHits(_ tokens: Range<Int>, _ analysis: Analysis, into hits: inout [(position: Int, candidates: Range<Int32>)]) {
        hits.removeAll(keepingCapacity: true)
        var position = 0
        for index in tokens {
            let token = analysis.tokens[index]
            guard token.kind != .space else { continue }
            defer { position += 1 }
            guard let range = anchorIndex[token.foldedHash] else { continue }
            if candidates[Int(range.lowerBound)..<Int(range.upperBound)].contains(where: { !programs[Int($0.pattern)].startsSentence || position <= Int($0.mostBefore) }) {
                hits.append((position, range))
            }
        }
    }

    /// Every match in the document, in document order, without overlaps (at a position the
    /// earliest-starting, then longest, match wins; ties go to the pattern listed first).
    /// `tags` gives the Universal tag of each token of a range (an index into
    /// `PatternFile.tagLabels`); it is asked only for sentences where a tag test is reached.
    public func matches(in analysis: Analysis, tags: ((Range<Int>) -> [UInt8])? = nil) -> [Match] {
        guard !patterns.isEmpty else { return [] }
        var found: [Match] = []
        var hits: [(position: Int, candidates: Range<Int32>)] = []
        // One matcher for the document, loaded with each sentence that has work: building one
        // per sentence copied the analysis and its buffers each time.
        var matcher = ElementMatcher(analysis: analysis, tagsOf: tags)
        var sentenceMatches: [Match] = []
        for span in analysis.sentences {
            // Most sentences hold no anchor word that can start a match where it stands: one probe
            // per token, and nothing else.
            anchorHits(span.tokens, analysis, into: &hits)
            if hits.isEmpty && unanchored.isEmpty { continue }
            matcher.load(span.tokens)
            guard !matcher.sentence.indices.isEmpty else { continue }
            sentenceMatches.removeAll(keepingCapacity: true)
            for hit in hits {
                WorkCounter.count(hit.candidates.count)
                for candidate in candidates[Int(hit.candidates.lowerBound)..<Int(hit.candidates.upperBound)] {
                    let program = programs[Int(candidate.pattern)]
                    // The latest start first: with the fewest tokens before the anchor.
                    for before in Int(candidate.fewestBefore)...Int(candidate.mostBefore) {
                        let start = hit.position - before
                        guard start >= 0 else { break }
                        if program.startsSentence && start != 0 { continue }
                        if let match = matcher.match(program, index: Int(candidate.pattern), at: start) { sentenceMatches.append(match) }
                    }
                }
            }
            if !unanchored.isEmpty {
                for position in matcher.sentence.indices.indices {
                    WorkCounter.count(unanchored.count)
                    for index in unanchored {
                        if let match = matcher.match(programs[index], index: index, at: position) { sentenceMatches.append(match) }
                    }
                }
            }
            guard !sentenceMatches.isEmpty else { continue }
            sentenceMatches.sort { a, b in
                if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
                if a.range.count != b.range.count { return a.range.count > b.range.count }
                return a.pattern < b.pattern
            }
            var end = -1
            for match in sentenceMatches where match.range.lowerBound >= end {
                found.append(match)
                end = max(match.range.upperBound, match.range.lowerBound + 1)
            }
        }
        return found
    }
}

/// Open addressing from an anchor word's folded hash to its range of candidates.
private struct AnchorIndex: Sendable {
    private let keys: [UInt64]
    private let ranges: [Range<Int32>]
    private let mask: Int

    init(_ entries: [(UInt64, Range<Int32>)]) {
        var capacity = 8
        while capacity < entries.count * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var ranges = [Range<Int32>](repeating: 0..<0, count: capacity)
        for (key, range) in entries {
            var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & (capacity - 1)
            while !ranges[slot].isEmpty { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            ranges[slot] = range
        }
        self.keys = keys
        self.ranges = ranges
        mask = capacity - 1
    }

    @inline(__always)
    subscript(_ key: UInt64) -> Range<Int32>? {
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let range = ranges[slot]
            if range.isEmpty { return nil }
            if keys[slot] == key { return range }
            slot = (slot + 1) & mask
        }
    }
}

/// A pattern's elements, mark and antipatterns: what matching reads, shared by reference.
final class PatternProgram: Sendable {
    let elements: [PatternElement]
    /// The token elements (counted among the token tests) whose tokens are reported; all when nil.
    let marked: ClosedRange<Int>?
    let antipatterns: [[PatternElement]]
    /// The pattern matches only at the start of a sentence (`^`).
    let startsSentence: Bool

    init(elements: [PatternElement], marked: ClosedRange<Int>?, antipatterns: [[PatternElement]]) {
        self.elements = elements
        self.marked = marked
        self.antipatterns = antipatterns
        if case .sentenceStart = elements.first { startsSentence = true } else { startsSentence = false }
    }
}

/// The indices of a sentence's tokens other than spaces, in a buffer reused across sentences.
struct SentenceTokens {
    var indices: [Int] = []

    mutating func load(_ tokens: Range<Int>, analysis: Analysis) {
        indices.removeAll(keepingCapacity: true)
        for index in tokens where analysis.tokens[index].kind != .space { indices.append(index) }
    }
}

/// Matches patterns at positions of one sentence, by backtracking over the elements.
private struct ElementMatcher {
    let analysis: Analysis
    let tagsOf: ((Range<Int>) -> [UInt8])?
    /// The sentence matched now.
    private(set) var sentence = SentenceTokens()
    /// The sentence's tags, asked for once when a tag test is first reached.
    private var tags: [UInt8]?
    /// What each token element matched in the attempt under way: sentence positions.
    private var captures: [Range<Int>] = []

    init(analysis: Analysis, tagsOf: ((Range<Int>) -> [UInt8])?) {
        self.analysis = analysis
        self.tagsOf = tagsOf
    }

    /// Makes the sentence of `tokens` the one matched.
    mutating func load(_ tokens: Range<Int>) {
        sentence.load(tokens, analysis: analysis)
        tags = nil
    }

    mutating func match(_ pattern: PatternProgram, index: Int, at start: Int) -> PatternSet.Match? {
        captures.removeAll(keepingCapacity: true)
        captures.append(contentsOf: repeatElement(start..<start, count: pattern.elements.count))
        guard let end = matchElements(pattern.elements, 0, start) else { return nil }
        // Captures by token test (elements that are tests), in prose bytes.
        var byTest: [Range<Int>] = []
        var positions: [Range<Int>] = []
        for (element, capture) in zip(pattern.elements, captures) where element.isToken {
            positions.append(capture)
            byTest.append(bytes(of: capture))
        }
        let markedPositions: Range<Int>
        if let marked = pattern.marked {
            let spans = positions[marked].filter { !$0.isEmpty }
            guard let first = spans.first, let last = spans.last else { return nil }
            markedPositions = first.lowerBound..<last.upperBound
        } else {
            markedPositions = start..<end
        }
        guard !markedPositions.isEmpty else { return nil }
        for antipattern in pattern.antipatterns where self.antipattern(antipattern, overlaps: start..<end) { return nil }
        return PatternSet.Match(pattern: index, range: bytes(of: markedPositions), matchRange: bytes(of: start..<end), captures: byTest)
    }

    /// Whether the antipattern matches anywhere in the sentence over any of `positions`.
    private mutating func antipattern(_ elements: [PatternElement], overlaps positions: Range<Int>) -> Bool {
        let saved = captures
        defer { captures = saved }
        for start in 0..<positions.upperBound {
            captures.removeAll(keepingCapacity: true)
            captures.append(contentsOf: repeatElement(start..<start, count: elements.count))
            if let end = matchElements(elements, 0, start), start < positions.upperBound, end > positions.lowerBound { return true }
        }
        return false
    }

    private func bytes(of positions: Range<Int>) -> Range<Int> {
        guard !positions.isEmpty else {
            let offset = positions.lowerBound < sentence.indices.count
                ? Int(analysis.tokens[sentence.indices[positions.lowerBound]].start)
                : Int(analysis.tokens[sentence.indices[sentence.indices.count - 1]].end)
            return offset..<offset
        }
        return Int(analysis.tokens[sentence.indices[positions.lowerBound]].start)..<Int(analysis.tokens[sentence.indices[positions.upperBound - 1]].end)
    }

    /// The end position when `elements[element...]` match from `position`, greedy with backtracking.
    private mutating func matchElements(_ elements: [PatternElement], _ element: Int, _ position: Int) -> Int? {
        guard element < elements.count else { return position }
        switch elements[element] {
        case .sentenceStart:
            return position == 0 ? matchElements(elements, element + 1, position) : nil
        case .sentenceEnd:
            // Only closing punctuation may follow: "… informs." ends the sentence.
            var rest = position
            while rest < sentence.indices.count && analysis.tokens[sentence.indices[rest]].kind == .punctuation { rest += 1 }
            return rest == sentence.indices.count ? matchElements(elements, element + 1, position) : nil
        case .token(let test, let minimum, let maximum):
            var count = 0
            while count < maximum && position + count < sentence.indices.count && passes(test, position + count) { count += 1 }
            guard count >= minimum else { return nil }
            while count >= minimum {
                if let end = matchElements(elements, element + 1, position + count) {
                    captures[element] = position..<(position + count)
                    return end
                }
                count -= 1
            }
            return nil
        }
    }

    private mutating func passes(_ test: TokenTest, _ position: Int) -> Bool {
        let index = sentence.indices[position]
        let token = analysis.tokens[index]
        switch test {
        case .words(let set, _):
            return set.contains(token.foldedHash)
        case .exact(let bytes, _):
            return token.length == bytes.count && analysis.prose[token.range].elementsEqual(bytes)
        case .shape(let shape):
            switch shape {
            case .any: return true
            case .word: return token.kind == .word
            case .number: return token.kind == .number
            case .punct: return token.kind == .punctuation
            case .cap: return token.kind == .word && (token.shape == .title || token.shape == .upper || token.shape == .mixed && isUpperFirst(token))
            case .lower: return token.kind == .word && token.shape == .lower
            case .upper: return token.kind == .word && token.shape == .upper
            }
        case .tags(let bits):
            if tags == nil {
                let sentenceTokens = sentence.indices.first!..<(sentence.indices.last! + 1)
                let all = tagsOf?(sentenceTokens) ?? []
                tags = sentence.indices.map { index in
                    let offset = index - sentenceTokens.lowerBound
                    return offset < all.count ? all[offset] : UInt8(PatternFile.tagLabels.count - 1)
                }
            }
            return bits & (1 << UInt32(tags![position])) != 0
        case .regex(let regex):
            return (try? regex.regex.wholeMatch(in: analysis.text(of: token))) != nil
        case .not(let inner):
            return !passes(inner, position)
        case .anyOf(let tests):
            for inner in tests where passes(inner, position) { return true }
            return false
        case .allOf(let tests):
            for inner in tests where !passes(inner, position) { return false }
            return true
        }
    }

    private func isUpperFirst(_ token: Token) -> Bool {
        let byte = analysis.prose[Int(token.start)]
        return byte >= 0x41 && byte <= 0x5A
    }
}
