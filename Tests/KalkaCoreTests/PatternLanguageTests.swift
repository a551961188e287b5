import Testing
import KalkaCore
@testable import KalkaModel

/// The pattern language itself (Dictionaries/patterns/README.md): what each test and operator
/// matches, errors that name file, line and column, and matching work that does not grow with
/// the number of patterns.
@Suite struct PatternLanguageTests: CountsRuleSteps {
    private func file(_ patterns: [(match: String, unless: [String])]) -> String {
        var text = "# kalka patterns: test\n# rule: CAL001\n# source: test\n# licence: CC0\n"
        for (index, pattern) in patterns.enumerated() {
            text += "\npattern p\(index)\n  source: x\n  severity: warning\n  match: \(pattern.match)\n"
            for unless in pattern.unless { text += "  unless: \(unless)\n" }
            text += "  advice: x\n  example: ⟦x⟧\n  counter: y\n"
        }
        return text
    }

    private func set(_ patterns: [(match: String, unless: [String])]) throws -> PatternSet {
        PatternSet(try PatternFile.parse(path: "t.txt", text: file(patterns), inflections: Inflections.of(Lint.store)).patterns)
    }

    /// The marked text of every match of `match` in `text`.
    private func matches(_ match: String, unless: [String] = [], in text: String) throws -> [String] {
        let analysis = try analysis(text)
        return try set([(match, unless)]).matches(in: analysis).map { analysis.text(of: $0.range) }
    }

    @Test func literalsLemmasAndShapes() throws {
        #expect(try matches("reported about", in: "He REPORTED ABOUT it. He reported on it.") == ["REPORTED ABOUT"])
        #expect(try matches("=Kyiv", in: "Kyiv, KYIV and kyiv.") == ["Kyiv"])
        #expect(try matches("@tell about", in: "She told about it; they tell about it; he tells about it.") == ["told about", "tell about", "tells about"])
        #expect(try matches("@carry out", in: "They carried out, carries out and carry out.") == ["carried out", "carries out", "carry out"])
        #expect(try matches("<cap> said", in: "Kuleba said and he said.") == ["Kuleba said"])
        #expect(try matches("<number> <lower>", in: "It took 65 thousand and 3 Days.") == ["65 thousand"])
        #expect(try matches("'(' <word> ')'", in: "The army (ZSU) said (in part, again).") == ["(ZSU)"])
        #expect(try matches("/[0-9]+,[0-9]/ million", in: "About 2,5 million and 2,500 million.") == ["2,5 million"])
    }

    @Test func setsNegationAndConjunction() throws {
        #expect(try matches("(strike|strikes|blows) on", in: "Blows on the city; strikes on ports; a hit on it.") == ["Blows on", "strikes on"])
        #expect(try matches("in !(a|the)&<cap>", in: "He lived in the Kyiv region, in Kharkiv and in a Lviv flat.") == ["in Kharkiv"])
        #expect(try matches("<cap>&!(Monday|Tuesday) said", in: "Monday said no; Kuleba said yes.") == ["Kuleba said"])
        #expect(try matches("(Monday|Kuleba|said)&<cap> said", in: "Monday said no; Kuleba said yes.") == ["Monday said", "Kuleba said"])
    }

    /// Tag tests read the part-of-speech tagger, asked only for the sentences a pattern reaches.
    @Test func partsOfSpeech() throws {
        let tagger = try PartOfSpeechTagger.shared(Lint.store)
        let text = "The rating Zelensky in the polls fell. The statement Zelensky made was brief."
        let analysis = try analysis(text)
        var asked = 0
        let found = try set([("(rating|statement)&<NOUN> [ <PROPN>&<cap> ] (<ADP>|<CCONJ>|'.')", [])]).matches(in: analysis) { tokens in
            asked += 1
            return tagger.tag(analysis, tokens: tokens).map(\.rawValue)
        }
        #expect(found.map { analysis.text(of: $0.range) } == ["Zelensky"])
        #expect(asked == 2, "one tagging per sentence that reaches a tag test")
        let none = try set([("zqword <NOUN>", [])]).matches(in: analysis) { _ in
            Issue.record("no sentence reaches the tag test")
            return []
        }
        #expect(none.isEmpty)
    }

    @Test func repeatsSkipsAndAnchors() throws {
        #expect(try matches("about _{0,2} reports", in: "About it the ministry reports. About it reports.") == ["About it reports"])
        #expect(try matches("very+ good", in: "a very very good and good day") == ["very very good"])
        #expect(try matches("^ recall that", in: "Recall that it rained. They recall that it rained.") == ["Recall that"])
        #expect(try matches("the agency informs $", in: "The agency informs. The agency informs us.") == ["The agency informs"])
        #expect(try matches("the (big)? house", in: "the house and the big house") == ["the house", "the big house"])
    }

    @Test func theMarkedSpanAndAntipatterns() throws {
        #expect(try matches("voted [ for ] the bill", in: "They voted for the bill.") == ["for"])
        #expect(try matches("[ told about ]", unless: ["@be told about"], in: "He was told about it. He told about it.") == ["told about"])
        // An antipattern must overlap the match to cancel it.
        #expect(try matches("[ told about ]", unless: ["was told"], in: "It was told. He told about it.") == ["told about"])
    }

    @Test func matchesNeverCrossSentencesOrOverlap() throws {
        #expect(try matches("rain . the", in: "It will rain. The sun.").isEmpty)
        let analysis = try analysis("He reported about the plan.")
        let found = try set([("reported about", []), ("about the", [])]).matches(in: analysis)
        #expect(found.map { analysis.text(of: $0.range) } == ["reported about"])
    }

    @Test(arguments: [
        ("  match: [ about", 9, 10, "'[' is never closed"),
        ("  match: about (it|this", 9, 16, "'(' is never closed"),
        ("  match: about it{3,2}", 9, 18, "a repeat is {m,n}"),
        ("  match: about <NOUNS>", 9, 16, "unknown class '<NOUNS>'"),
        ("  match: Mr. Smith", 9, 10, "'Mr.' is 2 tokens"),
        ("  match: about it?", 9, 10, "'$' (sentence end) must come last"),
        ("  match: about?", 9, 10, "every token test is optional"),
        ("  match: about /[/", 9, 16, "invalid regex"),
        ("  match: about ^", 9, 16, "'^' (sentence start) must come first"),
        ("  mach: about", 9, 3, "unknown key 'mach'"),
    ])
    func errorsNameFileLineAndColumn(_ line: String, _ lineNumber: Int, _ column: Int, _ message: String) {
        var text = file([("about it", [])])
        text = text.replacingOccurrences(of: "  match: about it\n", with: line == "  match: about it?" ? "  match: $ about it\n" : line + "\n")
        do {
            _ = try PatternFile.parse(path: "house.txt", text: text, inflections: Inflections.of(Lint.store))
            Issue.record("expected an error for \(line)")
        } catch let error as DictionaryError {
            #expect(error.path == "house.txt")
            #expect(error.line == lineNumber, "\(error)")
            #expect(error.column == column, "\(error)")
            #expect(error.description.contains(message), "\(error)")
            #expect(error.description.hasPrefix("house.txt:\(lineNumber):\(column): "))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aPatternNeedsExamplesAndOneSuggestion() throws {
        let base = file([("about it", [])])
        for broken in [base.replacingOccurrences(of: "  example: ⟦x⟧\n", with: ""), base.replacingOccurrences(of: "  counter: y\n", with: ""),
                       base.replacingOccurrences(of: "  advice: x\n", with: ""), base.replacingOccurrences(of: "  advice: x\n", with: "  advice: x\n  drop: yes\n"),
                       base.replacingOccurrences(of: "# rule: CAL001\n", with: ""),
                       base.replacingOccurrences(of: "  example: ⟦x⟧\n", with: "  example: no mark\n"),
                       base.replacingOccurrences(of: "  example: ⟦x⟧\n", with: "  example: ⟦x⟧ => a => b\n")] {
            #expect(throws: DictionaryError.self) { try PatternFile.parse(path: "t.txt", text: broken, inflections: Inflections.of(Lint.store)) }
        }
    }

    @Test func anExampleSplitsAtItsArrow() throws {
        let text = file([("about it", [])]).replacingOccurrences(of: "  example: ⟦x⟧\n", with: "  example: It was ⟦x⟧ here. => y\n  example: ⟦z⟧\n")
        let examples = try PatternFile.parse(path: "t.txt", text: text, inflections: Inflections.of(Lint.store)).patterns[0].examples
        #expect(examples.map(\.text) == ["It was ⟦x⟧ here.", "⟦z⟧"])
        #expect(examples.map(\.suggestion) == ["y", nil])
    }

    /// Ten times the patterns, anchored on words the text does not hold, cost no more attempts:
    /// each token is looked up once in the anchor index whatever the set's size.
    @Test(.enabled(if: WorkCounter.isCounting, "work is counted in debug builds only"))
    func attemptsDoNotGrowWithThePatternCount() throws {
        let text = String(repeating: "The ministry reported about the damage to the grid, and the mayor told about repairs. ", count: 50)
        let analysis = try analysis(text)
        let base: [(match: String, unless: [String])] = [("[ @report about ]", []), ("[ told about ]", ["@be told about"]), ("the ministry", [])]
        let extra = (0..<(10 * base.count)).map { index in (match: "zq\(index)word about", unless: [String]()) }
        let small = try set(base), large = try set(base + extra)
        var smallMatches = 0, largeMatches = 0
        let smallSteps = WorkCounter.counting { smallMatches = small.matches(in: analysis).count }
        let largeSteps = WorkCounter.counting { largeMatches = large.matches(in: analysis).count }
        #expect(smallMatches == 150 && largeMatches == smallMatches)
        #expect(largeSteps == smallSteps, "\(smallSteps) attempts with \(base.count) patterns, \(largeSteps) with \(base.count + extra.count)")
    }
}
