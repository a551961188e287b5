/// The gazetteer (`gazetteer/ukraine-katotth.tsv`, 30,000 places) laid out as `Gazetteer` in
/// KalkaKnowledge reads it in place: nothing of it is parsed or built at start-up. Its text is not
/// embedded (the tables carry what a check needs); `GazetteerTests` reads the file from the
/// repository and checks that every form of every row is found, with its role and owners.
///
///   entries: per row, "canonical\toriginal\tkind\toblast\traion\tuntil\n" (until: the latest date
///     of its renaming, for a renamed place);
///   offsets: per row, where its entry starts in `entries` (8 hex digits), and the end;
///   slots: an open-addressing table of twice as many slots as forms (a power of two), each the
///     form's key (16 hex digits, zeros for an empty slot; `FoldedHash.combine` of its words' and
///     hyphens' folded hashes) and its value (8: the role in the top 4 bits, `Gazetteer.Role`'s
///     raw value; below, where its owners start in `owners`);
///   owners: per form, the number of rows it belongs to, then those rows (6 hex digits each).
enum ReadyGazetteer {
    static let path = "gazetteer/ukraine-katotth.tsv"
    static let columns = ["code", "canonical", "original", "kind", "oblast", "raion", "russian", "russian-source", "variants", "guarded", "older",
                          "former", "until", "outdated", "outdated-guarded"]

    static func declaration(files: [String: String]) -> String {
        let type = "(entries: StaticString, offsets: StaticString, slots: StaticString, owners: StaticString, capacity: Int, count: Int)?"
        guard let text = files[path], let table = layout(text) else {
            return "    package static let gazetteer: \(type) = nil\n"
        }
        var source = "    /// \(path) in the form `Gazetteer` reads in place (see ReadyGazetteer in the build tool).\n"
        source += "    package static let gazetteer: \(type) = (\n"
        source += "        \(Precomputed.literal(table.entries)),\n        \"\(table.offsets)\",\n"
        source += "        \"\(table.slots)\",\n        \"\(table.owners)\",\n        \(table.capacity), \(table.count))\n"
        return source
    }

    /// The key of a form: its words and hyphens, in order, as a document's tokens give them.
    static func key(_ form: String) -> UInt64? {
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
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for word in hashes { hash = (hash ^ word) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9 }
        return hash
    }

    static func layout(_ text: String) -> (entries: String, offsets: String, slots: String, owners: String, capacity: Int, count: Int)? {
        guard text.contains("# columns: " + columns.joined(separator: "\t") + "\n") else { return nil }
        var entries = "", offsets = ""
        var offset = 0
        // Form key → role and rows, in the order forms first appear.
        var forms: [UInt64: (role: Int, rows: [Int])] = [:]
        var order: [UInt64] = []
        var row = 0
        for (_, fields) in Precomputed.numberedEntries(text) {
            guard fields.count == columns.count else { return nil }
            let entry = [fields[1], fields[2], fields[3], fields[4], fields[5], fields[12]].joined(separator: "\t") + "\n"
            offsets += Precomputed.hexDigits(UInt64(offset), 8)
            entries += entry
            offset += entry.utf8.count
            // Roles by caution, so that the most cautious of a form's roles wins: 0 canonical,
            // 1 variant, 2 outdated, 3 guarded, 4 outdated and guarded, 5 older.
            let roles: [(Int, [Substring])] = [(0, [fields[1]]), (1, fields[8].split(separator: "|")), (2, fields[13].split(separator: "|")),
                                               (3, fields[9].split(separator: "|")), (4, fields[14].split(separator: "|")),
                                               (5, fields[10].split(separator: "|"))]
            for (role, list) in roles {
                for form in list {
                    guard let key = key(String(form)) else { continue }
                    if var known = forms[key] {
                        // A canonical form stays one; otherwise the most cautious role wins.
                        known.role = known.role == 0 || role == 0 ? 0 : max(known.role, role)
                        if known.rows.last != row { known.rows.append(row) }
                        forms[key] = known
                    } else {
                        forms[key] = (role, [row])
                        order.append(key)
                    }
                }
            }
            row += 1
        }
        offsets += Precomputed.hexDigits(UInt64(offset), 8)
        guard row > 0, row < 1 << 24 else { return nil }
        var capacity = 8
        while capacity < order.count * 2 { capacity <<= 1 }
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
        return (entries, offsets, slots, owners, capacity, row)
    }
}
