// FoundationEssentials, not Foundation: see KalkaEngine/Files/Inputs.swift.
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// System error numbers in plain words, for messages users read.
public enum SystemErrors {
    public static func text(_ code: Int32) -> String {
        switch code {
        case ELOOP: "symlink loop (a symbolic link leads back to itself)"
        case ENOENT: "no such file or directory"
        case EACCES, EPERM: "permission denied"
        case EROFS: "the file system is read-only"
        case ENOSPC: "no space left on the device"
        case EISDIR: "is a directory"
        case ENOTDIR: "a part of the path is not a directory"
        default: String(cString: strerror(code)).lowercased()
        }
    }

    /// Any error in plain words: kalka's own errors by their message, system and file errors by
    /// what went wrong, never a type name or an error domain.
    public static func plain(_ error: any Error) -> String {
        if let error = error as? POSIXError { return text(error.code.rawValue) }
        if let error = error as? CocoaError {
            if let underlying = error.underlying as? POSIXError { return text(underlying.code.rawValue) }
            switch error.code {
            case .fileNoSuchFile, .fileReadNoSuchFile: return text(ENOENT)
            case .fileReadNoPermission, .fileWriteNoPermission: return text(EACCES)
            case .fileWriteVolumeReadOnly: return text(EROFS)
            case .fileWriteOutOfSpace: return text(ENOSPC)
            case .fileReadInvalidFileName, .fileWriteInvalidFileName: return "not a valid file name"
            case .fileReadCorruptFile: return "the file is not in the expected form"
            case .fileReadInapplicableStringEncoding, .fileWriteInapplicableStringEncoding: return "the text is not in the expected encoding"
            default: return "the file system refused the operation"
            }
        }
        if let error = error as? DecodingError { return plain(decoding: error) }
        // Kalka's own errors describe themselves in words; anything else is not shown raw.
        if let described = error as? any CustomStringConvertible {
            let text = described.description
            if !text.contains("Error Domain"), !text.contains("Swift."), !text.contains("Error("), !text.contains("Code=") { return text }
        }
        return "an unexpected failure"
    }

    /// What a JSON document lacked, in words (`files.a.txt[0].rule: missing`).
    package static func plain(decoding error: DecodingError) -> String {
        func place(_ path: [any CodingKey]) -> String {
            guard !path.isEmpty else { return "the top level" }
            var text = ""
            for key in path {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context): return "\"\(key.stringValue)\" is missing at \(place(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "unexpected value at \(place(context.codingPath))"
        case .dataCorrupted(let context): return context.codingPath.isEmpty ? "not valid JSON" : "unexpected value at \(place(context.codingPath))"
        @unknown default: return "not valid JSON"
        }
    }
}
