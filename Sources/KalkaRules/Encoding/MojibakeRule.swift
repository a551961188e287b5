import ICUKit
import KalkaKnowledge
import KalkaModel
import KalkaText

/// ENC001: Cyrillic text garbled by a wrong decoding — UTF-8 read as windows-1251
/// ("Р”РјРёС‚СЂРѕ"), UTF-8 read as windows-1252 ("Ð”Ð¼Ð¸Ñ‚Ñ€Ð¾"), KOI8-R read as windows-1251
/// ("дНЙФТП") — repaired through ICU converters: encode with the wrong charset, decode with the
/// right one.
public struct MojibakeRule: Rule {
    public static let description = RuleDescription(
        code: "ENC001",
        name: "mojibake",
        category: .encoding,
        severity: .error,
        summary: "Cyrillic text garbled by a wrong decoding, as in “Р”РјРёС‚СЂРѕ” for “Дмитро” (UTF-8 read as windows-1251).",
        rationale: """
            A name or quotation pasted from a Russian or Ukrainian source through a tool that \
            guessed the wrong encoding turns into gibberish: UTF-8 read as windows-1251 gives \
            “Р”РјРёС‚СЂРѕ”, read as windows-1252 gives “Ð”Ð¼Ð¸Ñ‚Ñ€Ð¾”, and KOI8-R read as \
            windows-1251 gives “дНЙФТП”. Each confusion leaves a characteristic pattern (every \
            other character an “Р” or “С”, an “Ð” or “Ñ” before a Latin-1 symbol, a lowercase \
            letter before capitals), and each is reversible: encode the garbled run with the \
            charset it was wrongly read as and decode the bytes with the right one.
            """,
        fixApplicability: .safe,
        fixSafety: """
            The repair is the exact inverse of the wrong decoding, done with strict ICU converters \
            that fail instead of substituting; it is offered only when the round trip succeeds \
            and gives nothing but Cyrillic letters, spaces and punctuation.
            """,
        triggering: [
            "Foreign Minister ⟦Р”РјРёС‚СЂРѕ РљСѓР»РµР±Р°⟧ said on Monday.",
            "The minister, ⟦Ð”Ð¼Ð¸Ñ‚Ñ€Ð¾ ÐšÑƒÐ»ÐµÐ±Ð°⟧, arrived in Brussels.",
            "Kremlin spokesman ⟦дНЙФТЙК рЕУЛПЧ⟧ declined to comment.",
            "Talks in (⟦РљРёС—РІ⟧) resumed.",
        ],
        nonTriggering: [
            "Foreign Minister Dmytro Kuleba (Дмитро Кулеба) said on Monday.",
            "The city of Рівне lies in the west; Сірий is a surname.",
            "The café in Zürich served crème brûlée — “naïve”, they said.",
            "The ministry (МЗС) and the security service (СБУ) issued statements.",
            "Output rose to 5 кВт and then to 7 мВт.",
        ],
        fixes: [
            FixExample("Foreign Minister Р”РјРёС‚СЂРѕ РљСѓР»РµР±Р° said.", "Foreign Minister Дмитро Кулеба said."),
            FixExample("The minister, Ð”Ð¼Ð¸Ñ‚Ñ€Ð¾ ÐšÑƒÐ»ÐµÐ±Ð°, arrived.", "The minister, Дмитро Кулеба, arrived."),
            FixExample("Spokesman дНЙФТЙК рЕУЛПЧ declined.", "Spokesman Дмитрий Песков declined."),
        ],
        signalsTranslation: .strong
    )

    /// One way Cyrillic text gets garbled.
    struct Confusion: Sendable {
        enum Kind: Sendable {
            /// UTF-8 bytes read in a single-byte charset.
            case utf8
            /// KOI8-R bytes read as windows-1251.
            case koi8
        }

        let kind: Kind
        /// "UTF-8 read as windows-1251".
        let label: String
        /// The charset the bytes were wrongly read as; `right` the one they are in.
        let wrong: String
        let right: String
        /// The byte each character of the wrong charset's upper half stands for. Bytes the
        /// charset leaves undefined read as the C1 control of the same value (as browsers and
        /// Latin-1 decoders do).
        let bytes: [UInt32: UInt8]
        /// `bytes` as a table by scalar value, 0 where it has none (no character stands for
        /// byte 0): a chunk's letters are looked up by index, not hashed.
        let table: [UInt8]

        init(kind: Kind, label: String, wrong: String, right: String, bytes: [UInt32: UInt8]) {
            self.kind = kind
            self.label = label
            self.wrong = wrong
            self.right = right
            self.bytes = bytes
            var table = [UInt8](repeating: 0, count: Int(bytes.keys.max() ?? 0) + 1)
            for (value, byte) in bytes { table[Int(value)] = byte }
            self.table = table
        }

        /// The byte the character `value` stands for, if the wrong charset has it.
        @inline(__always) func byte(of value: UInt32) -> UInt8? {
            guard value < table.count else { return nil }
            let byte = table[Int(value)]
            return byte == 0 ? nil : byte
        }
    }

    /// The confusions tried, in order.
    var confusions: [Confusion] { Self.builtConfusions }

    /// Built once per process, when a document first has a chunk with a non-ASCII byte: a check
    /// of plain ASCII opens no ICU converter. (The converters are ICU's own; with ICU's data
    /// missing, nothing is reported as garbled.)
    private static let builtConfusions: [Confusion] = (try? [
        confusion(.utf8, wrong: "windows-1251", right: "UTF-8"),
        confusion(.utf8, wrong: "windows-1252", right: "UTF-8"),
        confusion(.koi8, wrong: "windows-1251", right: "KOI8-R"),
    ]) ?? []

    /// Characters of English typography (’ “ ” — – … and the like) that no confusion reads as
    /// part of a garble: a chunk whose only non-ASCII characters are these cannot match, and is
    /// passed without decoding (most chunks with non-ASCII in English text are such).
    static let innocentTypography: Set<UInt32> = Set(typography.filter { scalar in
        builtConfusions.allSatisfy { confusion in
            guard let byte = confusion.bytes[scalar] else { return true }
            switch confusion.kind {
            // No lead byte: `utf8Garble` covers nothing.
            case .utf8: return byte < 0xC2 || byte >= 0xF5
            // Not a letter KOI8-R lands on: `koi8Garble` gives up.
            case .koi8: return byte < 0xC0 && byte != 0xA3 && byte != 0xB3
            }
        }
    })

    /// `innocentTypography` as a table by scalar value, read for every non-ASCII character.
    private static let innocentTable: [Bool] = {
        var table = [Bool](repeating: false, count: Int(innocentTypography.max() ?? 0) + 1)
        for value in innocentTypography { table[Int(value)] = true }
        return table
    }()

    public init(dictionaries: DictionaryStore) throws {}

    /// Candidates for `innocentTypography`, kept only if every confusion passes them.
    private static let typography: [UInt32] = [
        0x2018, 0x2019, 0x201C, 0x201D, 0x2013, 0x2014, 0x2026, 0x00A0, 0x00AB, 0x00BB, 0x2022, 0x00B0, 0x20AC,
        0x00A3, 0x00A9, 0x00AE, 0x2122, 0x00B7, 0x2032, 0x2033, 0x2116,
    ]

    /// The chunk's non-ASCII characters are all `innocentTypography`.
    private func isInnocent(_ range: Range<Int>, _ prose: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = prose[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let value: UInt32
            if byte >= 0xC2 && byte < 0xE0 && index + 1 < range.upperBound && prose[index + 1] & 0xC0 == 0x80 {
                value = UInt32(byte & 0x1F) << 6 | UInt32(prose[index + 1] & 0x3F)
                index += 2
            } else if byte >= 0xE0 && byte < 0xF0 && index + 2 < range.upperBound && prose[index + 1] & 0xC0 == 0x80
                        && prose[index + 2] & 0xC0 == 0x80 {
                value = UInt32(byte & 0x0F) << 12 | UInt32(prose[index + 1] & 0x3F) << 6 | UInt32(prose[index + 2] & 0x3F)
                index += 3
            } else {
                return false
            }
            guard value < Self.innocentTable.count && Self.innocentTable[Int(value)] else { return false }
        }
        return true
    }

    private static func confusion(_ kind: Confusion.Kind, wrong: String, right: String) throws -> Confusion {
        // A converter only while building the table: the rule is shared between threads.
        let converter = try Converter(wrong)
        var bytes: [UInt32: UInt8] = [:]
        for byte in UInt8(0x80)...UInt8(0xFF) {
            if let text = try? converter.decode([byte]), text.unicodeScalars.count == 1 {
                bytes[text.unicodeScalars.first!.value] = byte
            }
            // Read as ISO-8859-1 (or, for bytes the charset leaves undefined, as browsers do),
            // a byte 80–9F becomes the C1 control of the same value.
            if byte < 0xA0 { bytes[UInt32(byte)] = byte }
        }
        let label = (kind == .utf8 ? "UTF-8" : right) + " read as " + wrong
        return Confusion(kind: kind, label: label, wrong: wrong, right: right, bytes: bytes)
    }

    public func check(_ analysis: Analysis, into findings: inout Findings) {
        for run in garbledRuns(in: analysis) { report(run, analysis, &findings) }
    }

    static let runs = DocumentFact<[ChunkMatch]>()

    /// The garbled runs of a document, found once and shared.
    func garbledRuns(in analysis: Analysis) -> [ChunkMatch] {
        analysis.fact(Self.runs) {
            var runs: [ChunkMatch] = []
            analysis.prose.withUnsafeBufferPointer { prose in
                for paragraph in analysis.paragraphs { collect(paragraph.range, prose, into: &runs) }
            }
            return runs
        }
    }

    /// A whitespace-delimited stretch of a paragraph judged as garbled by one confusion.
    struct ChunkMatch: Sendable {
        var confusion: Int
        /// Byte range of the garbled part (ASCII around it excluded).
        var range: Range<Int>
        /// Cyrillic letters it stands for (UTF-8 confusions), or whether its case pattern alone
        /// gives it away (KOI8-R).
        var weight: Int
    }

    /// The paragraph's chunks (runs between ASCII spaces and tabs) in order, each matched alone,
    /// and neighbouring matches of one confusion joined into a run. Only chunks with non-ASCII can
    /// match, so the scan jumps from one non-ASCII byte to the next (eight ASCII bytes at a time)
    /// and takes the chunk around it; an ASCII-only chunk between two such chunks, which the
    /// scan does not visit, still ends the run before it.
    private func collect(_ paragraph: Range<Int>, _ prose: UnsafeBufferPointer<UInt8>, into runs: inout [ChunkMatch]) {
        var run: ChunkMatch? = nil
        func flush() {
            if let current = run { runs.append(current) }
            run = nil
        }
        var lastEnd = paragraph.lowerBound
        while let found = Self.firstNonASCII(in: lastEnd..<paragraph.upperBound, prose) {
            // Chunks are separated by ASCII spaces and tabs only: a no-break space or a C1
            // control may be part of the garble.
            var start = found, end = found + 1
            while start > lastEnd && !prose[start - 1].isSpaceOrTab { start -= 1 }
            while end < paragraph.upperBound && !prose[end].isSpaceOrTab { end += 1 }
            var gap = lastEnd
            while gap < start && prose[gap].isSpaceOrTab { gap += 1 }
            if gap < start { flush() } // an ASCII-only chunk in between: it matches nothing
            let match = isInnocent(start..<end, prose) ? nil : self.match(start..<end, prose)
            if let match, var current = run, current.confusion == match.confusion {
                current.range = current.range.lowerBound..<match.range.upperBound
                current.weight += match.weight
                run = current
            } else {
                flush()
                run = match
            }
            lastEnd = end
        }
        flush()
    }

    /// The offset of the first byte of `range` at or above 0x80.
    private static func firstNonASCII(in range: Range<Int>, _ prose: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = prose.baseAddress else { return nil }
        var offset = range.lowerBound
        while offset + 8 <= range.upperBound,
              UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            offset += 8
        }
        while offset < range.upperBound {
            if prose[offset] >= 0x80 { return offset }
            offset += 1
        }
        return nil
    }

    /// The scalars of a chunk with their byte offsets.
    private func scalars(_ range: Range<Int>, _ prose: UnsafeBufferPointer<UInt8>) -> [(scalar: Unicode.Scalar, start: Int, end: Int)] {
        var result: [(Unicode.Scalar, Int, Int)] = []
        result.reserveCapacity(range.count)
        UTF8Decoding.forEachScalar(in: prose, range) { scalar, bytes in result.append((scalar, bytes.lowerBound, bytes.upperBound)) }
        return result
    }

    func match(_ range: Range<Int>, _ prose: UnsafeBufferPointer<UInt8>) -> ChunkMatch? {
        WorkCounter.count(1)
        let scalars = scalars(range, prose)
        for (index, confusion) in confusions.enumerated() {
            let found: (Range<Int>, Int)? = switch confusion.kind {
            case .utf8: utf8Garble(scalars, confusion)
            case .koi8: koi8Garble(scalars, confusion)
            }
            if let (garbled, weight) = found { return ChunkMatch(confusion: index, range: garbled, weight: weight) }
        }
        return nil
    }

    /// UTF-8 read in a single-byte charset: the chunk's characters, taken back to bytes, form
    /// UTF-8 sequences (a lead byte and its continuation bytes) that cover nearly all its
    /// non-ASCII characters; its weight is the Cyrillic letters among them (lead byte D0–D4).
    /// Garbled punctuation alone ("вЂ”" for "—") joins a run but cannot make one. A "?" or
    /// U+FFFD counts as a continuation byte lost on the way (such a run gets no fix).
    private func utf8Garble(_ scalars: [(scalar: Unicode.Scalar, start: Int, end: Int)], _ confusion: Confusion) -> (Range<Int>, Int)? {
        func byte(_ index: Int) -> UInt8? {
            let value = scalars[index].scalar.value
            return value < 0x80 ? UInt8(value) : confusion.byte(of: value)
        }
        func isContinuation(_ index: Int) -> Bool {
            guard index < scalars.count else { return false }
            let value = scalars[index].scalar.value
            if value == 0x3F || value == 0xFFFD { return true }
            guard let byte = byte(index) else { return false }
            return byte >= 0x80 && byte < 0xC0
        }
        var cyrillic = 0, covered = 0, uncovered = 0
        var first: Int? = nil, last = 0
        var index = 0
        while index < scalars.count {
            guard scalars[index].scalar.value >= 0x80 else {
                index += 1
                continue
            }
            if let lead = byte(index) {
                let width = lead >= 0xC2 && lead < 0xE0 ? 2 : lead >= 0xE0 && lead < 0xF0 ? 3 : lead >= 0xF0 && lead < 0xF5 ? 4 : 0
                if width > 0 && (1..<width).allSatisfy({ isContinuation(index + $0) }) {
                    if lead >= 0xD0 && lead <= 0xD4 { cyrillic += 1 }
                    covered += width
                    if first == nil { first = scalars[index].start }
                    last = scalars[index + width - 1].end
                    index += width
                    continue
                }
            }
            uncovered += 1
            index += 1
        }
        guard covered > 0, uncovered * 4 <= covered, let first else { return nil }
        return (first..<last, cyrillic)
    }

    /// KOI8-R read as windows-1251: KOI8-R keeps lowercase letters where windows-1251 has
    /// capitals and the reverse, so a capitalized word comes out as a lowercase letter before
    /// capitals ("дНЙФТП" for "Дмитро"): weight 1. An all-capital word (a lowercase one in the
    /// original) may continue such a run: weight 0.
    private func koi8Garble(_ scalars: [(scalar: Unicode.Scalar, start: Int, end: Int)], _ confusion: Confusion) -> (Range<Int>, Int)? {
        var letters = 0
        var firstLetter: Unicode.Scalar? = nil
        var first: Int? = nil, last = 0
        for (scalar, start, end) in scalars where scalar.value >= 0x80 {
            // Only the windows-1251 letters KOI8-R letters land on: А–я, and Ј, і for ё, Ё.
            guard let byte = confusion.byte(of: scalar.value), byte >= 0xC0 || byte == 0xA3 || byte == 0xB3 else { return nil }
            // Every letter after the first is a capital (tested as met: a real word fails at
            // its second letter).
            if letters > 0 && !UnicodeProperties.isUppercase(scalar) { return nil }
            if firstLetter == nil { firstLetter = scalar }
            letters += 1
            if first == nil { first = start }
            last = end
        }
        guard let first, let firstLetter, letters >= 2 else { return nil }
        if UnicodeProperties.isLowercase(firstLetter) {
            return letters >= 3 ? (first..<last, 1) : nil
        }
        return (first..<last, 0)
    }

    /// Whether a run carries enough evidence to be reported: two garbled Cyrillic letters, or a
    /// KOI8-R case pattern. An all-capital Cyrillic word alone ("США") may continue a KOI8-R run
    /// but is no garble by itself.
    func isReported(_ run: ChunkMatch) -> Bool {
        switch confusions[run.confusion].kind {
        case .utf8: run.weight >= 2
        case .koi8: run.weight >= 1
        }
    }

    private func report(_ run: ChunkMatch, _ analysis: Analysis, _ findings: inout Findings) {
        let confusion = confusions[run.confusion]
        guard isReported(run) else { return }
        let garbled = analysis.text(of: run.range)
        guard let repaired = try? Self.repair(garbled, confusion) else {
            findings.report(run.range, "Mojibake: “\(garbled)” is Cyrillic text garbled by a wrong decoding (\(confusion.label)) that does not repair cleanly")
            return
        }
        let message = "Mojibake: “\(garbled)” reads as “\(repaired)” (\(Self.label(of: garbled, confusion)))"
        if Self.isCleanCyrillic(repaired) {
            findings.report(run.range, message, fixTitle: "Repair to “\(repaired)”", edits: [ProseEdit(run.range, repaired)])
        } else {
            findings.report(run.range, message)
        }
    }

    /// The confusion's label, or "UTF-8 read as ISO-8859-1" when the garble holds C1 controls
    /// where windows-1252 has characters (a Latin-1 decoder made it).
    static func label(of garbled: String, _ confusion: Confusion) -> String {
        let latin1 = confusion.wrong == "windows-1252" && garbled.unicodeScalars.contains {
            $0.value >= 0x80 && $0.value < 0xA0 && ![0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0.value)
        }
        return latin1 ? "UTF-8 read as ISO-8859-1" : confusion.label
    }

    /// Encodes `garbled` with the wrong charset and decodes the bytes with the right one, with
    /// strict converters (made here: converters are not shareable between threads). C1 controls
    /// stand for bytes the wrong charset leaves undefined and go back through ISO-8859-1.
    static func repair(_ garbled: String, _ confusion: Confusion) throws -> String {
        let wrong = try Converter(confusion.wrong)
        var latin1: Converter? = nil
        var bytes: [UInt8] = []
        var segment = String.UnicodeScalarView()
        var segmentIsC1 = false
        func flush() throws {
            guard !segment.isEmpty else { return }
            if segmentIsC1 {
                if latin1 == nil { latin1 = try Converter("ISO-8859-1") }
                bytes += try latin1!.encode(String(segment))
            } else {
                bytes += try wrong.encode(String(segment))
            }
            segment = String.UnicodeScalarView()
        }
        for scalar in garbled.unicodeScalars {
            let isC1 = scalar.value >= 0x80 && scalar.value < 0xA0
            if isC1 != segmentIsC1 {
                try flush()
                segmentIsC1 = isC1
            }
            segment.append(scalar)
        }
        try flush()
        return try Converter(confusion.right).decode(bytes)
    }

    /// The confusion with this label ("UTF-8 read as windows-1251").
    func confusion(_ label: String) -> Confusion? { confusions.first { $0.label == label } }

    /// `text` garbled by `confusion`: encoded in the right charset, decoded in the wrong one,
    /// bytes it leaves undefined read as C1 controls. The inverse of `repair`, for tests.
    static func garble(_ text: String, _ confusion: Confusion) throws -> String {
        let bytes = try Converter(confusion.right).encode(text)
        // A byte the charset defines reads as its character, not as a C1 control.
        let characters = Dictionary(confusion.bytes.map { ($0.value, $0.key) }) { max($0, $1) }
        var garbled = String.UnicodeScalarView()
        for byte in bytes {
            garbled.append(Unicode.Scalar(byte < 0x80 ? UInt32(byte) : characters[byte] ?? 0xFFFD)!)
        }
        return String(garbled)
    }

    /// Cyrillic letters, spaces and punctuation only.
    static func isCleanCyrillic(_ text: String) -> Bool {
        var letters = 0
        for scalar in text.unicodeScalars {
            if UnicodeProperties.isAlphabetic(scalar) {
                guard UnicodeProperties.script(of: scalar) == .cyrillic else { return false }
                letters += 1
            } else if !(UnicodeProperties.isWhitespace(scalar) || UnicodeProperties.isPunctuation(scalar)) {
                return false
            }
        }
        return letters > 0
    }
}
