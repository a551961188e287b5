import Foundation
import Testing
import KalkaCore

/// The check run's policy, called as a library: fail-on levels, errors, baselines and fixes
/// decide the exit status (the binary's own tests pin the output around it).
@Suite struct CheckSessionTests {
    /// One repeated word (DUP001, a safe fix) in an otherwise clean sentence.
    static let repeated = "The the talks ended early.\n"
    static let clean = "The talks ended early.\n"

    /// A fresh file holding `text`.
    static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kalka-session-\(UUID().uuidString).txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func contents(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    /// The repeated-word rule alone, its findings at `severity`.
    static func linter(severity: Severity = .warning) throws -> Linter {
        Linter(rules: [try RepeatedWordRule(dictionaries: Lint.store)], severityOverrides: ["DUP001": severity])
    }

    static func inputs(_ paths: [String], failOn: Severity? = .warning, linter: Linter) -> [CheckSession.Input] {
        paths.map { CheckSession.Input(job: LintRunner.Job(item: .file(path: $0, format: .plain), linter: linter), failOn: failOn) }
    }

    /// What the session handed to its outputs.
    final class Captured {
        var reports: [FileReport] = []
        var errors: [(path: String, message: String)] = []
        var diffs: [String] = []

        func output() -> CheckSession.Output {
            var output = CheckSession.Output()
            output.report = { self.reports.append($0) }
            output.error = { self.errors.append(($0, $1)) }
            output.diff = { self.diffs.append($0) }
            return output
        }
    }

    // MARK: Fail-on levels

    @Test(arguments: [
        (Severity.warning, Severity?.some(.warning), Int32(1)),
        (.warning, .some(.info), 1),
        (.warning, .some(.error), 0),
        (.warning, nil, 0),
        (.error, .some(.error), 1),
        (.info, .some(.warning), 0),
        (.info, .some(.info), 1),
    ])
    func aFindingFailsTheRunFromItsFailOnLevel(severity: Severity, failOn: Severity?, status: Int32) throws {
        let path = try Self.file(Self.repeated)
        let captured = Captured()
        let outcome = try CheckSession(inputs: Self.inputs([path], failOn: failOn, linter: Self.linter(severity: severity)), jobs: 1).run(captured.output())
        #expect(captured.reports.map(\.diagnostics.count) == [1])
        #expect(outcome.failing == (status == 1))
        #expect(outcome.exitStatus == status)
    }

    @Test func eachInputHasItsOwnFailOnLevel() throws {
        let linter = try Self.linter()
        let lenient = Self.inputs([try Self.file(Self.repeated)], failOn: .error, linter: linter)
        let strict = Self.inputs([try Self.file(Self.clean)], failOn: .info, linter: linter)
        #expect(try CheckSession(inputs: lenient + strict, jobs: 2).run(Captured().output()).exitStatus == 0)
        let strictOnTheFinding = Self.inputs([try Self.file(Self.repeated)], failOn: .info, linter: linter)
        #expect(try CheckSession(inputs: strict + strictOnTheFinding, jobs: 2).run(Captured().output()).exitStatus == 1)
    }

    @Test func theCommandLineLevelBeatsTheConfigurationsAndWarningIsTheDefault() {
        var configuration = Configuration()
        #expect(CheckSession.failOn(commandLine: nil, configuration: configuration) == .warning)
        configuration.failOn = .some(nil)
        #expect(CheckSession.failOn(commandLine: nil, configuration: configuration) == nil)
        #expect(CheckSession.failOn(commandLine: .some(.info), configuration: configuration) == .info)
        configuration.failOn = .some(.error)
        #expect(CheckSession.failOn(commandLine: nil, configuration: configuration) == .error)
        #expect(CheckSession.failOn(commandLine: .some(nil), configuration: configuration) == nil)
    }

    // MARK: Errors

    @Test func anInputThatCannotBeCheckedMakesTheStatus2WhateverTheFindings() throws {
        let clean = try Self.file(Self.clean)
        let inputs = [CheckSession.Input(job: LintRunner.Job(item: .failure(path: "gone.txt", message: "no such file or directory"), linter: try Self.linter()), failOn: nil)]
            + Self.inputs([clean], failOn: nil, linter: try Self.linter())
        let captured = Captured()
        let outcome = try CheckSession(inputs: inputs, jobs: 1).run(captured.output())
        #expect(captured.errors.map(\.path) == ["gone.txt"])
        #expect(captured.errors.map(\.message) == ["no such file or directory; not checked"])
        #expect(captured.reports.map(\.path) == ["gone.txt", clean])
        #expect(outcome.summary.errors == 1)
        #expect(outcome.exitStatus == 2)
    }

    // MARK: Baselines

    @Test func aBaselineHidesTheFindingsItRecordedAndOnlyThose() throws {
        let path = try Self.file(Self.repeated)
        let linter = try Self.linter()
        let recording = try CheckSession(inputs: Self.inputs([path], linter: linter), jobs: 1, recordsBaseline: true).run(Captured().output())
        // Recording never fails on findings.
        #expect(recording.exitStatus == 0)
        #expect(recording.recorded.count == 1)

        let captured = Captured()
        let hidden = try CheckSession(inputs: Self.inputs([path], linter: linter), jobs: 1, baseline: recording.recorded).run(captured.output())
        #expect(captured.reports.map(\.diagnostics.count) == [0])
        #expect(hidden.summary.hiddenByBaseline == 1)
        #expect(hidden.exitStatus == 0)

        // A new finding in the same file is shown and fails the run.
        try Data((Self.repeated + "Talks resumed on on Monday.\n").utf8).write(to: URL(fileURLWithPath: path))
        let grown = try CheckSession(inputs: Self.inputs([path], linter: linter), jobs: 1, baseline: recording.recorded).run(Captured().output())
        #expect(grown.summary.diagnostics == 1)
        #expect(grown.summary.hiddenByBaseline == 1)
        #expect(grown.exitStatus == 1)
    }

    @Test func recordingStillFailsOnAnInputThatCannotBeChecked() throws {
        let inputs = [CheckSession.Input(job: LintRunner.Job(item: .failure(path: "gone.txt", message: "no such file or directory"), linter: try Self.linter()), failOn: .warning)]
        let outcome = try CheckSession(inputs: inputs, jobs: 1, recordsBaseline: true).run(Captured().output())
        #expect(outcome.recorded.count == 0)
        #expect(outcome.exitStatus == 2)
    }

    // MARK: Fixes

    @Test func appliedFixesAreWrittenAndWhatIsFixedNoLongerFails() throws {
        let path = try Self.file(Self.repeated)
        let untouched = try Self.file(Self.clean)
        let captured = Captured()
        let outcome = try CheckSession(inputs: Self.inputs([path, untouched], linter: Self.linter()), jobs: 1, fixMode: .apply(.safe)).run(captured.output())
        #expect(try Self.contents(path) == Self.clean)
        #expect(outcome.fixesApplied == 1)
        #expect(outcome.filesChanged == 1)
        #expect(captured.reports.map(\.diagnostics.count) == [0, 0])
        #expect(outcome.exitStatus == 0)
    }

    @Test func aFixThatCannotBeWrittenKeepsTheFindingsAndMakesTheStatus2() throws {
        let path = try Self.file(Self.repeated)
        struct DiskFull: Error, CustomStringConvertible { var description: String { "the disk is full" } }
        let captured = Captured()
        var output = captured.output()
        output.replaceFile = { _, _, _ in throw DiskFull() }
        let outcome = try CheckSession(inputs: Self.inputs([path], failOn: nil, linter: Self.linter()), jobs: 1, fixMode: .apply(.safe)).run(output)
        #expect(try Self.contents(path) == Self.repeated)
        // The findings as on disk, then the failure.
        #expect(captured.reports.map(\.diagnostics.count) == [1, 0])
        #expect(captured.reports.map { $0.error != nil } == [false, true])
        #expect(captured.errors.map(\.message) == ["fixes not written (the disk is full); the file is left unchanged"])
        #expect(outcome.writeFailures == 1)
        #expect(outcome.fixesApplied == 0)
        #expect(outcome.filesChanged == 0)
        #expect(outcome.exitStatus == 2)
    }

    @Test func aDiffChangesNothingAndFailsOnlyWhenAFileWouldChange() throws {
        let path = try Self.file(Self.repeated)
        let clean = try Self.file(Self.clean)
        let captured = Captured()
        let outcome = try CheckSession(inputs: Self.inputs([path, clean], linter: Self.linter()), jobs: 1, fixMode: .diff(.safe)).run(captured.output())
        #expect(try Self.contents(path) == Self.repeated)
        #expect(captured.diffs.count == 2)
        #expect(captured.diffs[0].contains("-The the talks ended early.") && captured.diffs[0].contains("+The talks ended early."))
        #expect(captured.diffs[1].isEmpty)
        #expect(outcome.filesChanged == 1)
        #expect(outcome.exitStatus == 1)

        // A change to show fails the diff whatever the fail-on level; none passes it.
        let neverFails = try CheckSession(inputs: Self.inputs([path], failOn: nil, linter: Self.linter()), jobs: 1, fixMode: .diff(.safe)).run(Captured().output())
        #expect(neverFails.exitStatus == 1)
        let unchanged = try CheckSession(inputs: Self.inputs([clean], failOn: .info, linter: Self.linter()), jobs: 1, fixMode: .diff(.safe)).run(Captured().output())
        #expect(unchanged.exitStatus == 0)
    }
}
