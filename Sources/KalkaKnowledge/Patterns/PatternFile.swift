import KalkaModel
import KalkaText

/// A file of pattern rules, parsed and checked (see Dictionaries/patterns/README.md for the
/// language). Every error names the file, line and column.
public struct PatternFile: Sendable {
    public let path: String
    /// The rule whose findings the patterns are (`# rule: CAL001`).
    public let rule: String
    public let source: String
    public let licence: String
    public let patterns: [TokenPattern]

    /// The Universal part-of-speech tags a `<TAG>` test names, in `UniversalTag` order.
    static let tagLabels = UniversalTag.allCases.map(\.label)
    /// The most times `*` and `+` repeat a test: a pattern never spans a whole sentence.
    static let repeatLimit = 8
    static let keys: Set<String> = ["source", "note", "severity", "match", "unless", "suggest", "drop", "advice", "example", "counter"]

    public static func parse(path: String, text: String, inflections: Inflections) throws(DictionaryError) -> PatternFile {
        var header: [String: String] = [:]
        var blocks: [(name: String, line: Int, fields: [(key: String, value: String, line: Int, column: Int)])] = []
        // Read as UTF-8 bytes: the syntax is ASCII, so only values become strings.
        let bytes = Array(text.utf8)
        func string(_ slice: ArraySlice<UInt8>) -> String {
            var slice = slice
            while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
            while let last = slice.last, last == 0x20 || last == 0x09 || last == 0x0D { slice = slice.dropLast() }
            return String(decoding: slice, as: UTF8.self)
        }
        for (range, line) in LineRanges.all(in: bytes) {
            let content = bytes[range]
            if content.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            if content.first == 0x23 { // '#'
                if blocks.isEmpty, let colon = content.firstIndex(of: 0x3A) {
                    header[string(content[(content.startIndex + 1)..<colon])] = string(content[(colon + 1)...])
                }
                continue
            }
            if content.starts(with: "pattern ".utf8) {
                let name = string(content.dropFirst("pattern ".utf8.count))
                guard !name.isEmpty, name.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) else {
                    throw DictionaryError(path: path, line: line, column: 9, message: "a pattern's name is lower-case letters, digits and hyphens, not '\(name)'")
                }
                if let first = blocks.first(where: { $0.name == name }) {
                    throw DictionaryError(path: path, line: line, column: 9, message: "duplicate pattern '\(name)' (first on line \(first.line))")
                }
                blocks.append((name, line, []))
                continue
            }
            guard content.first == 0x20 else {
                throw DictionaryError(path: path, line: line, column: 1, message: "expected 'pattern NAME', an indented 'key: value' line or a comment")
            }
            guard !blocks.isEmpty else {
                throw DictionaryError(path: path, line: line, column: 1, message: "a 'key: value' line before the first 'pattern NAME'")
            }
            let indent = content.prefix { $0 == 0x20 }.count
            let body = content.dropFirst(indent)
            guard let colon = body.firstIndex(of: 0x3A) else {
                throw DictionaryError(path: path, line: line, column: indent + 1, message: "expected 'key: value'")
            }
            let key = String(decoding: body[..<colon], as: UTF8.self)
            guard keys.contains(key) else {
                throw DictionaryError(path: path, line: line, column: indent + 1, message: "unknown key '\(key)' (known: \(keys.sorted().joined(separator: ", ")))")
            }
            let afterColon = body[(colon + 1)...]
            let leading = afterColon.prefix { $0 == 0x20 }.count
            let value = string(afterColon.dropFirst(leading))
            let column = indent + key.utf8.count + 2 + leading
            blocks[blocks.count - 1].fields.append((key, value, line, column))
        }
        for key in ["rule", "source", "licence"] where header[key]?.isEmpty ?? true {
            throw DictionaryError(path: path, line: 1, column: 1, message: "the header has no '# \(key): …' line")
        }
        guard !blocks.isEmpty else { throw DictionaryError(path: path, line: 1, column: 1, message: "no patterns") }
        let rule = header["rule"]!
        var patterns: [TokenPattern] = []
        for block in blocks {
            func values(_ key: String) -> [(value: String, line: Int, column: Int)] {
                block.fields.filter { $0.key == key }.map { ($0.value, $0.line, $0.column) }
            }
            func single(_ key: String, required: Bool = true) throws(DictionaryError) -> (value: String, line: Int, column: Int)? {
                let found = values(key)
                if found.count > 1 {
                    throw DictionaryError(path: path, line: found[1].line, column: 1, message: "'\(key)' given twice in pattern '\(block.name)'")
                }
                if required && (found.first?.value.isEmpty ?? true) {
                    throw DictionaryError(path: path, line: found.first?.line ?? block.line, column: 1, message: "pattern '\(block.name)' has no '\(key):'")
                }
                return found.first
            }
            let match = try single("match")!
            var compiler = ExpressionCompiler(path: path, line: match.line, column: match.column, inflections: inflections)
            let (elements, marked) = try compiler.compile(match.value, allowMark: true)
            var antipatterns: [[PatternElement]] = []
            for unless in values("unless") {
                var compiler = ExpressionCompiler(path: path, line: unless.line, column: unless.column, inflections: inflections)
                antipatterns.append(try compiler.compile(unless.value, allowMark: false).elements)
            }
            let severityField = try single("severity")!
            guard let severity = Severity(rawValue: severityField.value) else {
                throw DictionaryError(path: path, line: severityField.line, column: severityField.column, message: "severity must be info, warning or error, not '\(severityField.value)'")
            }
            let suggestion: PatternSuggestion
            let suggest = try single("suggest", required: false)
            let drop = try single("drop", required: false)
            let advice = try single("advice", required: false)
            switch (suggest, drop, advice) {
            case (let suggest?, nil, nil):
                let tokenCount = elements.filter(\.isToken).count
                let filled = PatternSuggestion.fill(suggest.value) { $0 >= 1 && $0 <= tokenCount ? "" : nil }
                if let dollar = filled.firstUnknown {
                    throw DictionaryError(path: path, line: suggest.line, column: suggest.column + suggest.value.distance(from: suggest.value.startIndex, to: dollar),
                                          message: "'$' must name a token test of the match, $1 to $\(tokenCount)")
                }
                suggestion = .replace(suggest.value)
            case (nil, let drop?, nil):
                guard drop.value == "yes" else {
                    throw DictionaryError(path: path, line: drop.line, column: drop.column, message: "'drop:' takes 'yes'")
                }
                suggestion = .drop
            case (nil, nil, let advice?): suggestion = .advice(advice.value)
            default:
                throw DictionaryError(path: path, line: block.line, column: 1, message: "pattern '\(block.name)' needs exactly one of 'suggest:', 'drop: yes' or 'advice:'")
            }
            var examples: [PatternExample] = []
            for example in values("example") {
                // Split at " => " on the bytes (StringProcessing's searches cost more than the
                // rest of the file's parse).
                let utf8 = Array(example.value.utf8)
                let arrows = (0..<max(0, utf8.count - 3)).filter { utf8[$0..<($0 + 4)].elementsEqual(" => ".utf8) }
                let text = arrows.first.map { String(decoding: utf8[..<$0], as: UTF8.self) } ?? example.value
                let suggestion = arrows.first.map { String(decoding: utf8[($0 + 4)...], as: UTF8.self) }
                let marks = text.unicodeScalars
                guard arrows.count <= 1, marks.contains("⟦"), marks.contains("⟧") else {
                    throw DictionaryError(path: path, line: example.line, column: example.column,
                                          message: "an example marks the reported words with ⟦ ⟧ and may end with ' => suggestion'")
                }
                examples.append(PatternExample(text: text, suggestion: suggestion))
            }
            let counterexamples = values("counter").map(\.value)
            guard !examples.isEmpty, !counterexamples.isEmpty else {
                throw DictionaryError(path: path, line: block.line, column: 1,
                                      message: "pattern '\(block.name)' needs at least one 'example:' that matches and one 'counter:' that does not")
            }
            patterns.append(TokenPattern(
                name: block.name, rule: rule, source: try single("source")!.value, note: try single("note", required: false)?.value ?? "",
                severity: severity, suggestion: suggestion, expression: match.value, exceptions: values("unless").map(\.value),
                examples: examples, counterexamples: counterexamples, path: path, line: block.line,
                program: PatternProgram(elements: elements, marked: marked, antipatterns: antipatterns)))
        }
        return PatternFile(path: path, rule: rule, source: header["source"]!, licence: header["licence"]!, patterns: patterns)
    }
}

/// Compiles one `match:` or `unless:` expression into elements.
private struct ExpressionCompiler {
    let path: String
    let line: Int
    /// The 1-based column where the expression starts.
    let column: Int
    let inflections: Inflections
    private var characters: [Unicode.Scalar] = []
    private var position = 0

    init(path: String, line: Int, column: Int, inflections: Inflections) {
        self.path = path
        self.line = line
        self.column = column
        self.inflections = inflections
    }

    private func error(_ message: String, at offset: Int? = nil) -> DictionaryError {
        DictionaryError(path: path, line: line, column: column + (offset ?? position), message: message)
    }

    mutating func compile(_ expression: String, allowMark: Bool) throws(DictionaryError) -> (elements: [PatternElement], marked: ClosedRange<Int>?) {
        characters = Array(expression.unicodeScalars)
        position = 0
        var elements: [PatternElement] = []
        var markOpen: Int?
        var markStart: Int?
        var markEnd: Int?
        var sentenceEnd: Int?
        while true {
            skipSpaces()
            guard position < characters.count else { break }
            let character = characters[position]
            switch character {
            case "^" where isStandalone:
                guard elements.isEmpty || (elements.count == 0) else { throw error("'^' (sentence start) must come first") }
                elements.append(.sentenceStart)
                position += 1
            case "$" where isStandalone:
                if sentenceEnd == nil { sentenceEnd = position }
                elements.append(.sentenceEnd)
                position += 1
            case "[" where isStandalone:
                guard allowMark else { throw error("'[' marks the reported words of a 'match:', not here") }
                guard markOpen == nil, markStart == nil else { throw error("only one '[ … ]' span may be marked") }
                markOpen = position
                markStart = elements.count
                position += 1
            case "]" where isStandalone:
                guard let start = markStart, markEnd == nil, markOpen != nil else { throw error("']' without '['") }
                guard elements[start...].contains(where: \.isToken) else { throw error("'[ ]' marks no token test") }
                markEnd = elements.count - 1
                position += 1
            default:
                let test = try conjunction()
                let (minimum, maximum) = try quantifier()
                elements.append(.token(test, minimum: minimum, maximum: maximum))
            }
            guard position >= characters.count || characters[position] == " " else {
                throw error("expected a space between token tests")
            }
        }
        if let open = markOpen, markEnd == nil { throw error("'[' is never closed", at: open) }
        if let last = elements.lastIndex(where: { if case .sentenceEnd = $0 { true } else { false } }), last != elements.count - 1 {
            throw error("'$' (sentence end) must come last", at: sentenceEnd)
        }
        guard elements.contains(where: \.isToken) else { throw error("the expression tests no token", at: 0) }
        guard elements.contains(where: { if case .token(_, let minimum, _) = $0 { minimum > 0 } else { false } }) else {
            throw error("every token test is optional: the pattern would match nothing", at: 0)
        }
        // The mark as token-element positions.
        var marked: ClosedRange<Int>?
        if let start = markStart, let end = markEnd {
            let tokenIndex = elements.indices.filter { elements[$0].isToken }
            let first = tokenIndex.firstIndex { $0 >= start }!
            let last = tokenIndex.lastIndex { $0 <= end }!
            marked = first...last
        }
        return (elements, marked)
    }

    /// A character standing alone: `^`, `$`, `[`, `]` as elements rather than literal text.
    private var isStandalone: Bool {
        position + 1 >= characters.count || characters[position + 1] == " "
    }

    private mutating func skipSpaces() {
        while position < characters.count && characters[position] == " " { position += 1 }
    }

    /// `a|b|c` inside parentheses, or one conjunction.
    private mutating func alternatives() throws(DictionaryError) -> TokenTest {
        if position < characters.count && characters[position] == "(" {
            let open = position
            position += 1
            var tests: [TokenTest] = []
            while true {
                skipSpaces()
                tests.append(try conjunction())
                skipSpaces()
                guard position < characters.count else { throw error("'(' is never closed", at: open) }
                if characters[position] == ")" { position += 1; break }
                guard characters[position] == "|" else { throw error("expected '|' or ')'") }
                position += 1
            }
            return Self.simplified(.anyOf(tests))
        }
        return try conjunction()
    }

    /// `a&b&!c`.
    private mutating func conjunction() throws(DictionaryError) -> TokenTest {
        var tests = [try unary()]
        while position < characters.count && characters[position] == "&" {
            position += 1
            tests.append(try unary())
        }
        return tests.count == 1 ? tests[0] : .allOf(tests)
    }

    private mutating func unary() throws(DictionaryError) -> TokenTest {
        guard position < characters.count else { throw error("expected a token test") }
        if characters[position] == "!" {
            position += 1
            return .not(try unary())
        }
        if characters[position] == "(" { return try alternatives() }
        return try atom()
    }

    /// The characters that end a literal: operators and the space between tests.
    private static func isSpecial(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "(", ")", "|", "&", "?", "*", "+", "{", "}", " ": true
        default: false
        }
    }

    private mutating func atom() throws(DictionaryError) -> TokenTest {
        let start = position
        let character = characters[position]
        switch character {
        case "@":
            position += 1
            let lemma = word()
            guard !lemma.isEmpty, lemma.allSatisfy({ $0.isLetter }) else { throw error("'@' takes a lemma in letters", at: start) }
            return try words(inflections.forms(of: lemma), at: start, shown: "@" + lemma)
        case "=":
            position += 1
            let literal = word()
            guard !literal.isEmpty else { throw error("'=' takes a word to match exactly", at: start) }
            guard case .words(let set, _) = try words([literal], at: start, shown: literal), let hash = set.keys.first else {
                throw error("'=' takes one token", at: start)
            }
            return .exact(Array(literal.utf8), hash: hash)
        case "<":
            guard let close = characters[position...].firstIndex(of: ">") else { throw error("'<' is never closed", at: start) }
            let name = Self.text(characters[(position + 1)..<close])
            position = close + 1
            // Shapes are lower case (<cap>), tags upper case (<PUNCT>).
            if let shape = TokenShapeTest(rawValue: name) { return .shape(shape) }
            guard !name.isEmpty else { throw error("'<>' names no class", at: start) }
            var bits: UInt32 = 0
            for label in name.split(separator: ",") {
                guard let index = PatternFile.tagLabels.firstIndex(of: String(label)) else {
                    throw error("unknown class '<\(name)>' (tags: \(PatternFile.tagLabels.joined(separator: " ")); shapes: \(TokenShapeTest.allCases.map { "<\($0.rawValue)>" }.joined(separator: " ")))", at: start)
                }
                bits |= 1 << UInt32(index)
            }
            return .tags(bits)
        case "/":
            guard let close = characters[(position + 1)...].firstIndex(of: "/") else { throw error("'/' regex is never closed", at: start) }
            let written = Self.text(characters[(position + 1)..<close])
            position = close + 1
            do {
                return .regex(RegexTest(regex: try Regex(written), written: written))
            } catch {
                throw self.error("invalid regex /\(written)/: \(error)", at: start)
            }
        case "'":
            guard let close = characters[(position + 1)...].firstIndex(of: "'"), close > position + 1 else {
                throw error("a quoted literal needs a closing '", at: start)
            }
            let literal = Self.text(characters[(position + 1)..<close])
            position = close + 1
            return try words([literal], at: start, shown: literal)
        case "_" where position + 1 >= characters.count || Self.isSpecial(characters[position + 1]):
            position += 1
            return .shape(.any)
        default:
            let literal = word()
            guard !literal.isEmpty else { throw error("expected a token test, not '\(character)'", at: start) }
            guard literal != "$" && literal != "^" && literal != "[" && literal != "]" else {
                throw error("'\(literal)' stands alone between spaces (quote it, '\(literal)', to match the character)", at: start)
            }
            return try words([literal], at: start, shown: literal)
        }
    }

    private mutating func word() -> String {
        let start = position
        while position < characters.count && !Self.isSpecial(characters[position]) { position += 1 }
        return Self.text(characters[start..<position])
    }

    private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Literals hashed as documents' tokens are: each must be one token of ICU's word breaking.
    private func words(_ literals: [String], at offset: Int, shown: String) throws(DictionaryError) -> TokenTest {
        let hashes: [[UInt64]]
        do {
            // Plain words need no ICU; the others are broken together.
            let plain = literals.map { PhraseTokenizer.plainWordHashes($0) }
            hashes = plain.allSatisfy { $0 != nil } ? plain.map { $0! } : try PhraseTokenizer.tokenHashes(literals)
        } catch {
            throw self.error("cannot tokenize '\(shown)': \(SystemErrors.plain(error))", at: offset)
        }
        var keys: [UInt64] = []
        for (literal, tokens) in zip(literals, hashes) {
            guard tokens.count == 1 else {
                throw self.error("'\(literal)' is \(tokens.count) tokens, not one: write each as its own test", at: offset)
            }
            keys.append(tokens[0])
        }
        return .words(HashSet64(keys), shown: [shown])
    }

    private mutating func quantifier() throws(DictionaryError) -> (Int, Int) {
        guard position < characters.count else { return (1, 1) }
        switch characters[position] {
        case "?": position += 1; return (0, 1)
        case "*": position += 1; return (0, PatternFile.repeatLimit)
        case "+": position += 1; return (1, PatternFile.repeatLimit)
        case "{":
            let start = position
            guard let close = characters[position...].firstIndex(of: "}") else { throw error("'{' is never closed", at: start) }
            let bounds = Self.text(characters[(position + 1)..<close]).split(separator: ",", omittingEmptySubsequences: false)
            position = close + 1
            guard let low = Int(bounds[0]), bounds.count <= 2 else { throw error("expected {n} or {m,n}", at: start) }
            let high = bounds.count == 2 ? Int(bounds[1]) : low
            guard let high, low >= 0, high >= low, high >= 1, high <= PatternFile.repeatLimit else {
                throw error("a repeat is {m,n} with m ≤ n ≤ \(PatternFile.repeatLimit)", at: start)
            }
            return (low, high)
        default: return (1, 1)
        }
    }

    /// Alternatives of plain words become one set (one probe instead of several).
    private static func simplified(_ test: TokenTest) -> TokenTest {
        guard case .anyOf(let tests) = test else { return test }
        if tests.count == 1 { return tests[0] }
        var keys: [UInt64] = []
        var shown: [String] = []
        for alternative in tests {
            guard case .words(let set, let names) = alternative else { return test }
            keys += set.keys
            shown += names
        }
        return .words(HashSet64(keys), shown: shown)
    }
}
