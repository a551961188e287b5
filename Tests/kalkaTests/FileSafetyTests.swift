import Foundation
import Testing

/// What kalka does with the files around the ones it checks: outputs that are inputs, symbolic
/// and hard links, FIFOs and devices, loops, writes that fail (issue 13).
@Suite struct FileSafetyTests {
    /// A fresh directory holding `files` (name → text).
    static func directory(_ files: [String: String] = [:]) throws -> URL {
        let directory = try CLI.temporaryDirectory()
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return directory
    }

    static func text(_ directory: URL, _ name: String) throws -> String {
        String(decoding: try Data(contentsOf: directory.appendingPathComponent(name)), as: UTF8.self)
    }

    static func fileType(_ directory: URL, _ name: String) -> mode_t? {
        var info = stat()
        guard lstat(directory.appendingPathComponent(name).path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    static let repeated = "The the talks ended.\n"

    // MARK: 1. An output that is one of the inputs

    @Test func anOutputThatIsAnInputIsRefusedWhateverNameReachesIt() throws {
        let directory = try Self.directory(["z.txt": Self.repeated])
        try FileManager.default.linkItem(atPath: directory.appendingPathComponent("z.txt").path, toPath: directory.appendingPathComponent("hard.txt").path)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("soft.txt").path, withDestinationPath: "z.txt")
        let attempts: [[String]] = [
            ["check", "--isolated", "--output-file", "z.txt", "z.txt"],
            ["check", "--isolated", "--output-file", "hard.txt", "z.txt"],
            ["check", "--isolated", "--output-file", "./soft.txt", "soft.txt"],
            ["check", "--isolated", "--write-baseline", "soft.txt", "z.txt"],
            ["report", "--isolated", "-o", "z.txt", "z.txt"],
            ["report", "--isolated", "--format", "md", "-o", "hard.txt", "soft.txt"],
            ["normalize", "--isolated", "-o", "soft.txt", "z.txt"],
        ]
        for arguments in attempts {
            let result = try CLI.run(arguments, in: directory)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("names the same file as an input") && result.stderr.contains("refusing to overwrite it"), "\(arguments): \(result.stderr)")
            #expect(try Self.text(directory, "z.txt") == Self.repeated, "\(arguments)")
            #expect(Self.fileType(directory, "soft.txt") == S_IFLNK)
        }
        // Standard input redirected from the output file counts too.
        let input = try FileHandle(forReadingFrom: directory.appendingPathComponent("z.txt"))
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["check", "--isolated", "--output-file", "z.txt", "-"]
        process.currentDirectoryURL = directory
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(try Self.text(directory, "z.txt") == Self.repeated)
        // Nor may the report replace the baseline the run reads.
        #expect(try CLI.run(["check", "--isolated", "--write-baseline", "b.json", "z.txt"], in: directory).status == 0)
        let baseline = try Self.text(directory, "b.json")
        let overBaseline = try CLI.run(["check", "--isolated", "--baseline", "b.json", "--output-file", "b.json", "z.txt"], in: directory)
        #expect(overBaseline.status == 2 && overBaseline.stderr.contains("refusing to overwrite it"))
        #expect(try Self.text(directory, "b.json") == baseline)
        // Met by a directory walk instead of named (last run's report in the checked folder),
        // the output file is left out of the check with a note, and the run goes on.
        let walked = try Self.directory(["article.txt": Self.repeated, "report.html": "<p>Kiev said.</p>"])
        for _ in 0..<2 {
            let result = try CLI.run(["report", "--isolated", "-o", "report.html", "."], in: walked)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("report.html: the --output file; not checked"), "\(result.stderr)")
            #expect(try Self.text(walked, "report.html").contains("The the talks"))
            #expect(try Self.text(walked, "article.txt") == Self.repeated)
        }
        // A different file is written as before.
        let other = try CLI.run(["check", "--isolated", "--output-file", "out.txt", "z.txt"], in: directory)
        #expect(other.status == 1)
        #expect(try Self.text(directory, "out.txt").contains("DUP001"))
    }

    // MARK: 2. Fixing through a symbolic link

    @Test func fixingThroughASymbolicLinkFixesTheTargetAndKeepsTheLink() throws {
        let directory = try Self.directory(["real/t.txt": Self.repeated, "real/n.txt": Self.repeated])
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("l.txt").path, withDestinationPath: "real/t.txt")
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("n.txt").path, withDestinationPath: "real/n.txt")
        let fixed = try CLI.run(["check", "--isolated", "--fix", "l.txt"], in: directory)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(Self.fileType(directory, "l.txt") == S_IFLNK)
        #expect(try Self.text(directory, "real/t.txt") == "The talks ended.\n")
        let normalized = try CLI.run(["normalize", "--isolated", "--in-place", "n.txt"], in: directory)
        #expect(normalized.status == 0, "\(normalized.stderr)")
        #expect(Self.fileType(directory, "n.txt") == S_IFLNK)
        #expect(try Self.text(directory, "real/n.txt") == "The talks ended.\n")
    }

    // MARK: 3. Outputs that are links, FIFOs and devices

    @Test func anOutputLinkIsFollowedAndADeviceOrFIFOIsWrittenNotReplaced() throws {
        let directory = try Self.directory(["a.txt": Self.repeated])
        // A link to a report file: the report lands in the target, the link stays.
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("report-link").path, withDestinationPath: "reports/latest.txt")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("reports"), withIntermediateDirectories: true)
        for arguments in [["check", "--isolated", "--output-file", "report-link", "a.txt"], ["report", "--isolated", "--format", "md", "-o", "report-link", "a.txt"],
                          ["normalize", "--isolated", "-o", "report-link", "a.txt"], ["check", "--isolated", "--write-baseline", "report-link", "a.txt"]] {
            let result = try CLI.run(arguments, in: directory)
            #expect(result.status != 2, "\(arguments): \(result.stderr)")
            #expect(Self.fileType(directory, "report-link") == S_IFLNK, "\(arguments)")
            #expect(Self.fileType(directory, "reports/latest.txt") == S_IFREG, "\(arguments)")
        }
        // A link to a device: written through, both stay what they were.
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("null-link").path, withDestinationPath: "/dev/null")
        let toDevice = try CLI.run(["check", "--isolated", "--output-file", "null-link", "a.txt"], in: directory)
        #expect(toDevice.status == 1, "\(toDevice.stderr)")
        #expect(Self.fileType(directory, "null-link") == S_IFLNK)
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        // A FIFO: the report goes down it and the FIFO stays.
        let fifo = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let toFIFO = try CLI.run(["check", "--isolated", "--format", "json", "--output-file", "pipe", "a.txt"], in: directory)
        #expect(toFIFO.status == 1, "\(toFIFO.stderr)")
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while case let count = read(reader, &buffer, buffer.count), count > 0 { received += buffer[0..<count] }
        #expect(String(decoding: received, as: UTF8.self).contains("\"DUP001\""))
        #expect(Self.fileType(directory, "pipe") == S_IFIFO)
    }

    /// Runs `command` (kalka's path is `$KALKA`) in a shell, for the redirections it needs.
    static func shell(_ command: String, in directory: URL) throws -> CLI.Result {
        try CLI.run(["-c", command], in: directory, executable: URL(fileURLWithPath: "/bin/sh"), environment: ["KALKA": CLI.executable.path])
    }

    @Test func theCommandsOwnStandardOutputAsAnOutputFileLandsWhereTheShellPutIt() throws {
        let directory = try Self.directory(["a.txt": Self.repeated, "log.txt": "an earlier line\n"])
        // Appended to a log: what the log held stays, the report follows it.
        let appended = try Self.shell("\"$KALKA\" check --isolated --output-file /dev/stdout a.txt >> log.txt", in: directory)
        #expect(appended.status == 1, "\(appended.stderr)")
        let log = try Self.text(directory, "log.txt")
        #expect(log.hasPrefix("an earlier line\n") && log.contains("DUP001"), "\(log)")
        // The report, then the statistics table, each whole and in that order.
        let both = try Self.shell("\"$KALKA\" check --isolated --statistics --output-file /dev/stdout a.txt > out.txt", in: directory)
        #expect(both.status == 1, "\(both.stderr)")
        let out = try Self.text(directory, "out.txt")
        let report = out.range(of: "DUP001"), table = out.range(of: "Count  Code")
        #expect(report != nil && table != nil && report!.lowerBound < table!.lowerBound, "\(out)")
        #expect(!out.contains("\u{FFFD}"))
        // A regular file under /dev (shared memory) is an ordinary file: replaced whole, no stale tail.
        var info = stat()
        if stat("/dev/shm", &info) == 0, access("/dev/shm", W_OK) == 0 {
            let path = "/dev/shm/kalka-test-\(UUID().uuidString).txt"
            defer { unlink(path) }
            try Data(repeating: UInt8(ascii: "X"), count: 20_001).write(to: URL(fileURLWithPath: path))
            let toShm = try CLI.run(["check", "--isolated", "--output-file", path, "a.txt"], in: directory)
            #expect(toShm.status == 1, "\(toShm.stderr)")
            let written = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            #expect(written.contains("DUP001") && !written.contains("X"))
            try Data(Self.repeated.utf8).write(to: URL(fileURLWithPath: path))
            let fixed = try CLI.run(["check", "--isolated", "--fix", path], in: directory)
            #expect(fixed.status == 0, "\(fixed.stderr)")
            #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) == "The talks ended.\n")
        }
    }

    @Test func aReportThatCannotBeWrittenToStandardOutputIsAnError() throws {
        let directory = try Self.directory(["a.txt": Self.repeated])
        for format in ["text", "json"] {
            let full = try Self.shell("\"$KALKA\" check --isolated --format \(format) a.txt > /dev/full", in: directory)
            #expect(full.status == 2, "\(format): \(full.stderr)")
            #expect(full.stderr.contains("cannot write to standard output: no space left"), "\(full.stderr)")
        }
        let translit = try Self.shell("echo Київ | \"$KALKA\" translit --lang uk > /dev/full", in: directory)
        #expect(translit.status == 2, "\(translit.stderr)")
    }

    // MARK: 4. Loops and files reached twice

    @Test func aWalkVisitsEachDirectoryAndFileOnceThroughLoops() throws {
        let directory = try Self.directory(["L/a/t.txt": Self.repeated])
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("L/a/loop").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("L/a/loop2").path, withDestinationPath: "../..")
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("L/again.txt").path, withDestinationPath: "a/t.txt")
        try FileManager.default.linkItem(atPath: directory.appendingPathComponent("L/a/t.txt").path, toPath: directory.appendingPathComponent("L/a/hard.txt").path)
        let result = try CLI.run(["check", "--isolated", "--format", "json", "L", "L/a/t.txt"], in: directory)
        #expect(result.status == 1, "\(result.stderr)")
        let files = result.json["files"] as? [[String: Any]] ?? []
        #expect(files.count == 1, "\(files.map { $0["path"] ?? "" })")
        #expect((result.json["summary"] as? [String: Any])?["diagnostics"] as? Int == 1)
        let fixed = try CLI.run(["check", "--isolated", "--fix", "L"], in: directory)
        #expect(fixed.stderr.contains("Fixed 1 problem in 1 file."), "\(fixed.stderr)")
        // Found first as hard.txt (sorted), fixed under that name: the replacing write splits
        // the hard link, so t.txt keeps the old text (as the README says).
        #expect(try Self.text(directory, "L/a/hard.txt") == "The talks ended.\n")
        #expect(try Self.text(directory, "L/a/t.txt") == Self.repeated)
    }

    @Test func aWalkNotesAFileWhoseNameIsNotUTF8() throws {
        let directory = try Self.directory(["good.txt": Self.repeated])
        // "bad\u{FF}.txt": no path string can name it.
        let name: [CChar] = (Array(directory.path.utf8) + Array("/bad".utf8) + [0xFF] + Array(".txt".utf8) + [0]).map { CChar(bitPattern: $0) }
        let descriptor = open(name, O_WRONLY | O_CREAT, 0o644)
        #expect(descriptor >= 0)
        close(descriptor)
        let result = try CLI.run(["check", "--isolated", "."], in: directory)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains(".txt: the name is not valid UTF-8; skipped"), "\(result.stderr)")
    }

    @Test func aSelfReferencingLinkIsCalledASymlinkLoop() throws {
        let directory = try Self.directory(["d/ok.txt": "Fine.\n"])
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("self.txt").path, withDestinationPath: "self.txt")
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("d/self.txt").path, withDestinationPath: "self.txt")
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("d/gone.txt").path, withDestinationPath: "nowhere.txt")
        let named = try CLI.run(["check", "--isolated", "self.txt"], in: directory)
        #expect(named.status == 2)
        #expect(named.stderr.contains("self.txt: symlink loop"), "\(named.stderr)")
        let walked = try CLI.run(["check", "--isolated", "d"], in: directory)
        #expect(walked.status == 0, "\(walked.stderr)")
        #expect(walked.stderr.contains("d/self.txt: symlink loop"))
        #expect(walked.stderr.contains("d/gone.txt: broken symbolic link"))
    }

    // MARK: 5. FIFOs

    @Test func aWalkSkipsAFIFOWithANoteAndANamedFIFOIsRead() throws {
        let directory = try Self.directory(["F/y.txt": Self.repeated])
        let fifo = directory.appendingPathComponent("F/x.txt").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Were the FIFO opened, this unblocks it after a while, so a regression fails instead of hanging.
        DispatchQueue.global().asyncAfter(deadline: .now() + 20) {
            let writer = open(fifo, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
        }
        let walked = try CLI.run(["check", "--isolated", "F"], in: directory)
        #expect(walked.status == 1)
        #expect(walked.stderr.contains("kalka: note: F/x.txt: not a regular file (a FIFO); skipped"), "\(walked.stderr)")
        #expect(walked.stdout.contains("F/y.txt:1:1: DUP001"))
        // Named on the command line, it is read: deliberate use.
        let writing = Thread {
            let writer = open(fifo, O_WRONLY)
            guard writer >= 0 else { return }
            _ = Array(Self.repeated.utf8).withUnsafeBytes { write(writer, $0.baseAddress, $0.count) }
            close(writer)
        }
        writing.start()
        let named = try CLI.run(["check", "--isolated", "F/x.txt"], in: directory)
        #expect(named.status == 1, "\(named.stderr)")
        #expect(named.stdout.contains("F/x.txt:1:1: DUP001"))
    }

    // MARK: 6. A fix that cannot be written

    /// Runs kalka in `directory` so that writing a file fails: in a read-only directory where
    /// that stops writes, else (as root) under a file size limit of one kilobyte.
    static func runWithFailingWrites(_ arguments: [String], in directory: URL, readOnly: URL) throws -> CLI.Result {
        chmod(readOnly.path, 0o555)
        defer { chmod(readOnly.path, 0o755) }
        let probe = readOnly.appendingPathComponent("probe").path
        let descriptor = open(probe, O_WRONLY | O_CREAT, 0o644)
        if descriptor < 0 { return try CLI.run(arguments, in: directory) }
        close(descriptor)
        unlink(probe)
        // Ignored, SIGXFSZ leaves write() failing with EFBIG; ignored signals survive exec.
        let command = "trap '' XFSZ; ulimit -f 1; exec \"$0\" \"$@\""
        return try CLI.run(["-c", command, CLI.executable.path] + arguments, in: directory, executable: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test func aFixThatCannotBeWrittenIsAnErrorInEveryFormatAndItsFindingsStay() throws {
        let long = Self.repeated + String(repeating: "Plain words stand here.\n", count: 400)
        let directory = try Self.directory(["ro/a.txt": long])
        let readOnly = directory.appendingPathComponent("ro")
        let text = try Self.runWithFailingWrites(["check", "--isolated", "--fix", "ro/a.txt"], in: directory, readOnly: readOnly)
        #expect(text.status == 2)
        #expect(try Self.text(directory, "ro/a.txt") == long)
        #expect(!text.stdout.contains("All checked"), "\(text.stdout)")
        #expect(text.stdout.contains("ro/a.txt:1:1: DUP001"))
        #expect(text.stdout.contains("1 file could not be checked or fixed"))
        #expect(text.stderr.contains("kalka: error: ro/a.txt: fixes not written ("), "\(text.stderr)")
        #expect(text.stderr.contains("the file is left unchanged"))
        #expect(text.stderr.contains("Fixed 0 problems in 0 files."))

        let json = try Self.runWithFailingWrites(["check", "--isolated", "--fix", "--format", "json", "ro/a.txt"], in: directory, readOnly: readOnly)
        #expect(json.status == 2)
        let errors = json.json["errors"] as? [[String: String]] ?? []
        #expect(errors.count == 1 && errors.first?["path"] == "ro/a.txt" && errors.first?["message"]?.hasPrefix("fixes not written") == true, "\(json.stdout)")
        // The findings are those of the file as it stands, unfixed.
        let unfixed = try CLI.run(["check", "--isolated", "--format", "json", "ro/a.txt"], in: directory)
        let count = (unfixed.json["summary"] as? [String: Any])?["diagnostics"] as? Int
        #expect(count != nil && (json.json["summary"] as? [String: Any])?["diagnostics"] as? Int == count)

        let sarif = try Self.runWithFailingWrites(["check", "--isolated", "--fix", "--format", "sarif", "ro/a.txt"], in: directory, readOnly: readOnly)
        #expect(sarif.status == 2)
        #expect(sarif.stdout.contains("\"executionSuccessful\": false"))
        #expect(sarif.stdout.contains("fixes not written"))
        #expect(sarif.stdout.contains("\"ruleId\": \"DUP001\""))
        #expect(try Self.text(directory, "ro/a.txt") == long)
    }

    // MARK: 7. Empty lists in .kalka.yml

    @Test func aFileSizeLimitIsAnErrorAndLeavesNoTemporaryFile() throws {
        let directory = try Self.directory(["a.txt": Self.repeated])
        // No `trap`: kalka itself must not be killed by the limit's signal.
        let result = try Self.shell("ulimit -f 0; exec \"$KALKA\" check --isolated --fix a.txt", in: directory)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("a.txt: fixes not written"), "\(result.stderr)")
        #expect(try Self.text(directory, "a.txt") == Self.repeated)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["a.txt"])
    }

    @Test func anEmptyListSettingIsAnEmptyList() throws {
        let configurations = [
            "ignore:\n", "ignore: ~\n", "ignore: []\n", "ignore: null\n", "select:\n", "select: []\n", "exclude:\n",
            "overrides:\n  - files: [\"*.txt\"]\n    ignore:\n", "names-files:\n", "overrides:\n", "severity:\n", "dictionaries:\n",
            "house-style:\n", "house-style:\n  names:\n",
        ]
        for configuration in configurations {
            let directory = try Self.directory([".kalka.yml": configuration, "a.txt": Self.repeated])
            let result = try CLI.run(["check", "a.txt"], in: directory)
            #expect(result.status == 1, "\(configuration): \(result.stderr)")
            #expect(result.stdout.contains("a.txt:1:1: DUP001"), "\(configuration)")
        }
        // An empty string in a list is no rule: an error, never "every rule".
        let emptyString = try Self.directory([".kalka.yml": "ignore: [\"\"]\n", "a.txt": Self.repeated])
        let named = try CLI.run(["check", "a.txt"], in: emptyString)
        #expect(named.status == 2 && named.stderr.contains("unknown rule ''"))
        // From the command line, an empty --ignore is no selector at all.
        let directory = try Self.directory(["a.txt": Self.repeated])
        let result = try CLI.run(["check", "--isolated", "--ignore", "", "a.txt"], in: directory)
        #expect(result.status == 1)
    }

    // MARK: 8. The minor items

    @Test func aRunWhereNothingCouldBeReadDoesNotSayAllChecked() throws {
        let directory = try Self.directory()
        let result = try CLI.run(["check", "--isolated", "missing.txt", "gone.md"], in: directory)
        #expect(result.status == 2)
        #expect(!result.stdout.contains("All checked"), "\(result.stdout)")
        #expect(result.stdout.contains("2 files could not be checked"))
        #expect(result.stderr.contains("kalka: error: missing.txt: no such file or directory; not checked"))
    }

    @Test func aConfigurationThatIsASymlinkLoopIsAnErrorNamingIt() throws {
        let directory = try Self.directory(["a.txt": Self.repeated])
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent(".kalka.yml").path, withDestinationPath: ".kalka.yml")
        let result = try CLI.run(["check", "a.txt"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".kalka.yml:1:1: cannot read the configuration file") && result.stderr.contains("symlink loop"), "\(result.stderr)")
    }

    @Test func translitReadsInputAsCheckDoes() throws {
        let text = "Київ і Харків\n"
        let utf8 = try CLI.run(["translit", "--lang", "uk"], stdin: Data(text.utf8))
        #expect(utf8.status == 0)
        var utf16 = Data([0xFF, 0xFE])
        for unit in text.utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let fromStandardInput = try CLI.run(["translit", "--lang", "uk"], stdin: utf16)
        #expect(fromStandardInput.status == 0, "\(fromStandardInput.stderr)")
        #expect(fromStandardInput.stdout == utf8.stdout)
        let directory = try Self.directory()
        try utf16.write(to: directory.appendingPathComponent("u16.txt"))
        let fromFile = try CLI.run(["translit", "u16.txt"], in: directory)
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(fromFile.stdout == utf8.stdout)
        // A named FIFO is read once, and all of it romanized.
        let fifo = directory.appendingPathComponent("pipe.txt").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writing = Thread {
            let writer = open(fifo, O_WRONLY)
            guard writer >= 0 else { return }
            _ = Array(text.utf8).withUnsafeBytes { write(writer, $0.baseAddress, $0.count) }
            close(writer)
        }
        writing.start()
        let fromFIFO = try CLI.run(["translit", "pipe.txt"], in: directory)
        #expect(fromFIFO.status == 0 && fromFIFO.stdout == utf8.stdout, "\(fromFIFO.stdout)")
                // A NUL byte makes a binary file, for translit as for check.
        // Standard input redirected from a file (it can seek) is voted over, then read again whole.
        try Data(text.utf8).write(to: directory.appendingPathComponent("plain.txt"))
        let redirected = try Self.shell("\"$KALKA\" translit < plain.txt", in: directory)
        #expect(redirected.status == 0 && redirected.stdout == utf8.stdout, "\(redirected.stdout) \(redirected.stderr)")
        let binary = try CLI.run(["translit", "--lang", "uk"], stdin: Data([0x41, 0x00, 0x42, 0x0A]))
        #expect(binary.status == 2)
        #expect(binary.stderr.contains("binary file (NUL byte at 1)"), "\(binary.stderr)")
        try Data([0x41, 0x0A, 0x00, 0x0A]).write(to: directory.appendingPathComponent("nul.txt"))
        let binaryFile = try CLI.run(["translit", "nul.txt"], in: directory)
        #expect(binaryFile.status == 2 && binaryFile.stdout.isEmpty)
    }

    @Test func anUnknownSuppressionCodeIsQuotedShort() throws {
        let code = String(repeating: "X", count: 100_000)
        let directory = try Self.directory(["a.txt": "[kalka-disable-next-line \(code)]\nThe talks ended.\n"])
        let result = try CLI.run(["check", "--isolated", "--format", "json", "a.txt"], in: directory)
        let diagnostics = (result.json["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]] ?? []
        let message = diagnostics.first { $0["rule"] as? String == "KAL002" }?["message"] as? String
        #expect(message?.contains("“" + String(repeating: "X", count: 39) + "…”") == true, "\(message?.prefix(200) ?? "none")")
        #expect((message?.count ?? .max) < 200)
    }

    // MARK: 9. Plain error messages

    /// Several real failures: none shows a type name, an error domain or a debug description.
    @Test func realFailuresSayWhatHappenedInPlainWords() throws {
        let directory = try Self.directory(["a.txt": Self.repeated, "bad.json": "{\"version\": 1, \"files\": {\"a.txt\": [{\"rule\": 3}]}}",
                                            "broken.json": "[1", "bad.yml": "select: [DUP\n", "reports/x": ""])
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("loop.txt").path, withDestinationPath: "loop.txt")
        let failures: [[String]] = [
            ["check", "--isolated", "--baseline", "bad.json", "a.txt"],
            ["check", "--isolated", "--baseline", "broken.json", "a.txt"],
            ["check", "--isolated", "--baseline", "none.json", "a.txt"],
            ["check", "--isolated", "--write-baseline", "reports", "a.txt"],
            ["check", "--isolated", "--output-file", "a.txt/x", "a.txt"],
            ["check", "--config", "bad.yml", "a.txt"],
            ["check", "--isolated", "loop.txt"],
            ["normalize", "--isolated", "-o", "reports", "a.txt"],
            ["normalize", "--isolated", "-o", "no/such/dir/out.txt", "a.txt"],
            ["report", "--isolated", "-o", "reports", "a.txt"],
            ["translit", "loop.txt"],
        ]
        for arguments in failures {
            let result = try CLI.run(arguments, in: directory)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix("kalka: error: "), "\(arguments): \(result.stderr)")
            for leak in ["NSCocoaErrorDomain", "Error Domain", "DecodingError", "Swift.", "CocoaError", "POSIXError", "Code=", "codingPath", "debugDescription", "Optional("] {
                #expect(!result.stderr.contains(leak), "\(arguments): \(result.stderr)")
            }
        }
    }

    /// The sources print no raw error: every user-facing message goes through `Failure` and
    /// `SystemErrors.plain`.
    @Test func errorPathsInterpolateNoRawError() throws {
        let files = ["Sources/kalka", "Sources/KalkaConfig", "Sources/KalkaEngine/Fixing", "Sources/KalkaEngine/Files",
                     "Sources/KalkaEngine/Baseline.swift", "Sources/KalkaEngine/CheckSession.swift",
                     "Sources/KalkaEngine/Transliteration/TransliterationStream.swift", "Sources/KalkaEngine/Normalizing",
                     "Sources/KalkaKnowledge/Dictionaries", "Sources/KalkaModel/SystemErrors.swift"]
        var sources: [(String, String)] = []
        for file in files {
            let url = CLI.root.appendingPathComponent(file)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                Issue.record("missing \(file)")
                continue
            }
            let urls = isDirectory.boolValue ? try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil).filter { $0.pathExtension == "swift" } : [url]
            for url in urls { sources.append((url.lastPathComponent, try String(contentsOf: url, encoding: .utf8))) }
        }
        #expect(sources.count > 10)
        let leaks = [#"\(error)"#, "localizedDescription", "String(describing: error", #"\(error.underlying"#, "debugDescription", "String(reflecting: error"]
        for (name, text) in sources {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for leak in leaks where line.contains(leak) {
                    Issue.record("\(name):\(number + 1) shows a raw error: \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
    }
}
