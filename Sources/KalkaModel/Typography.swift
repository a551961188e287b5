/// The typographic half of a house style: which quotation marks and which dash the house sets.
/// Both are off by default (nil): kalka then has no opinion and the style rules stay quiet.
public struct Typography: Sendable, Hashable {
    public var quotes: QuoteStyle?
    public var dashes: DashStyle?

    public init(quotes: QuoteStyle? = nil, dashes: DashStyle? = nil) {
        self.quotes = quotes
        self.dashes = dashes
    }
}

/// `house-style: quotes:` in `.kalka.yml`.
public enum QuoteStyle: String, Sendable, CaseIterable {
    /// “Curly” quotes and ’ apostrophes, as most print style guides set them.
    case curly
    /// "Straight" quotes and ' apostrophes, as wire services and many web desks set them.
    case straight
}

/// `house-style: dashes:` in `.kalka.yml`: how a dash that breaks a sentence is set.
public enum DashStyle: String, Sendable, CaseIterable {
    /// A closed em dash: “Kyiv—the capital—was shelled” (Chicago).
    case em
    /// A spaced em dash: “Kyiv — the capital — was shelled” (AP).
    case emSpaced = "em-spaced"
    /// A spaced en dash: “Kyiv – the capital – was shelled” (many British papers).
    case enSpaced = "en-spaced"

    /// The text a sentence dash is written as, spaces included.
    public var dash: String {
        switch self {
        case .em: "—"
        case .emSpaced: " — "
        case .enSpaced: " – "
        }
    }
}
