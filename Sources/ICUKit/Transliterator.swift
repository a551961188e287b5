internal import CICU

/// An ICU transliterator: a built-in ID ("Russian-Latin/BGN") or a rule set.
///
/// Not shareable between threads: clone per worker. ICU is quadratic on one large buffer, so
/// feed it a line or a paragraph at a time.
public final class Transliterator {
    private let handle: UnsafeMutableRawPointer
    public let id: String

    /// Opens a built-in or registered transliterator by ID.
    public init(id: String) throws(ICUError) {
        var status = U_ZERO_ERROR
        var parseError = UParseError()
        let idUnits = UTF16Conversion.utf16(id)
        let opened = idUnits.withUnsafeBufferPointer {
            utrans_openU($0.baseAddress, Int32($0.count), UTRANS_FORWARD, nil, 0, &parseError, &status)
        }
        try icuCheck(status.rawValue, "utrans_openU(\(id))")
        guard let opened else { throw icuError(U_MEMORY_ALLOCATION_ERROR.rawValue, "utrans_openU(\(id))") }
        self.handle = UnsafeMutableRawPointer(opened)
        self.id = id
    }

    /// Compiles a rule set (ICU transform syntax). Syntax errors throw `TransliteratorRuleError`.
    public init(id: String, rules: String) throws {
        var status = U_ZERO_ERROR
        var parseError = UParseError()
        let idUnits = UTF16Conversion.utf16(id)
        let ruleUnits = UTF16Conversion.utf16(rules)
        let opened = idUnits.withUnsafeBufferPointer { idBuffer in
            ruleUnits.withUnsafeBufferPointer { ruleBuffer in
                utrans_openU(idBuffer.baseAddress, Int32(idBuffer.count), UTRANS_FORWARD,
                             ruleBuffer.baseAddress, Int32(ruleBuffer.count), &parseError, &status)
            }
        }
        if icuFailed(status.rawValue) {
            let name = String(cString: u_errorName(status))
            if parseError.line > 0 || parseError.offset > 0 {
                throw TransliteratorRuleError(
                    name: name, line: Int(parseError.line), offset: Int(parseError.offset),
                    preContext: Self.context(parseError.preContext), postContext: Self.context(parseError.postContext))
            }
            throw icuError(status.rawValue, "utrans_openU(rules of \(id))")
        }
        guard let opened else { throw icuError(U_MEMORY_ALLOCATION_ERROR.rawValue, "utrans_openU(\(id))") }
        self.handle = UnsafeMutableRawPointer(opened)
        self.id = id
    }

    private init(handle: UnsafeMutableRawPointer, id: String) {
        self.handle = handle
        self.id = id
    }

    private static func context<T>(_ tuple: T) -> String {
        withUnsafeBytes(of: tuple) { raw in
            let units = raw.bindMemory(to: UInt16.self)
            let length = units.firstIndex(of: 0) ?? units.count
            return String(decoding: units[..<length], as: UTF16.self)
        }
    }

    public func clone() throws(ICUError) -> Transliterator {
        var status = U_ZERO_ERROR
        let copy = utrans_clone(handle.assumingMemoryBound(to: UTransliterator?.self), &status)
        try icuCheck(status.rawValue, "utrans_clone(\(id))")
        guard let copy else { throw icuError(U_MEMORY_ALLOCATION_ERROR.rawValue, "utrans_clone") }
        return Transliterator(handle: UnsafeMutableRawPointer(copy), id: id)
    }

    deinit { utrans_close(handle.assumingMemoryBound(to: UTransliterator?.self)) }

    /// Transliterates `text` (keep it to a line or paragraph: see the type's note).
    public func transliterate(_ text: String) throws(ICUError) -> String {
        var output: [UInt8] = []
        let bytes = Array(text.utf8)
        try bytes.withUnsafeBufferPointer { (buffer) throws(ICUError) in try transliterate(utf8: buffer, appendingTo: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Scratch buffers reused between calls (the transliterator is per worker anyway).
    private var scratch: [UInt16] = []
    private var utf8Scratch: [UInt8] = []

    /// Transliterates well-formed UTF-8 `text` and appends the result, as UTF-8, to `output`:
    /// no `String` on the way, one UTF-16 buffer reused from call to call.
    public func transliterate(utf8 text: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8]) throws(ICUError) {
        guard let source = text.baseAddress, text.count > 0 else { return }
        var capacity = max(64, text.count * 3)
        while true {
            if scratch.count < capacity { scratch = [UInt16](repeating: 0, count: capacity) }
            var status = U_ZERO_ERROR
            var length: Int32 = 0
            scratch.withUnsafeMutableBufferPointer { buffer in
                source.withMemoryRebound(to: CChar.self, capacity: text.count) {
                    _ = u_strFromUTF8(buffer.baseAddress, Int32(buffer.count), &length, $0, Int32(text.count), &status)
                }
            }
            try icuCheck(status.rawValue, "u_strFromUTF8")
            var limit = length
            scratch.withUnsafeMutableBufferPointer {
                utrans_transUChars(handle.assumingMemoryBound(to: UTransliterator?.self), $0.baseAddress, &length, Int32($0.count), 0, &limit, &status)
            }
            if status == U_BUFFER_OVERFLOW_ERROR {
                capacity = max(capacity * 2, Int(length) + 64)
                continue
            }
            try icuCheck(status.rawValue, "utrans_transUChars(\(id))")
            // UTF-8 needs at most three bytes per UTF-16 unit: convert into a reused buffer,
            // then append what was written.
            let converted = Int(length)
            if utf8Scratch.count < converted * 3 { utf8Scratch = [UInt8](repeating: 0, count: converted * 3 + 64) }
            var written: Int32 = 0
            utf8Scratch.withUnsafeMutableBufferPointer { buffer in
                scratch.withUnsafeBufferPointer { units in
                    buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        _ = u_strToUTF8($0, Int32(buffer.count), &written, units.baseAddress, Int32(converted), &status)
                    }
                }
            }
            output.append(contentsOf: utf8Scratch[0..<Int(written)])
            try icuCheck(status.rawValue, "u_strToUTF8")
            return
        }
    }
}
