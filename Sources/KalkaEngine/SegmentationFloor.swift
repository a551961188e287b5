import ICUKit
import KalkaModel

/// ICU's own word and sentence breaking and nothing else, over UTF-16 (its fastest input, what
/// kalka feeds it), conversion included: the floor no linter on ICU can beat. For `kalka bench`,
/// which keeps the rest of the benchmark; the CLI never sees ICUKit itself.
package struct SegmentationFloor {
    private let words: TextBreaker
    private let sentences: TextBreaker

    package init() throws {
        words = try TextBreaker(.word)
        sentences = try TextBreaker(.sentence)
    }

    /// Breaks `source` into words and sentences; returns how many segments there were.
    @discardableResult
    package func segment(_ source: SourceFile) throws -> Int {
        let units = source.text.withUnsafeBufferPointer { UTF16Conversion.utf16(fromUTF8: $0) }
        // ICU's own pace: its calls alone, no closure per segment and nothing stored.
        return try units.withUnsafeBufferPointer { (text) throws(ICUError) in
            try words.countSegments(utf16: text) + sentences.countSegments(utf16: text)
        }
    }
}
