/// The gazetteer's hromadas by the consonants of their names' stems, for the forms no table can
/// list: a hromada's adjective as MT leaves it before "community" — Russian ("Shalyginskaya"),
/// cut short ("Novoslobodsk", "Krasnopil"), half Ukrainian ("Bilopolska") — keeps the stem's
/// consonants (Shalyhynska: sh-l-h-n), once the vowels, in which Russian and Ukrainian spellings
/// part, are dropped and g is read as h.
///
/// Built on first use, from the gazetteer's rows: a document that names no community costs
/// nothing.
package struct HromadaStems: Sendable {
    private let rowsBySkeleton: [[UInt8]: [Int]]

    /// The built-in gazetteer's hromadas (nil if the build could not lay it out).
    package static let builtIn: HromadaStems? = Gazetteer.builtIn.map(HromadaStems.init)

    /// The shortest skeleton looked up: fewer consonants match too many names by chance.
    package static let shortestSkeleton = 4

    init(_ gazetteer: Gazetteer) {
        var rows: [[UInt8]: [Int]] = [:]
        for row in 0..<gazetteer.count where gazetteer.isHromada(row) {
            let name = gazetteer.canonicalBytes(row)
            guard let skeleton = Self.skeleton(of: Array(name), endings: Self.canonicalEndings),
                  skeleton.count >= Self.shortestSkeleton else { continue }
            rows[skeleton, default: []].append(row)
        }
        rowsBySkeleton = rows
    }

    /// The hromadas whose stem has the consonants of `written` (a name as a text writes it,
    /// in ASCII letters, hyphens and apostrophes), once its adjectival ending is cut.
    package func hromadas(writtenAs written: some Collection<UInt8>) -> [Int] {
        guard let skeleton = Self.skeleton(of: Array(written), endings: Self.writtenEndings),
              skeleton.count >= Self.shortestSkeleton else { return [] }
        return rowsBySkeleton[skeleton] ?? []
    }

    /// The endings of a hromada's canonical name (Shalyhynska, Kryvorizka): the stem is what
    /// comes before.
    static let canonicalEndings = ["ska", "ka"].map { Array($0.utf8) }
    /// The adjectival endings a text may give it: Russian (-skaya, -skoy), Ukrainian (-ska,
    /// -skyi), or cut short (-sk).
    static let writtenEndings = ["skaya", "skoye", "skoy", "skiy", "skyi", "skyy", "sky", "ska", "sk"].map { Array($0.utf8) }

    /// The consonants of a name's stem: lower case, the first of `endings` it ends in cut,
    /// vowels, apostrophes and hyphens dropped, g read as h, a doubled letter read once
    /// (Krasnopillia and Krasnopolye: k-r-s-n-p-l). Nil for anything but ASCII letters, hyphens
    /// and apostrophes.
    static func skeleton(of name: [UInt8], endings: [[UInt8]]) -> [UInt8]? {
        var lower: [UInt8] = []
        lower.reserveCapacity(name.count)
        for byte in name {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): lower.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "-"), UInt8(ascii: "'"): lower.append(byte)
            default: return nil
            }
        }
        if let ending = endings.first(where: { lower.count > $0.count + 2 && lower.suffix($0.count).elementsEqual($0) }) {
            lower.removeLast(ending.count)
        }
        var skeleton: [UInt8] = []
        for byte in lower {
            guard !Self.dropped.contains(byte) else { continue }
            let consonant = byte == UInt8(ascii: "g") ? UInt8(ascii: "h") : byte
            if skeleton.last != consonant { skeleton.append(consonant) }
        }
        return skeleton
    }

    private static let dropped = Set("aeiouy-'".utf8)
}
