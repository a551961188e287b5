/// The gazetteer's hromadas by the consonants of their names' stems, for the forms no table can
/// list: a hromada's adjective as MT leaves it before "community" — Russian ("Khotinskaya"),
/// cut short ("Khotinsk", "Miropol"), half Ukrainian ("Lebedinska") — keeps the stem's
/// consonants (Khotinska: k-h-t-n), once the vowels, in which Russian and Ukrainian spellings
/// part, are dropped and g is read as h; and its vowels differ only as the two languages' do
/// (Ukrainian і for Russian о or е, и for и): a, u and the rest stay apart, so an unrelated
/// name with the same consonants (Troieshchyna, Tarashchanska) does not fit.
///
/// Built on first use, from the gazetteer's hromadas (their rows listed by the build): a
/// document that names no community costs nothing.
package struct HromadaStems: Sendable {
    /// Each stem's consonants → the hromadas (rows) and their stems.
    private let bySkeleton: [[UInt8]: [(row: Int, stem: [UInt8])]]
    /// The first words of the oblasts of Ukraine ("Sumy" of "Sumy Oblast"), as folded hashes.
    package let oblastWords: [UInt64]

    /// The built-in gazetteer's hromadas (nil if the build could not lay it out).
    package static let builtIn: HromadaStems? = Gazetteer.builtIn.map(HromadaStems.init)

    /// The fewest consonants looked up: fewer match too many names by chance.
    private static let shortestSkeleton = 4

    init(_ gazetteer: Gazetteer) {
        var bySkeleton: [[UInt8]: [(row: Int, stem: [UInt8])]] = [:]
        var oblasts = Set<UInt64>()
        for row in gazetteer.hromadaRows {
            oblasts.insert(gazetteer.oblastWordHash(row))
            guard let stem = Self.stem(Array(gazetteer.canonicalBytes(row)), endings: Self.canonicalEndings) else { continue }
            let skeleton = LatinSpelling.consonants(stem)
            guard skeleton.count >= Self.shortestSkeleton else { continue }
            bySkeleton[skeleton, default: []].append((row, stem))
        }
        self.bySkeleton = bySkeleton
        oblastWords = oblasts.sorted()
    }

    /// The hromadas whose stem has the consonants of `written` (a name as a text writes it,
    /// in ASCII letters, hyphens and apostrophes), once its adjectival ending is cut, and vowels
    /// that differ from the stem's only as Russian's and Ukrainian's do.
    package func hromadas(writtenAs written: some Collection<UInt8>) -> [Int] {
        guard let stem = Self.stem(Array(written), endings: Self.writtenEndings) else { return [] }
        let skeleton = LatinSpelling.consonants(stem)
        guard skeleton.count >= Self.shortestSkeleton, let candidates = bySkeleton[skeleton] else { return [] }
        let vowels = LatinSpelling.vowelClasses(stem)
        return candidates.filter { LatinSpelling.vowelClasses($0.stem) == vowels }.map(\.row)
    }

    /// The endings of a hromada's canonical name (Shalyhynska, Kryvorizka): the stem is what
    /// comes before.
    static let canonicalEndings = ["ska", "ka"].map { Array($0.utf8) }
    /// The adjectival endings a text may give it: Russian (-skaya, -skoy), Ukrainian (-ska,
    /// -skyi), or cut short (-sk).
    static let writtenEndings = ["skaya", "skoye", "skoy", "skiy", "skyi", "skyy", "sky", "ska", "sk"].map { Array($0.utf8) }

    /// The name in lower case without the first of `endings` it ends in; nil for anything but
    /// ASCII letters, hyphens and apostrophes.
    static func stem(_ name: [UInt8], endings: [[UInt8]]) -> [UInt8]? {
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
        return lower
    }
}
