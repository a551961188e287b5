/// The settings of a run, as read from `.kalka.yml` (by KalkaConfig) or given on the command
/// line. Plain values: KalkaCore does not parse YAML.
public struct Configuration: Sendable, Equatable {
    /// Where it came from (nil: built-in defaults).
    public var path: String?
    public var select: [String] = []
    public var ignore: [String] = []
    public var failOn: Severity?? = nil
    /// House style for names: any spelling of an entry → the spelling to use for it.
    public var nameStyle: [String: String] = [:]
    /// House style for quotes and dashes (off unless set).
    public var typography = Typography()
    /// The transliteration standard `kalka translit` uses when none is given.
    public var translitStandard: String?
    /// Extra names files (same format as Dictionaries/names/*.tsv): path and text.
    public var namesFiles: [NamesFile] = []

    public struct NamesFile: Sendable, Equatable {
        public let path: String
        public let text: String
        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    public init(path: String? = nil) { self.path = path }
}

extension Linter {
    /// The built-in rules as configured: selection, house style, extra names files.
    public static func configured(_ configuration: Configuration, select: [String] = [], ignore: [String] = []) throws -> Linter {
        var store = try DictionaryStore.builtIn.get()
        if !configuration.namesFiles.isEmpty || !configuration.nameStyle.isEmpty || configuration.typography != Typography() {
            var texts = DictionaryStore.builtInTexts
            for (index, file) in configuration.namesFiles.enumerated() {
                // Kept under names/ so the name dictionary reads them; the number keeps them apart.
                texts["names/user-\(index)-\(file.path.split(separator: "/").last ?? "names.tsv")"] = file.text
            }
            store = DictionaryStore(texts: texts, houseStyle: configuration.nameStyle, typography: configuration.typography)
        }
        return try Linter.builtIn(store: store, select: configuration.select + select, ignore: configuration.ignore + ignore)
    }
}
