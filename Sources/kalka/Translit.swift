import ArgumentParser
import Foundation
import KalkaConfig
import KalkaCore

struct Translit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translit",
        abstract: "Romanize Cyrillic text by a named standard; other text passes through untouched.",
        discussion: """
            Reads FILE (or standard input) line by line and writes the romanized text to standard \
            output, in bounded memory. With --lang auto (the default) each word goes by its own \
            letters (і ї є ґ and an apostrophe are Ukrainian; ы э ъ ё are Russian), and words that \
            fit both follow the language most of the document's words show. --standard picks the \
            standard, and with it the language, for every Cyrillic word.
            """
    )

    enum Language: String, ExpressibleByArgument, CaseIterable {
        case auto, uk, ru
    }

    @Argument(help: "The file to romanize; - or nothing for standard input.")
    var file: String?

    @Option(help: "The standard (see --list). Default: house-style translit in .kalka.yml, else uk-national for Ukrainian, ru-wikipedia for Russian.")
    var standard: String?

    @Option(help: "The language of the Cyrillic text: auto, uk or ru.")
    var lang: Language?

    @OptionGroup var configurationOptions: ConfigurationOptions

    @Flag(help: "List the standards with their sources.")
    var list = false

    /// One by default: ICU serializes compound transliterators (a rule file with `::` passes,
    /// or one built on ICU's own BGN tables) on a process-wide mutex, so more workers only add
    /// contention for most standards (measured on 20 MB: 2.0 s with one worker, 4.6 s with two).
    @Option(name: .shortAndLong, help: "Workers romanizing in parallel (default 1; ICU serializes most standards anyway).")
    var jobs: Int = 1

    func run() throws {
        let standards: TransliterationStandards
        do {
            standards = try TransliterationStandards.builtIn.get()
        } catch {
            throw CommandFailure(nil, "cannot load the standards: \(SystemErrors.plain(error))")
        }
        if list {
            for standard in standards.all {
                let isDefault = TransliterationStandards.defaultName(for: standard.language) == standard.name ? " (default for \(standard.language.englishName))" : ""
                StandardStreams.writeOut("\(standard.name)\(isDefault)\n  \(standard.title)\n  Source: \(standard.source)\n")
            }
            return
        }
        let (romanizer, mode) = try makeRomanizer(standards)
        let path = file ?? "-"
        let descriptor: Int32
        if path == "-" {
            descriptor = STDIN_FILENO
        } else {
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw CommandFailure(path, "cannot open: \(SystemErrors.text(errno)); nothing was written")
            }
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        let input = try readInput(descriptor, path: path)
        do throws(TransliterationError) {
            // A pipe or FIFO, named or not, is read once: it votes as it goes.
            let canReread = input.canReread
            if case .auto = mode, canReread {
                // A file can be read twice: vote over all of it, then romanize.
                let vote = try TransliterationStream.vote(input.fresh(), path: path)
                romanizer.mode = .auto(vote: vote.winner)
            }
            let stream = TransliterationStream(prototype: romanizer, jobs: jobs)
            try stream.run(input.fresh(), path: path, runningVote: !canReread) { StandardStreams.writeOut(bytes: $0) }
            StandardStreams.flush()
        } catch {
            throw CommandFailure(nil, "\(error.description); stopped there")
        }
    }

    /// The input as `check` reads it: UTF-8 streams through; a file that starts with a UTF-16
    /// byte order mark is decoded whole (and written out as UTF-8).
    private func readInput(_ descriptor: Int32, path: String) throws -> TranslitSource {
        // Where the input starts: standard input redirected from a file need not be at 0.
        let start = lseek(descriptor, 0, SEEK_CUR)
        var head: [UInt8] = []
        var byte: UInt8 = 0
        while head.count < 2 {
            let count = Foundation.read(descriptor, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            head.append(byte)
        }
        guard head == [0xFF, 0xFE] || head == [0xFE, 0xFF] else { return .stream(descriptor, head: head, start: start) }
        var bytes = head
        switch descriptor == STDIN_FILENO ? FileReading.readStandardInput() : FileReading.read(path: path) {
        case .success(let rest): bytes += descriptor == STDIN_FILENO ? rest : Array(rest.dropFirst(2))
        case .failure(let error): throw CommandFailure(path, error.message + "; nothing was written")
        }
        do {
            return .whole(try SourceFile(path: path, bytes: bytes).text)
        } catch {
            throw CommandFailure(path, error.description + "; nothing was written")
        }
    }

    private func makeRomanizer(_ standards: TransliterationStandards) throws -> (TextRomanizer, LanguageMode) {
        var chosen: TransliterationStandard?
        // The house style's standard replaces the default for its language only; the language
        // is still told word by word.
        let houseStandard = standard == nil ? try configurationOptions.settings(for: file).translitStandard.flatMap(standards.standard(named:)) : nil
        if let standard {
            guard let found = standards.standard(named: standard) else {
                let names = standards.all.map(\.name).joined(separator: ", ")
                throw CommandFailure(nil, "unknown standard '\(standard)'; the standards are: \(names)")
            }
            chosen = found
        }
        let mode: LanguageMode = switch (lang, chosen) {
        case (.uk?, _): .fixed(.uk)
        case (.ru?, _): .fixed(.ru)
        case (.auto?, _): .auto(vote: .uk)
        case (nil, let chosen?): .fixed(chosen.language)
        case (nil, nil): .auto(vote: .uk)
        }
        func pick(_ language: CyrillicLanguage) -> TransliterationStandard? {
            if let chosen, chosen.language == language { return chosen }
            if let houseStandard, houseStandard.language == language { return houseStandard }
            return standards.defaultStandard(for: language)
        }
        // A fixed language needs only its own standard; the other slot reuses it.
        let needed: [CyrillicLanguage] = if case .fixed(let language) = mode { [language] } else { [.uk, .ru] }
        for language in needed where pick(language) == nil {
            throw CommandFailure(nil, "no \(language.englishName) standard '\(TransliterationStandards.defaultName(for: language))' in this build")
        }
        guard let ukrainian = pick(.uk) ?? pick(.ru), let russian = pick(.ru) ?? pick(.uk) else { throw ExitCode(2) }
        do {
            return (try TextRomanizer(ukrainian: ukrainian, russian: russian, mode: mode), mode)
        } catch {
            throw CommandFailure(nil, "cannot prepare the standard: \(SystemErrors.plain(error))")
        }
    }
}

/// Where `translit` reads from: a descriptor that streams (after the bytes already peeked at),
/// or text decoded whole.
enum TranslitSource {
    /// `start` is the offset the input began at, or -1 when it cannot seek (a pipe, a FIFO).
    case stream(Int32, head: [UInt8], start: off_t)
    case whole([UInt8])

    /// Whether `fresh()` can start over: text held whole, or a descriptor that seeks (a file,
    /// named or redirected to standard input).
    var canReread: Bool {
        switch self {
        case .whole: true
        case .stream(_, _, let start): start >= 0
        }
    }

    /// A reader from the start: a file is rewound to where it began; a pipe gets its peeked
    /// bytes back (it is read once only).
    func fresh() -> TransliterationInput {
        switch self {
        case .whole(let text): return TransliterationInput(text: text)
        case .stream(let descriptor, let head, let start):
            if start >= 0, lseek(descriptor, start, SEEK_SET) == start { return TransliterationInput(descriptor: descriptor) }
            return TransliterationInput(descriptor: descriptor, alreadyRead: head)
        }
    }
}
