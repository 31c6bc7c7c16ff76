import CTownsSnapshot
import Foundation

/// Every town's figures as a snapshot stores them, read when asked: a town's figures of one
/// period are found through an offset table and decoded then, so a dashboard decodes the
/// figures of the periods it shows, not every figure of every period (`Figures`).
///
/// Layout (written by `SnapshotWriter.figureArea`, inside the checksummed payload): the slot
/// keys (every period a figure has: nil for figures of no period, years, period ids), the
/// measure names, the town count T, the records (per town, slot by slot, each figure as its
/// measure's number, its length and its body as `SnapshotWriter.figure` writes it), then
/// T x (slots + 1) offsets into the records (UInt32, little-endian): town t's figures of slot
/// s lie between offsets t x (slots + 1) + s and the next. The whole structure (offsets in
/// order and within the records, every record's measure and length) is checked when the
/// snapshot is read; a figure's body is decoded when asked for.
///
/// `@unchecked Sendable`: immutable after `init`.
final class FigureArea: @unchecked Sendable {
    /// The snapshot's bytes, mapped (`SnapshotMemory`): the records and the offset table
    /// are read where they lie, never copied.
    private let memory: SnapshotMemory
    private let recordCount: Int
    /// Where the records and the offset table begin in the payload (bytes), and how many
    /// periods (slots) a town has in the table: read by tests that damage a snapshot's area.
    let recordsStart: Int
    let offsetsStart: Int
    private let strings: [String]
    private let slotKeys: [String?]
    private let slotOf: [String?: Int]
    private let measures: [Measure]
    let slotCount: Int
    let townCount: Int

    /// Reads the area at `reader`'s position (its string table set), checking its structure
    /// unless `checkLater` (then `check(towns:)` must pass for every town before any figure is
    /// looked up: `SnapshotStore.open` shares it between two threads, `FigureAreaHandOver`, and
    /// uses nothing decoded before every part has passed).
    init(_ reader: inout SnapshotReader, memory: SnapshotMemory, checkLater: Bool = false) throws {
        self.memory = memory
        strings = reader.strings
        slotKeys = try reader.array { try $0.optionalString() }
        var slots: [String?: Int] = [:]
        for (i, key) in slotKeys.enumerated() {
            guard slots.updateValue(i, forKey: key) == nil else { throw SnapshotReader.corrupt("a period given twice") }
        }
        slotOf = slots
        measures = try reader.array { try $0.word(Measure.self) }
        townCount = try reader.count()
        slotCount = slotKeys.count
        recordCount = try reader.count()
        recordsStart = reader.position
        try reader.skip(recordCount)
        offsetsStart = reader.position
        try reader.skip(townCount * (slotCount + 1) * 4)
        guard !checkLater else { return }
        try check()
        memory.release()  // the check read every record: only those looked up later come back
    }

    /// The records: every figure's measure, length and body.
    private var records: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: memory.payload[recordsStart..<recordsStart + recordCount])
    }

    /// The offset table's entries, read where they lie (little-endian UInt32).
    private struct Offsets {
        let base: UnsafeRawPointer
        let count: Int
        subscript(_ i: Int) -> UInt32 {
            UInt32(littleEndian: base.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
        }
    }

    private var offsets: Offsets {
        Offsets(base: memory.payload.baseAddress! + offsetsStart, count: townCount * (slotCount + 1))
    }

    /// Offsets in order within the records, every period's first offset at the start of a
    /// record, and every record a known measure and a length within its town's figures: then
    /// every lookup reads whole records.
    private func check() throws { try check(towns: 0..<townCount) }

    /// `check` of the towns in `towns` alone: a town's row of offsets and its records are
    /// checked apart from every other town's (a row's first offset is not compared with the row
    /// before), so parts of the towns can be checked on two threads (`FigureAreaHandOver.help`)
    /// and the whole area passes exactly when every part passes.
    func check(towns: Range<Int>) throws {
        guard !towns.isEmpty else { return }
        let offsets = self.offsets, records = self.records
        let table = UnsafeRawPointer(offsets.base).assumingMemoryBound(to: UInt8.self)
        let firstEntry = towns.lowerBound * (slotCount + 1), endEntry = towns.upperBound * (slotCount + 1)
        // The pages checked go back a megabyte at a time (the whole area was resident at the
        // check's end otherwise: at 10,000 x 60 most of the snapshot, at the first screen's peak).
        let chunk = 1 << 20
        // Offsets in order (C, `towns_check_offset_order`), a megabyte of the table at a time.
        var last: UInt32 = 0
        var offsetsGiven = firstEntry  // entries of the offset table given back
        while offsetsGiven < endEntry {
            let stop = min(endEntry, offsetsGiven + chunk / 4)
            guard towns_check_offset_order(table, offsetsGiven, stop, slotCount + 1, UInt(records.count), &last) < 0
            else { throw SnapshotReader.corrupt("a figure offset out of order") }
            guard stop < endEntry else { break }
            memory.release(payload: offsetsStart + offsetsGiven * 4..<offsetsStart + stop * 4)
            offsetsGiven = stop
        }
        // Every record's measure and length, read straight from the bytes by C
        // (`towns_check_town_records`: at 10,000 x 60 the 149,000 records are walked on the first
        // screen's path; in Swift this loop was a tenth of the snapshot's decode). The same checks
        // as `SnapshotReader.uint` and `count`.
        memory.release(payload: offsetsStart + offsetsGiven * 4..<offsetsStart + endEntry * 4)
        guard let bytes = records.baseAddress else { return }  // no records: every offset is 0
        let recordBytes = bytes.assumingMemoryBound(to: UInt8.self)
        let measureCount = UInt64(measures.count)
        // Records (bytes) and offset rows given back.
        var recordsGiven = Int(offsets[firstEntry]), rowsGiven = firstEntry
        var lastStop = recordsGiven
        for t in towns {
            let row = t * (slotCount + 1), end = row + slotCount
            // (A town's first offset is checked against the records' end only: a damaged one
            // may lie below the last, then nothing of the records is given back here.)
            let at = Int(offsets[row])
            if at - recordsGiven >= chunk || (row - rowsGiven) * 4 >= chunk {
                if at > recordsGiven {
                    memory.release(payload: recordsStart + recordsGiven..<recordsStart + at)
                    recordsGiven = at
                }
                memory.release(payload: offsetsStart + rowsGiven * 4..<offsetsStart + row * 4)
                rowsGiven = row
            }
            lastStop = Int(offsets[end])
            switch towns_check_town_records(recordBytes, table, row, slotCount, measureCount) {
            case 0: continue
            case 1: throw SnapshotReader.corrupt("a figure offset inside a figure")
            case 2: throw SnapshotReader.corrupt("ends inside a value")
            case 3: throw SnapshotReader.corrupt("a figure of an unknown measure")
            default: throw SnapshotReader.corrupt("a figure's length beyond its town's figures")
            }
        }
        // A part's last records go back too (the whole check's are given back by `init`'s caller).
        if lastStop > recordsGiven { memory.release(payload: recordsStart + recordsGiven..<recordsStart + lastStop) }
        memory.release(payload: offsetsStart + rowsGiven * 4..<offsetsStart + endEntry * 4)
    }

    /// Where town `town`'s figures of slot `slot` lie in the records.
    private func range(town: Int, slot: Int) -> Range<Int> {
        let row = town * (slotCount + 1) + slot
        return Int(offsets[row])..<Int(offsets[row + 1])
    }

    /// Calls `body` with a reader of each figure of `town` in `slot`, and its measure.
    private func each(town: Int, slot: Int, _ body: (Measure, inout SnapshotReader) -> Bool) {
        let r = range(town: town, slot: slot)
        guard !r.isEmpty else { return }
        do {
            let raw = records
            var reader = SnapshotReader(raw, from: r.lowerBound, to: r.upperBound)
            reader.strings = strings
            // The structure was checked when the snapshot was read (`check`).
            while !reader.atEnd {
                let measure = measures[Int(try! reader.uint())]
                let length = try! reader.count()
                var figure = reader.prefix(length)
                try! reader.skip(length)
                if !body(measure, &figure) { return }
            }
        }
    }

    /// A figure's body, decoded; the snapshot's checksum matched, so a body that does not
    /// decode is a fault of this program, not of the file.
    private static func decoded(_ reader: inout SnapshotReader) -> Figure {
        do {
            return try reader.figure()
        } catch {
            fatalError("towns: a checked snapshot holds a figure that does not decode (\(error))")
        }
    }

    /// Town `town`'s figure for `key`, or nil.
    func figure(town: Int, _ key: FigureKey) -> Figure? {
        guard let slot = slotOf[key.period] else { return nil }
        var found: Figure?
        each(town: town, slot: slot) { measure, reader in
            guard measure == key.measure else { return true }
            found = Self.decoded(&reader)
            return false
        }
        return found
    }

    /// Every figure of town `town`.
    func figures(town: Int) -> [FigureKey: Figure] {
        var out: [FigureKey: Figure] = [:]
        for slot in 0..<slotCount {
            each(town: town, slot: slot) { measure, reader in
                out[FigureKey(measure, slotKeys[slot])] = Self.decoded(&reader)
                return true
            }
        }
        return out
    }

    /// For each slot key (nil as ""), the towns with a figure in it, ascending.
    func townsBySlot() -> [String: [Int]] {
        var lists = Array(repeating: [Int](), count: slotCount)
        let offsets = self.offsets
        for town in 0..<townCount {
            let row = town * (slotCount + 1)
            for slot in 0..<slotCount where offsets[row + slot] != offsets[row + slot + 1] { lists[slot].append(town) }
        }
        var index: [String: [Int]] = [:]
        for (slot, towns) in lists.enumerated() where !towns.isEmpty { index[slotKeys[slot] ?? ""] = towns }
        return index
    }

    /// The periods (slot keys) in which town `town` has a figure.
    func periods(town: Int) -> [String?] {
        (0..<slotCount).filter { !range(town: town, slot: $0).isEmpty }.map { slotKeys[$0] }
    }
}

/// A figure area handed from the thread decoding a snapshot to the threads checking it
/// (`SnapshotStore.open`): the decode gives the area, unchecked, as soon as it has read where
/// it lies, or nothing when it stops before (`finish`). Its structure is checked in parts of
/// towns (`FigureArea.check(towns:)`) taken one at a time by whichever thread is free: the
/// hashing thread once its checksum is done, the decoding one once its decode is (`help`).
/// Once both have helped (and returned), every part has been checked or the check failed.
///
/// `@unchecked Sendable`: `area` and `parts` are written before the semaphore is signalled
/// (and, on the decoding thread, read after); the parts' progress only under `lock`.
final class FigureAreaHandOver: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var area: FigureArea?
    private var given = false
    private var parts = 0
    private var next = 0
    private var failed: Error?

    /// Gives `area` (unchecked) to be checked. Once; later calls do nothing.
    func give(_ area: FigureArea?) {
        guard !given else { return }
        given = true
        self.area = area
        // Parts of a few hundred towns (625 at 10,000): small enough that neither thread waits
        // long for the other's last part.
        parts = area.map { min($0.townCount, 16) } ?? 0
        ready.signal()
    }

    /// Gives nothing if nothing was given (the decode stopped before the area): the hashing
    /// thread never waits for an area that will not come.
    func finish() { give(nil) }

    /// Waits until the decode has given the area or nothing (the hashing thread, once).
    func waitForArea() { ready.wait() }

    /// Checks parts not yet taken, one at a time, until none is left (or one failed). Called
    /// after `waitForArea` on the hashing thread, after the decode (which gave) on its own.
    func help() {
        guard let area else { return }
        while true {
            let part: Int? = lock.withLock {
                guard next < parts, failed == nil else { return nil }
                defer { next += 1 }
                return next
            }
            guard let part else { return }
            let towns = part * area.townCount / parts..<(part + 1) * area.townCount / parts
            do {
                try area.check(towns: towns)
            } catch {
                lock.withLock { if failed == nil { failed = error } }
                return
            }
        }
    }

    /// Leaves the parts not yet taken unchecked (the checksum already refuses the snapshot).
    func cancel() { lock.withLock { next = parts } }

    /// Why the area's structure was refused, if a part failed: read once both threads helped.
    var failure: SnapshotRejection? {
        lock.withLock { failed }.map { ($0 as? SnapshotRejection) ?? .corrupt("\($0)") }
    }
}

extension SnapshotWriter {
    /// Every town's figures as `FigureArea` reads them.
    mutating func figureArea(_ towns: [Town]) {
        let all = towns.map(\.figures.all)
        let slotKeys = Array(Set(all.flatMap { $0.keys.map(\.period) })).sorted { ($0 ?? "") < ($1 ?? "") }
        let slotOf = Dictionary(uniqueKeysWithValues: slotKeys.enumerated().map { ($1, $0) })
        let numbers = Dictionary(uniqueKeysWithValues: Measure.allCases.enumerated().map { ($1, UInt64($0)) })
        array(slotKeys) { $0.string($1) }
        array(Measure.allCases) { $0.string($1.rawValue) }
        uint(UInt64(towns.count))
        var offsets: [UInt32] = []
        offsets.reserveCapacity(towns.count * (slotKeys.count + 1))
        var records: [UInt8] = []
        for figures in all {
            let bySlot = Dictionary(grouping: figures) { slotOf[$0.key.period]! }
            for slot in slotKeys.indices {
                offsets.append(UInt32(records.count))
                let figures = (bySlot[slot] ?? []).sorted { $0.key.measure.rawValue < $1.key.measure.rawValue }
                for (key, figure) in figures {
                    let body = detached { $0.figure(figure) }
                    records += detached { $0.uint(numbers[key.measure]!); $0.uint(UInt64(body.count)) }
                    records += body
                }
            }
            offsets.append(UInt32(records.count))
        }
        uint(UInt64(records.count))
        raw(records)
        var table: [UInt8] = []
        table.reserveCapacity(offsets.count * 4)
        for o in offsets { withUnsafeBytes(of: o.littleEndian) { table.append(contentsOf: $0) } }
        raw(table)
    }
}
