import Foundation
import Synchronization

/// Where a dataset keeps its towns (`Dataset.towns`): an array, or (read from a snapshot) the
/// snapshot's sections of towns not yet decoded (`lazy`). Changing a town first decodes them all
/// into `array`.
struct TownStore: Sendable {
    var array: [Town]
    var lazy: LazyTowns?

    init(array: [Town]) {
        self.array = array
        lazy = nil
    }

    init(lazy: LazyTowns) {
        array = []
        self.lazy = lazy
    }

    /// Decodes every town into `array` (once), so that it can be changed.
    mutating func materialize() {
        guard let lazy else { return }
        array = lazy.all
        self.lazy = nil
    }
}

/// A snapshot's towns, decoded a section (`sectionSize` towns) at a time when one of its towns is
/// first asked for (`town(at:)`), or all at once on every core (`all`) when a view needs every
/// town (format 23). At 10,000 towns the overview's first frame reads a handful of towns: their
/// sections, ~0.1 ms, not the 10,000 towns' decode (~5 ms of the first screen at 10,000 x 60,
/// wave 39's profile) nor their strings (each section has its own string table).
///
/// The sections lie in the snapshot's eager part, whose checksum matched before the dataset was
/// used (`SnapshotStore.open`): a section that does not decode then is a fault of this program,
/// not of the file, and stops it (`fatalError`, as `FigureArea` does for a figure). Readers that
/// decode without the checksum (`DatasetSnapshot.decodeUnverified` for others than `open`) decode
/// every section at once (`decodeAll`), throwing on damage.
///
/// `@unchecked Sendable`: the sections decoded are kept under `lock`; `whole`, once set (before
/// `ready` is stored with release ordering), never changes and is read after an acquiring load.
final class LazyTowns: @unchecked Sendable {
    /// Towns per section (the writer's, `SnapshotWriter.dataset`): small, so that a first frame
    /// showing a few towns decodes few; large enough that a whole decode's split costs nothing.
    static let sectionSize = 64

    /// The snapshot's bytes (kept mapped while any town may still be decoded).
    private let memory: SnapshotMemory
    /// Where each section lies in the payload, and the position of its first town (then the count).
    private let ranges: [Range<Int>]
    /// Where each section's ids lie in the payload (`SnapshotWriter.townSection`).
    private let idRanges: [Range<Int>]
    private let starts: [Int]
    private let area: FigureArea
    /// How many towns.
    let count: Int
    /// Each town's development type (`Town.type`), read when the snapshot is: the types panel
    /// and view group towns by it (`Dataset.townTypes`) without decoding them.
    let types: [Int]

    private let lock = NSLock()
    private var sections: [[Town]?]
    private let ready = Atomic<Bool>(false)
    /// How many sections `town(at:)` has decoded alone (`sectionsAloneAtMost`).
    private let decodedAlone = Atomic<Int>(0)
    /// Every town's id (`id(at:)`), read from the sections' heads when first asked; `idsReady`
    /// stored with release ordering once it is set, never changed after.
    private let idsReady = Atomic<Bool>(false)
    private nonisolated(unsafe) var ids: [String] = []
    private nonisolated(unsafe) var whole: [Town] = []

    /// `ranges` of the payload in `memory`, each a section as `SnapshotWriter.townSection` wrote
    /// it, holding `starts[i + 1] - starts[i]` towns; their figures in `area`.
    /// `idRanges`: where each section's ids lie.
    init(memory: SnapshotMemory, ranges: [Range<Int>], starts: [Int], types: [Int], idRanges: [Range<Int>],
         area: FigureArea) {
        self.memory = memory
        self.types = types
        self.ranges = ranges
        self.idRanges = idRanges
        self.starts = starts
        self.area = area
        count = starts.last ?? 0
        sections = Array(repeating: nil, count: ranges.count)
    }

    /// Whether every town has been decoded (`all`), and how many sections are decoded alone
    /// (`town(at:)`, before that): what a test of the first frame reads.
    var isWhole: Bool { ready.load(ordering: .acquiring) }
    var sectionsDecoded: Int { lock.withLock { sections.count { $0 != nil } } }

    /// Every town, in order: decoded on every core the first time (the sections already decoded
    /// are not decoded again).
    var all: [Town] {
        if ready.load(ordering: .acquiring) { return whole }
        do {
            return try decodeAll()
        } catch {
            fatalError("towns: a checked snapshot holds towns that do not decode (\(error))")
        }
    }

    /// Sections decoded alone (`town(at:)`) past which the next asked decodes every town on
    /// every core instead (`all`): a view reading every town by position (the towns view's rows,
    /// a sort's keys) decoded 157 sections one after another on one thread, its first visit
    /// 19.8 ms at 10,000 x 60 before the warm-up had made the towns whole (wave 41's `perf`),
    /// where the first frame's few towns need at most a handful.
    static let sectionsAloneAtMost = 16

    /// The town at `i` (`0..<count`), decoding its section if it has not been (every section,
    /// past `sectionsAloneAtMost` decoded alone).
    func town(at i: Int) -> Town {
        if ready.load(ordering: .acquiring) { return whole[i] }
        precondition(i >= 0 && i < count, "town \(i) of \(count)")
        if decodedAlone.load(ordering: .relaxed) >= Self.sectionsAloneAtMost { return all[i] }
        // The last section whose first town is at or before `i`.
        var low = 0, high = starts.count - 2
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= i { low = mid } else { high = mid - 1 }
        }
        return lock.withLock {
            // Decoded whole since the check above (the sections are then let go).
            if ready.load(ordering: .acquiring) { return whole[i] }
            if let decoded = sections[low] { return decoded[i - starts[low]] }
            do {
                let decoded = try decode(section: low)
                sections[low] = decoded
                decodedAlone.add(1, ordering: .relaxed)
                return decoded[i - starts[low]]
            } catch {
                fatalError("towns: a checked snapshot holds a town that does not decode (\(error))")
            }
        }
    }

    /// The id of the town at `i` (`0..<count`): `town(at: i).id` without decoding a town. The
    /// first asked reads every town's id from the sections' heads (~10,000 short strings), not
    /// their records: the checks' suspect towns, kept by position, asked for their ids on the
    /// overview's first frame, and decoded every town for them (~4.8 ms of the 10,000 x 60 start,
    /// wave 41's `perf`); a town's page looks its town up by id.
    func id(at i: Int) -> String {
        if idsReady.load(ordering: .acquiring) { return ids[i] }
        precondition(i >= 0 && i < count, "town \(i) of \(count)")
        return lock.withLock {
            if !idsReady.load(ordering: .acquiring) {
                do {
                    ids = try decodeIDs()
                } catch {
                    fatalError("towns: a checked snapshot holds ids that do not decode (\(error))")
                }
                idsReady.store(true, ordering: .releasing)
            }
            return ids[i]
        }
    }

    /// Every town's id, in order, from the sections' heads.
    ///
    /// - Throws: `SnapshotRejection.corrupt` when a section's ids do not decode.
    private func decodeIDs() throws -> [String] {
        var all: [String] = []
        all.reserveCapacity(count)
        for s in idRanges.indices {
            var reader = SnapshotReader(memory.payload, from: idRanges[s].lowerBound, to: idRanges[s].upperBound)
            for _ in starts[s]..<starts[s + 1] { all.append(try reader.text(length: try reader.count())) }
            guard reader.atEnd else { throw SnapshotReader.corrupt("bytes left after a section's ids") }
        }
        return all
    }

    /// The figures of the town at `i` (`0..<count`), its record not decoded: they are read from
    /// the figure area when asked, as a decoded town's are.
    func figures(at i: Int) -> Figures {
        precondition(i >= 0 && i < count, "town \(i) of \(count)")
        return Figures(area: area, town: i)
    }

    /// Every town, each section decoded once (on every core), or the first error a section gave.
    /// Each section's towns are made in their place in the one array returned (those decoded
    /// before are copied there), so the towns are never held twice (at 10,000 towns a second
    /// array was some megabytes of peak memory).
    ///
    /// - Throws: `SnapshotRejection.corrupt` when a section does not decode.
    func decodeAll() throws -> [Town] {
        try lock.withLock {
            if ready.load(ordering: .acquiring) { return whole }
            let work = SectionDecodes(sections: sections.count)
            let decodedBefore = sections
            let towns = try [Town](unsafeUninitializedCapacity: count) { buffer, initialized in
                initialized = 0
                guard let base = buffer.baseAddress, count > 0 else { return }
                work.base = base
                DispatchQueue.concurrentPerform(iterations: ranges.count) { s in
                    guard let at = work.base.map({ $0 + starts[s] }) else { return }
                    if let decoded = decodedBefore[s] {
                        decoded.withUnsafeBufferPointer { at.initialize(from: $0.baseAddress!, count: $0.count) }
                        work.made(s, decoded.count)
                        return
                    }
                    var made = 0
                    defer { work.made(s, made) }
                    do {
                        try decode(section: s) { k, town in
                            (at + k).initialize(to: town)
                            made = k + 1
                        }
                    } catch {
                        work.fail((error as? SnapshotRejection) ?? .corrupt("\(error)"))
                    }
                }
                if let failure = work.failure {
                    for s in ranges.indices where work.count(s) > 0 { (base + starts[s]).deinitialize(count: work.count(s)) }
                    throw failure
                }
                initialized = count
            }
            whole = towns
            sections = []
            ready.store(true, ordering: .releasing)
            return towns
        }
    }

    /// The towns of section `s`, their figures in the area.
    private func decode(section s: Int) throws -> [Town] {
        var towns: [Town] = []
        towns.reserveCapacity(starts[s + 1] - starts[s])
        try decode(section: s) { _, town in towns.append(town) }
        return towns
    }

    /// Gives each town of section `s` in order to `give` (its index in the section, the town),
    /// its figures in the area.
    private func decode(section s: Int, _ give: (Int, Town) -> Void) throws {
        var reader = SnapshotReader(memory.payload, from: ranges[s].lowerBound, to: ranges[s].upperBound)
        let n = try reader.count()
        guard n == starts[s + 1] - starts[s] else { throw SnapshotReader.corrupt("a section of towns of another count") }
        for _ in 0..<n { _ = try reader.int() }  // the types (`types`)
        try reader.skip(try reader.count())  // the ids (`id(at:)`)
        reader.strings = try reader.stringTable(count: try reader.count())
        var decoding = TownDecoding()
        for k in 0..<n {
            var town = try reader.town(&decoding)
            guard town.type == types[starts[s] + k] else { throw SnapshotReader.corrupt("a town of another type") }
            town.figures = Figures(area: area, town: starts[s] + k)
            give(k, town)
        }
        guard reader.atEnd else { throw SnapshotReader.corrupt("bytes left after a section of towns") }
    }
}

/// The sections of towns being decoded on every core (`LazyTowns.decodeAll`): how many towns
/// each has made in its place (to give back after a failure), and the first failure.
/// `@unchecked Sendable`: under `lock`; `base`, set before `DispatchQueue.concurrentPerform`,
/// points into the array being made, which outlives it.
private final class SectionDecodes: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int]
    private var firstFailure: SnapshotRejection?
    /// The array being made (set before the threads start, read by them).
    var base: UnsafeMutablePointer<Town>?

    init(sections: Int) { counts = Array(repeating: 0, count: sections) }

    func made(_ s: Int, _ n: Int) { lock.withLock { counts[s] = n } }
    func count(_ s: Int) -> Int { lock.withLock { counts[s] } }
    func fail(_ failure: SnapshotRejection) { lock.withLock { if firstFailure == nil { firstFailure = failure } } }
    var failure: SnapshotRejection? { lock.withLock { firstFailure } }
}

extension SnapshotWriter {
    /// A section of towns (format 24): its length (`section`), then the number of towns, each
    /// one's development type (read at the start: `LazyTowns.types`), the length of a block of
    /// their ids (each one's length and UTF-8 bytes; skipped at the start, read by
    /// `LazyTowns.id(at:)`), its own string table (the count, then each string's length and
    /// UTF-8 bytes) and the towns (`town`), so that it decodes alone (`LazyTowns`).
    mutating func townSection(_ towns: ArraySlice<Town>) {
        var own = SnapshotWriter(capacity: 1 << 14)
        for t in towns { own.town(t) }
        var ids = SnapshotWriter(capacity: 1 << 10)
        for t in towns {
            let utf8 = Array(t.id.utf8)
            ids.uint(UInt64(utf8.count))
            ids.raw(utf8)
        }
        section { w in
            w.uint(UInt64(towns.count))
            for t in towns { w.int(t.type) }
            w.uint(UInt64(ids.body.count))
            w.raw(ids.body)
            w.uint(UInt64(own.strings.count))
            for s in own.strings {
                let utf8 = Array(s.utf8)
                w.uint(UInt64(utf8.count))
                w.raw(utf8)
            }
            w.raw(own.body)
        }
    }
}

extension SnapshotReader {
    /// The sections of towns (`SnapshotWriter.townSection`), this reader moved past them: where
    /// each lies, the position of each one's first town (then the count), every town's
    /// development type, and where each section's ids lie. Only each section's count, types and
    /// the length of its ids are read here.
    mutating func townSectionRanges() throws
        -> (ranges: [Range<Int>], starts: [Int], types: [Int], idRanges: [Range<Int>])
    {
        let n = try count()
        var ranges: [Range<Int>] = [], idRanges: [Range<Int>] = []
        var starts = [0]
        var types: [Int] = []
        ranges.reserveCapacity(n)
        starts.reserveCapacity(n + 1)
        for _ in 0..<n {
            let length = try count()
            let range = position..<position + length
            var head = prefix(length)
            try skip(length)
            let towns = try head.count()
            for _ in 0..<towns { types.append(try head.int()) }
            let idsLength = try head.count()
            idRanges.append(head.position..<head.position + idsLength)
            try head.skip(idsLength)
            ranges.append(range)
            starts.append(starts.last! + towns)
        }
        return (ranges, starts, types, idRanges)
    }
}
