/// A user file extending one built-in table (`dictionaries:` in `.kalka.yml`): same columns; its
/// rows add to the table's and replace a built-in row with the same first field.
public struct DictionaryExtension: Sendable, Hashable {
    /// The built-in table, as a path under `Dictionaries/` ("phrases/calques.tsv").
    public let target: String
    public let path: String
    public let text: String
    public init(target: String, path: String, text: String) {
        self.target = target
        self.path = path
        self.text = text
    }
}
