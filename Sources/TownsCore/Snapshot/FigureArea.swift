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
    private let recordsStart: Int
    private let recordCount: Int
    /// Where the offset table begins in the payload (bytes), and how many periods (slots) a
    /// town has in it: read by tests that damage a snapshot's table.
    let offsetsStart: Int
    private let strings: [String]
    private let slotKeys: [String?]
    private let slotOf: [String?: Int]
    private let measures: [Measure]
    let slotCount: Int
    let townCount: Int

    /// Reads the area at `reader`'s position (its string table set), checking its structure
    /// unless `checkLater` (then `checkStructure` must pass before any figure is looked up:
    /// `SnapshotStore.open` runs it on its other thread and uses nothing decoded before it has).
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

    /// The check `init` makes unless told to leave it (`checkLater`): offsets in order, every
    /// record a known measure and a length within its town's figures. It gives back the pages
    /// it read a megabyte at a time, not the whole file (the caller does, once its decode ends).
    ///
    /// - Throws: `SnapshotRejection.corrupt`, saying what does not hold.
    func checkStructure() throws(SnapshotRejection) {
        do {
            try check()
        } catch let rejection as SnapshotRejection {
            throw rejection
        } catch {
            throw .corrupt("\(error)")
        }
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
    private func check() throws {
        var last: UInt32 = 0
        let offsets = self.offsets, records = self.records
        // The pages checked go back a megabyte at a time (the whole area was resident at the
        // check's end otherwise: at 10,000 x 60 most of the snapshot, at the first screen's peak).
        let chunk = 1 << 20
        var offsetsGiven = 0  // entries of the offset table given back
        for i in 0..<offsets.count {
            if (i - offsetsGiven) * 4 >= chunk {
                memory.release(payload: offsetsStart + offsetsGiven * 4..<offsetsStart + i * 4)
                offsetsGiven = i
            }
            let offset = offsets[i]
            guard offset >= last || i % (slotCount + 1) == 0, Int(offset) <= records.count else {
                throw SnapshotReader.corrupt("a figure offset out of order")
            }
            last = offset
        }
        // Every record's measure and length, read straight from the bytes (at 10,000 x 60 the
        // 149,000 records are walked on the first screen's path: a reader per record made this
        // a tenth of the snapshot's decode). The same checks as `SnapshotReader.uint` and `count`.
        memory.release(payload: offsetsStart + offsetsGiven * 4..<offsetsStart + offsets.count * 4)
        guard let bytes = records.baseAddress else { return }  // no records: every offset is 0
        let measureCount = UInt64(measures.count)
        /// The LEB128 number at `p` (moved past it), or nil when it runs past `end` or 64 bits.
        func number(_ p: inout Int, before end: Int) -> UInt64? {
            var result: UInt64 = 0, shift: UInt64 = 0
            while p < end {
                let b = bytes.load(fromByteOffset: p, as: UInt8.self)
                p += 1
                guard shift < 64 else { return nil }
                result |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return result }
                shift += 7
            }
            return nil
        }
        var recordsGiven = 0, rowsGiven = 0  // records (bytes) and offset rows given back
        for t in 0..<townCount {
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
            var p = at
            let stop = Int(offsets[end])
            var boundary = row + 1  // the next period's first offset not yet met
            while p < stop {
                while boundary < end, Int(offsets[boundary]) <= p {
                    guard Int(offsets[boundary]) == p else {
                        throw SnapshotReader.corrupt("a figure offset inside a figure")
                    }
                    boundary += 1
                }
                guard let measure = number(&p, before: stop) else {
                    throw SnapshotReader.corrupt("ends inside a value")
                }
                guard measure < measureCount else { throw SnapshotReader.corrupt("a figure of an unknown measure") }
                guard let length = number(&p, before: stop), length <= UInt64(stop - p) else {
                    throw SnapshotReader.corrupt("a figure's length beyond its town's figures")
                }
                p += Int(length)
            }
            while boundary < end {
                guard offsets[boundary] == offsets[end] else {
                    throw SnapshotReader.corrupt("a figure offset inside a figure")
                }
                boundary += 1
            }
        }
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

/// A figure area handed from the thread decoding a snapshot to the one checking it
/// (`SnapshotStore.open`): the decode gives the area, unchecked, as soon as it has read where
/// it lies, or nothing when it stops before (`finish`); the checking thread takes it.
///
/// `@unchecked Sendable`: `area` is written before the semaphore is signalled and read after
/// it is waited for; `given` only on the decoding thread.
final class FigureAreaHandOver: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var area: FigureArea?
    private var given = false

    /// Gives `area` (unchecked) to the thread checking it. Once; later calls do nothing.
    func give(_ area: FigureArea?) {
        guard !given else { return }
        given = true
        self.area = area
        ready.signal()
    }

    /// Gives nothing if nothing was given (the decode stopped before the area): the checking
    /// thread never waits for an area that will not come.
    func finish() { give(nil) }

    /// The area given, once it is (nil: none), waiting for it.
    func take() -> FigureArea? {
        ready.wait()
        return area
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
