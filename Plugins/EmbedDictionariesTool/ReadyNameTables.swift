/// The big name tables, laid out as `ReadyNameTable` in KalkaKnowledge reads them in place, so
/// that nothing of them is parsed or built at start-up: the gazetteer
/// (`gazetteer/ukraine-katotth.tsv`, 31,700 places, read by `Gazetteer`) and the surnames
/// (`people/ukraine-surnames.tsv`, 65,000 surnames, read by `Surnames`). Their text is not
/// embedded (the tables carry what a check needs); `GazetteerTests` and `SurnameTests` read the
/// files from the repository and check that every form of every row is found, with its role and
/// rows.
///
///   entries: per row, the fields a check reports, tab-separated, ending in a line feed;
///   offsets: per row, where its entry starts in `entries` (8 hex digits), and the end;
///   slots: an open-addressing table of at least half again as many slots as forms (a power of
///     two), each the form's key (16 hex digits, zeros for an empty slot; `FoldedHash.combine` of
///     its words' and hyphens' folded hashes) and its value (8: the role in the top 4 bits,
///     `prefixRole` for the start of a longer form that is no form itself; below, where its rows
///     start in `owners`);
///   owners: per form, the number of rows it belongs to, then those rows (6 hex digits each).
enum ReadyNameTables {
    struct Spec {
        let name: String
        let path: String
        let columns: [String]
        /// The columns each entry keeps, in order.
        let entryColumns: [Int]
        /// Per role (its raw value), the column listing its forms; roles by caution, so that the
        /// most cautious of a form's roles wins (a canonical form, role 0, stays one).
        let roleColumns: [(role: Int, column: Int)]
        /// The rows whose `column` holds `value`, listed as `name` (6 hex digits a row), for a
        /// reader that starts from the rows of one kind instead of reading every row's kind.
        var kindIndex: (column: Int, value: String, name: String)? = nil
    }

    static let gazetteer = Spec(
        name: "gazetteer", path: "gazetteer/ukraine-katotth.tsv",
        columns: ["code", "canonical", "original", "kind", "oblast", "raion", "russian", "russian-source", "variants", "guarded", "older",
                  "former", "until", "outdated", "outdated-guarded"],
        // canonical, original, kind, oblast, until
        entryColumns: [1, 2, 3, 4, 12],
        // `Gazetteer.Role`: 0 canonical, 1 variant, 2 outdated, 3 guarded, 4 outdated and guarded, 5 older.
        roleColumns: [(0, 1), (1, 8), (2, 13), (3, 9), (4, 14), (5, 10)],
        // The hromadas, whose stems `HromadaStems` indexes when a document first names a community.
        kindIndex: (3, "hromada", "gazetteerHromadaRows"))

    static let surnames = Spec(
        name: "surnames", path: "people/ukraine-surnames.tsv",
        columns: ["original", "canonical", "russian", "variants"],
        // canonical, original
        entryColumns: [1, 0],
        // Only the spellings to flag: a surname's canonical form is no finding.
        roleColumns: [(1, 3)])

    static let specs = [gazetteer, surnames]

    /// The folders whose files are embedded only as these tables.
    static let folders = ["gazetteer/", "people/"]

    static func declarations(files: [String: String]) -> String {
        let type = "(entries: StaticString, offsets: StaticString, slots: StaticString, owners: StaticString, capacity: Int, count: Int)?"
        var source = ""
        for spec in specs {
            guard let text = files[spec.path], let table = layout(text, spec) else {
                source += "    package static let \(spec.name): \(type) = nil\n"
                if let index = spec.kindIndex { source += "    package static let \(index.name): StaticString? = nil\n" }
                continue
            }
            if let index = spec.kindIndex {
                source += "    /// The rows of \(spec.path) whose \(spec.columns[index.column]) is \(index.value) (6 hex digits each).\n"
                source += "    package static let \(index.name): StaticString? = \"\(table.kindRows)\"\n"
            }
            source += "    /// \(spec.path) in the form `ReadyNameTable` reads in place (see ReadyNameTables in the build tool).\n"
            source += "    package static let \(spec.name): \(type) = (\n"
            source += "        \(Precomputed.literal(table.entries)),\n        \"\(table.offsets)\",\n"
            source += "        \"\(table.slots)\",\n        \"\(table.owners)\",\n        \(table.capacity), \(table.count))\n"
        }
        return source
    }

    /// The role of a key that is no form, only the start of longer ones ("Nova" of "Nova
    /// Kakhovka"): a document's words are tried as a form only while their key is one of these
    /// or a form.
    static let prefixRole = 15

    /// The keys of a form's starts that end in a word, the whole form's last: its words and
    /// hyphens, in order, as a document's tokens give them.
    static func keys(_ form: String) -> [UInt64]? {
        var hashes: [UInt64] = []
        var word = ""
        func flush() -> Bool {
            guard !word.isEmpty else { return true }
            guard let hash = Precomputed.asciiFoldedHash(Substring(word)) else { return false }
            hashes.append(hash)
            word = ""
            return true
        }
        for character in form {
            if character == " " || character == "-" {
                guard flush() else { return nil }
                if character == "-" { hashes.append(Precomputed.asciiFoldedHash("-")!) }
            } else {
                word.append(character)
            }
        }
        guard flush(), !hashes.isEmpty else { return nil }
        let hyphen = Precomputed.asciiFoldedHash("-")!
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var keys: [UInt64] = []
        for word in hashes {
            hash = (hash ^ word) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9
            if word != hyphen { keys.append(hash) }
        }
        return keys
    }

    static func layout(_ text: String, _ spec: Spec) -> (entries: String, offsets: String, slots: String, owners: String, capacity: Int, count: Int, kindRows: String)? {
        guard text.contains("# columns: " + spec.columns.joined(separator: "\t") + "\n") else { return nil }
        var entries = "", offsets = "", kindRows = ""
        var offset = 0
        // Form key → role and rows, in the order forms first appear.
        var forms: [UInt64: (role: Int, rows: [Int])] = [:]
        var order: [UInt64] = []
        var row = 0
        for (_, fields) in Precomputed.numberedEntries(text) {
            guard fields.count == spec.columns.count else { return nil }
            let entry = spec.entryColumns.map { fields[$0] }.joined(separator: "\t") + "\n"
            offsets += Precomputed.hexDigits(UInt64(offset), 8)
            entries += entry
            if let index = spec.kindIndex, fields[index.column] == index.value { kindRows += Precomputed.hexDigits(UInt64(row), 6) }
            offset += entry.utf8.count
            let roles = spec.roleColumns.map { ($0.role, fields[$0.column].split(separator: "|")) }
            for (role, list) in roles {
                for form in list {
                    guard let keys = keys(String(form)), let key = keys.last else { continue }
                    if var known = forms[key], known.role != prefixRole {
                        // A canonical form stays one; otherwise the most cautious role wins.
                        known.role = known.role == 0 || role == 0 ? 0 : max(known.role, role)
                        if known.rows.last != row { known.rows.append(row) }
                        forms[key] = known
                    } else {
                        if forms[key] == nil { order.append(key) }
                        forms[key] = (role, [row])
                    }
                    for start in keys.dropLast() where forms[start] == nil {
                        forms[start] = (prefixRole, [])
                        order.append(start)
                    }
                }
            }
            row += 1
        }
        offsets += Precomputed.hexDigits(UInt64(offset), 8)
        guard row > 0, row < 1 << 24 else { return nil }
        var capacity = 8
        while capacity < order.count * 3 / 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var values = [UInt32](repeating: 0, count: capacity)
        var owners = ""
        var ownerCount = 0
        for key in order where key != 0 {
            let form = forms[key]!
            var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & (capacity - 1)
            while keys[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            values[slot] = UInt32(form.role) << 28 | UInt32(ownerCount)
            owners += Precomputed.hexDigits(UInt64(form.rows.count), 6)
            for owner in form.rows { owners += Precomputed.hexDigits(UInt64(owner), 6) }
            ownerCount += 1 + form.rows.count
        }
        guard ownerCount < 1 << 28 else { return nil }
        var slots = ""
        slots.reserveCapacity(capacity * 24)
        for (key, value) in zip(keys, values) { slots += Precomputed.hexDigits(key, 16) + Precomputed.hexDigits(UInt64(value), 8) }
        return (entries, offsets, slots, owners, capacity, row, kindRows)
    }
}
