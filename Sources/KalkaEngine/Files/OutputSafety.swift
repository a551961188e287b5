/// Output files never overwrite an input: the same file by device and inode, whatever name,
/// symbolic link or hard link reaches it.
public enum OutputSafety {
    /// The inputs an output file leaves to check.
    public struct Screening: Sendable, Equatable {
        /// The inputs to check, in their order.
        public var kept: [InputItem] = []
        /// Files a directory walk met that are the output itself (last run's report in the
        /// checked folder): left out, with a note.
        public var skipped: [InputItem] = []
        /// The first input the output would overwrite and that cannot just be left out: a file
        /// named itself, or standard input redirected from the output. Nothing may be written.
        public var conflict: InputItem?
    }

    /// Screens `items` against `output` (nil: no output file). `named` holds the paths given on
    /// the command line (nil: every input counts as named, so any match is a conflict). The
    /// screening stops at the first conflict.
    public static func screen(_ items: [InputItem], output: String?, named: [String]?) -> Screening {
        guard let output, let target = FileIdentity.overwrittenBy(output: output) else { return Screening(kept: items) }
        let namedFiles = named.map { Set($0.compactMap { FileIdentity(path: $0) }) }
        var screening = Screening()
        for item in items {
            let identity: FileIdentity? = switch item {
            case .file(let path, _): FileIdentity(path: path)
            case .standardInput: FileIdentity(descriptor: 0)
            case .failure: nil
            }
            guard identity == target else {
                screening.kept.append(item)
                continue
            }
            if case .file = item, let namedFiles, !namedFiles.contains(target) {
                screening.skipped.append(item)
                continue
            }
            screening.conflict = item
            break
        }
        return screening
    }
}
