/// Markdown (CommonMark): only prose is linted. (Being written: see issue 2.)
public struct MarkdownReader: Reader {
    public init() {}
    public func read(_ text: [UInt8]) -> ProseDocument { PlainTextReader().read(text) }
}
