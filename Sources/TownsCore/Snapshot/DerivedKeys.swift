import CTownsText
import Foundation

/// What the dashboard's first keys would otherwise work out over every town (issue 17 point 3,
/// cold keys), worked out when a snapshot is written by the dashboard's own code and stored in
/// it (`DerivedTables.keys`): every town's search text (the first search keystroke built it
/// for every town, pinyin included: 2.3 s at 10,000 towns), and the pinyin of each distinct
/// Chinese character of the dataset's names (ICU's transform, about 18 µs a character and
/// 5 MB of ICU's data on first use), and the measure of the rows a list samples for its column
/// widths (the towns table's, per period: the sampled rows were made on a period switch or `b`).
///
/// Derived from the text, never a second source: inside the snapshot's checksummed payload,
/// used exactly when the snapshot is (the same content fingerprint, the same build of towns).
/// A part that does not decode is not used (the caller works it out). Decoded when first
/// asked for, each time (the caller keeps what it decoded). `@unchecked Sendable`: immutable.
public final class DerivedKeys: @unchecked Sendable {
    /// What is written: both parts optional (nil: not stored, worked out when needed).
    public struct Source: Equatable, Sendable {
        /// Per town, in the dataset's order, the bytes a search looks in (the dashboard's
        /// `SearchIndex.haystack` of the town's names, its county's and its entities').
        public var searchTexts: [[UInt8]]?
        /// The pinyin of each distinct Chinese character of the names searched and sorted
        /// (one `Character` a key; lower case, no tones: "hai"), as the dashboard's
        /// `SearchIndex` reads it from ICU.
        public var syllables: [Character: String]?

        /// Numbers by a name the dashboard gives them: the measure of a list's width sample
        /// (per column its widest cell, and the widest parts of its numbers before and after
        /// the units digit, in cells: three numbers a column), by list, language and period.
        public var measures: [String: [Int]]

        public init(searchTexts: [[UInt8]]? = nil, syllables: [Character: String]? = nil,
                    measures: [String: [Int]] = [:]) {
            self.searchTexts = searchTexts
            self.syllables = syllables
            self.measures = measures
        }
    }

    private let memory: SnapshotMemory
    private let townCount: Int
    private let searchRange: Range<Int>?
    private let syllableRange: Range<Int>?
    private let measureRanges: [String: Range<Int>]

    /// Reads the section `SnapshotWriter.derivedKeys` wrote, at `reader`'s position, keeping
    /// where each part lies in `memory`'s payload.
    init(_ reader: inout SnapshotReader, memory: SnapshotMemory, townCount: Int) throws {
        self.memory = memory
        self.townCount = townCount
        // Each part a deferred section: read, and its blocks checked, when first asked for.
        func range(_ r: inout SnapshotReader) throws -> Range<Int> { try r.deferredRange() }
        searchRange = try reader.optional(range)
        syllableRange = try reader.optional(range)
        var measures: [String: Range<Int>] = [:]
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            guard measures.updateValue(try range(&reader), forKey: name) == nil else {
                throw SnapshotReader.corrupt("the numbers \(name) twice")
            }
        }
        measureRanges = measures
    }

    /// The numbers `name` (`Source.measures`), or nil when not stored or not decodable.
    public func measure(_ name: String) -> [Int]? {
        guard let r = measureRanges[name] else { return nil }
        return try? memory.read(r, strings: []) { reader in
            let n = try reader.count()
            var values: [Int] = []
            values.reserveCapacity(n)
            for _ in 0..<n { values.append(try reader.natural()) }
            guard reader.atEnd else { throw SnapshotReader.corrupt("bytes after numbers") }
            return values
        }
    }

    /// Whether every town's search text is stored.
    public var hasSearchTexts: Bool { searchRange != nil }

    /// Every town's search text (`Source.searchTexts`, by position in the dataset), or nil when
    /// not stored or not decodable.
    public func searchTexts() -> [[UInt8]]? {
        guard let r = searchRange else { return nil }
        let towns = townCount
        return try? memory.read(r, strings: []) { reader in
            guard try reader.count() == towns else { throw SnapshotReader.corrupt("search texts of other towns") }
            var texts: [[UInt8]] = []
            texts.reserveCapacity(towns)
            for _ in 0..<towns { texts.append(try reader.block(count: try reader.count())) }
            guard reader.atEnd else { throw SnapshotReader.corrupt("bytes after the search texts") }
            return texts
        }
    }

    /// Which towns' stored search texts (`Source.searchTexts`) hold any of `needles` (byte
    /// strings, as `SearchIndex.needles` makes them), by position in the dataset: true where one
    /// occurs whole within the town's text, exactly as testing each town's decoded text would say
    /// (an empty needle is in every text). Read in place from the snapshot's bytes: no text is
    /// decoded or copied (issue 17 point 3: the first search keystroke decoded and copied the
    /// 10,000 towns' texts). Nil when the texts are not stored or do not decode (then the caller
    /// makes each town's text). The pages read stay in memory (the section is read again by the
    /// next keystroke).
    public func searchTextTowns(holdingAny needles: [[UInt8]]) -> [Bool]? {
        guard let r = searchRange else { return nil }
        let payload = memory.payload
        guard r.upperBound <= payload.count, let base = payload.baseAddress, (try? memory.verify(r)) != nil else {
            return nil
        }
        // Where each town's text lies in the payload: its length, then its bytes.
        var starts: [Int] = [], ends: [Int] = []
        do {
            var reader = SnapshotReader(payload, from: r.lowerBound, to: r.upperBound)
            guard try reader.count() == townCount else { return nil }
            starts.reserveCapacity(townCount)
            ends.reserveCapacity(townCount)
            for _ in 0..<townCount {
                let n = try reader.count()
                starts.append(reader.position)
                try reader.skip(n)
                ends.append(reader.position)
            }
            guard reader.atEnd else { return nil }
        } catch {
            return nil
        }
        var found = [Bool](repeating: false, count: townCount)
        for needle in needles {
            guard !needle.isEmpty else { return [Bool](repeating: true, count: townCount) }
            needle.withUnsafeBytes { n in
                // One search through each run of towns no earlier needle found (a found town's
                // text is not looked in again): a hit inside a town's text finds that town (then
                // the search goes on from the next town's text); a hit across a text's end or in
                // the lengths between texts finds none (the search goes on from the next byte).
                var town = 0
                while town < townCount {
                    while town < townCount, found[town] { town += 1 }
                    guard town < townCount else { break }
                    var last = town
                    while last + 1 < townCount, !found[last + 1] { last += 1 }
                    let runEnd = ends[last]
                    var from = starts[town]
                    while town <= last, from < runEnd {
                        guard let p = Self.find(n, in: base, from: from, to: runEnd) else { break }
                        while town <= last, ends[town] <= p { town += 1 }
                        guard town <= last else { break }
                        if p >= starts[town], p + n.count <= ends[town] {
                            found[town] = true
                            town += 1
                            from = town <= last ? starts[town] : runEnd
                        } else {
                            from = p + 1
                        }
                    }
                    town = last + 1
                }
            }
        }
        return found
    }

    /// The first offset at or after `from` (and before `end`) of `base` where `needle` (not
    /// empty) lies whole below `end`, or nil.
    private static func find(_ needle: UnsafeRawBufferPointer, in base: UnsafeRawPointer,
                             from: Int, to end: Int) -> Int? {
        let at = towns_find_bytes(base, from, end, needle.baseAddress, needle.count)
        return at < 0 ? nil : at
    }

    /// The pinyin of each stored character (`Source.syllables`), or nil when not stored or not
    /// decodable.
    public func syllables() -> [Character: String]? {
        guard let r = syllableRange else { return nil }
        return try? memory.read(r, strings: []) { reader in
            var table: [Character: String] = [:]
            let n = try reader.count()
            table.reserveCapacity(n)
            for _ in 0..<n {
                let key = try reader.text(length: try reader.count())
                guard key.count == 1, let ch = key.first, table[ch] == nil else {
                    throw SnapshotReader.corrupt("a reading of \(key.count) characters")
                }
                table[ch] = try reader.text(length: try reader.count())
            }
            guard reader.atEnd else { throw SnapshotReader.corrupt("bytes after the readings") }
            return table
        }
    }
}

extension SnapshotWriter {
    /// The keys' tables (`DerivedKeys.Source`): each part a presence flag, then a section.
    mutating func derivedKeys(_ source: DerivedKeys.Source, townCount: Int) {
        optional(source.searchTexts) { w, texts in
            precondition(texts.count == townCount, "search texts of another number of towns")
            w.deferredSection { w in
                w.uint(UInt64(texts.count))
                for text in texts {
                    w.uint(UInt64(text.count))
                    w.raw(text)
                }
            }
        }
        optional(source.syllables) { w, table in
            w.deferredSection { w in
                let keys = table.keys.sorted()
                w.uint(UInt64(keys.count))
                for ch in keys {
                    for text in [String(ch), table[ch]!] {
                        let utf8 = Array(text.utf8)
                        w.uint(UInt64(utf8.count))
                        w.raw(utf8)
                    }
                }
            }
        }
        let names = source.measures.keys.sorted()
        uint(UInt64(names.count))
        for name in names {
            string(name)
            deferredSection { w in w.array(source.measures[name]!) { $0.uint(UInt64($1)) } }
        }
    }
}
