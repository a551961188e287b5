// kalka-fuzz TARGET ...: the fuzz targets of scripts/fuzz.sh, one binary for all of them.
//
// Built by scripts/fuzz.sh with the fuzzer sanitizer and KALKA_LIBFUZZER, it hands the rest of
// its arguments to libFuzzer. Built plainly (`swift build`), it replays files or directories of
// inputs through the same checks, for reproducing a failure without the sanitizer.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KalkaFuzzChecks
#if KALKA_LIBFUZZER
import CLibFuzzer
#endif

/// Writes to standard error (file descriptor 2: the C `stderr` global is not concurrency-safe).
func printError(_ message: String) {
    var bytes = Array((message + "\n").utf8)
    _ = write(2, &bytes, bytes.count)
}

func fail(_ message: String) -> Never {
    printError(message)
    exit(2)
}

let arguments = CommandLine.arguments
let targetNames = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
    fail("usage: kalka-fuzz TARGET [INPUT...]; the targets are: \(targetNames)")
}

/// Reads a whole file (nil when it cannot be read).
func contents(of path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count > 0 { bytes += buffer[0..<count] }
        if count < buffer.count { return ferror(file) == 0 ? bytes : nil }
    }
}

#if KALKA_LIBFUZZER
/// The checker libFuzzer's callback uses; libFuzzer calls it from one thread.
nonisolated(unsafe) var sharedChecker: FuzzChecker?
nonisolated(unsafe) var sharedTarget = target
do { sharedChecker = try FuzzChecker() } catch { fail("kalka-fuzz: cannot start the checks: \(error)") }

// libFuzzer reads its own options; the target name is ours.
var fuzzerArguments = [arguments[0]] + arguments.dropFirst(2)
var argc = CInt(fuzzerArguments.count)
var cArguments: [UnsafeMutablePointer<CChar>?] = fuzzerArguments.map { strdup($0) } + [nil]
let status = cArguments.withUnsafeMutableBufferPointer { buffer -> CInt in
    var argv = buffer.baseAddress
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
        let problems = sharedChecker!.check(sharedTarget, bytes)
        if !problems.isEmpty {
            printError("kalka-fuzz \(sharedTarget.rawValue): broken invariant\n" + problems.map { "  " + $0 }.joined(separator: "\n"))
            // libFuzzer saves the input as a crash artifact and reports its path.
            abort()
        }
        return 0
    }
}
exit(status)
#else
/// Replays files, or the files in directories, through the target's checks.
var failures = 0
var checked = 0
let checker: FuzzChecker
do { checker = try FuzzChecker() } catch { fail("kalka-fuzz: cannot start the checks: \(error)") }
for path in arguments.dropFirst(2) {
    var paths = [path]
    if let directory = opendir(path) {
        paths = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix(".") { paths.append(path + "/" + name) }
        }
        closedir(directory)
        paths.sort()
    }
    for file in paths {
        guard let bytes = contents(of: file) else { fail("kalka-fuzz: cannot read \(file)") }
        checked += 1
        let problems = checker.check(target, bytes)
        if !problems.isEmpty {
            failures += 1
            print("\(file): broken invariant\n" + problems.map { "  " + $0 }.joined(separator: "\n"))
        }
    }
}
print("kalka-fuzz \(target.rawValue): \(checked) inputs checked, \(failures) failed")
exit(failures == 0 ? 0 : 1)
#endif
