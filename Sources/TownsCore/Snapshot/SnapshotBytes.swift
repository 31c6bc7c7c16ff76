import Foundation

/// Why a snapshot was not used. Never fatal: the caller reads the text instead.
public enum SnapshotRejection: Error, Equatable, Sendable, CustomStringConvertible {
    /// No snapshot file (or it cannot be opened, e.g. permission denied).
    case missing(String)
    /// Not a `towns` snapshot (wrong magic), or one written by another format version or
    /// another platform layout.
    case foreign(String)
    /// Shorter than its header says.
    case truncated(String)
    /// The payload's checksum does not match, or its contents do not decode.
    case corrupt(String)
    /// A valid snapshot of other contents than the dataset's files hold now (or of another folder).
    case stale(String)

    public var description: String {
        switch self {
        case let .missing(why): return "no snapshot: \(why)"
        case let .foreign(why): return "not a snapshot of this version: \(why)"
        case let .truncated(why): return "truncated snapshot: \(why)"
        case let .corrupt(why): return "corrupt snapshot: \(why)"
        case let .stale(why): return "stale snapshot: \(why)"
        }
    }
}

/// A 64-bit hash of bytes, eight at a time (multiply, rotate, xor: the mixing of wyhash and
/// xxHash's avalanche), used for the content fingerprint and the snapshot's checksum. Not
/// cryptographic: it tells changed or damaged bytes from the same, not a forger from a friend
/// (a snapshot lives in the user's own cache folder).
struct SnapshotHasher {
    private(set) var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var length: UInt64 = 0

    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        var i = 0
        while i + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            mix(word)
            i += 8
        }
        if i < count { mix(Self.tailWord(bytes, from: i)) }
        length &+= UInt64(count)
    }

    mutating func combine(_ bytes: [UInt8]) { bytes.withUnsafeBytes { combine($0) } }
    mutating func combine(_ text: String) { combine(Array(text.utf8)); combine([0]) }
    mutating func combine(_ value: UInt64) { mix(value) }

    /// The last, short word of `bytes` (its bytes from `start` on, fewer than eight), little-endian,
    /// marked in its top byte so that trailing zero bytes still change the hash: how both hashers
    /// (`SnapshotHasher`, `WideHasher`) end a piece that is not a whole number of words.
    static func tailWord(_ bytes: UnsafeRawBufferPointer, from start: Int) -> UInt64 {
        var tail: UInt64 = 0
        for (shift, j) in (start..<bytes.count).enumerated() { tail |= UInt64(bytes[j]) << (UInt64(shift) * 8) }
        return tail ^ 0xFF00_0000_0000_0000
    }

    private mutating func mix(_ word: UInt64) { state = WideHasher.step(state, word) }

    /// The hash of everything combined so far.
    func finalize() -> UInt64 {
        var h = state ^ length
        h ^= h >> 33; h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33; h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = SnapshotHasher()
        hasher.combine(bytes)
        return hasher.finalize()
    }
}

/// `SnapshotHasher`'s mixing over four lanes: word i of the bytes (eight at a time, counted
/// over everything combined) goes to lane i mod 4, and the lanes are folded together at the
/// end. The four chains do not wait for each other, so the processor can hash several words
/// at once (`perf` of one start each at 10,000 towns x 60 months, load 11-16: the main thread's
/// checksum of 24.5 MiB, page faults included, ~12.6 ms with one lane, ~8.8 ms with four). Used for the
/// content fingerprint and the payload's checksum (format 8 on);
/// a snapshot's file name keeps `SnapshotHasher`, so a new format's snapshot replaces the old
/// file. The same bytes give the same hash however they are split, provided every piece but
/// the last is a whole number of words.
struct WideHasher {
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (
        0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x27D4_EB2F_1656_67C5
    )
    /// Words combined so far (the next word's lane is `words % 4`).
    private var words: UInt64 = 0
    private var length: UInt64 = 0

    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        var i = 0
        while i + 8 <= count, words & 3 != 0 {
            mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i + 32 <= count {
            var (a, b, c, d) = lanes
            while i + 32 <= count {
                a = Self.step(a, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                b = Self.step(b, bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
                c = Self.step(c, bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
                d = Self.step(d, bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
                i += 32
                words &+= 4
            }
            lanes = (a, b, c, d)
        }
        while i + 8 <= count {
            mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < count { mix(SnapshotHasher.tailWord(bytes, from: i)) }
        length &+= UInt64(count)
    }

    mutating func combine(_ bytes: [UInt8]) { bytes.withUnsafeBytes { combine($0) } }
    mutating func combine(_ text: String) { combine(Array(text.utf8)); combine([0]) }
    mutating func combine(_ value: UInt64) { mix(value) }

    /// One word mixed into one lane (multiply, rotate, xor): `SnapshotHasher`'s single lane too.
    static func step(_ state: UInt64, _ word: UInt64) -> UInt64 {
        var k = word &* 0x87C3_7B91_1142_53D5
        k = (k << 31) | (k >> 33)
        k = k &* 0x4CF5_AD43_2745_937F
        let s = state ^ k
        return ((s << 27) | (s >> 37)) &* 5 &+ 0x52DC_E729
    }

    private mutating func mix(_ word: UInt64) {
        switch words & 3 {
        case 0: lanes.0 = Self.step(lanes.0, word)
        case 1: lanes.1 = Self.step(lanes.1, word)
        case 2: lanes.2 = Self.step(lanes.2, word)
        default: lanes.3 = Self.step(lanes.3, word)
        }
        words &+= 1
    }

    /// The hash of everything combined so far.
    func finalize() -> UInt64 {
        var h = length
        for lane in [lanes.0, lanes.1, lanes.2, lanes.3] {
            h = Self.step(h, lane)
        }
        h ^= h >> 33; h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33; h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = WideHasher()
        hasher.combine(bytes)
        return hasher.finalize()
    }
}

/// Writes the body of a snapshot: unsigned LEB128 integers, strings as indexes into a table
/// of distinct strings (each text stored once, and decoded into one shared `String`),
/// decimals as their 20 raw bytes (exact, and checked against the platform's layout).
struct SnapshotWriter {
    private(set) var body: [UInt8] = []
    private var index: [String: UInt32] = [:]
    private(set) var strings: [String] = []

    init() { body.reserveCapacity(1 << 20) }

    mutating func uint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            body.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        body.append(UInt8(v))
    }

    /// A signed integer, zigzag-encoded.
    mutating func int(_ value: Int) { uint(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))) }
    mutating func bool(_ value: Bool) { body.append(value ? 1 : 0) }

    mutating func string(_ text: String) { uint(UInt64(ref(text))) }

    mutating func string(_ text: String?) {
        guard let text else { return uint(0) }
        uint(UInt64(ref(text)) + 1)
    }

    private mutating func ref(_ text: String) -> UInt32 {
        if let known = index[text] { return known }
        let new = UInt32(strings.count)
        strings.append(text)
        index[text] = new
        return new
    }

    mutating func int(_ value: Int?) {
        guard let value else { return bool(false) }
        bool(true); int(value)
    }

    mutating func bool(_ value: Bool?) { body.append(value.map { $0 ? 1 : 2 } ?? 0) }

    mutating func decimal(_ value: Decimal) {
        withUnsafeBytes(of: value) { body.append(contentsOf: $0) }
    }

    mutating func strings(_ texts: [String]) {
        uint(UInt64(texts.count))
        for t in texts { string(t) }
    }

    /// Writes `value` as optional: a presence byte, then `write(value)`.
    mutating func optional<T>(_ value: T?, _ write: (inout SnapshotWriter, T) -> Void) {
        guard let value else { return bool(false) }
        bool(true)
        write(&self, value)
    }

    mutating func array<T>(_ values: [T], _ write: (inout SnapshotWriter, T) -> Void) {
        uint(UInt64(values.count))
        for v in values { write(&self, v) }
    }

    /// The bytes `write` writes (with this writer's string table), not added to the body.
    mutating func detached(_ write: (inout SnapshotWriter) -> Void) -> [UInt8] {
        var outer: [UInt8] = []
        swap(&outer, &body)
        write(&self)
        swap(&outer, &body)
        return outer
    }

    /// Bytes as they are.
    mutating func raw(_ bytes: [UInt8]) { body.append(contentsOf: bytes) }

    /// A section: its length in bytes, then what `write` wrote, so that a reader can hand
    /// sections to other threads (`SnapshotReader.section`).
    mutating func section(_ write: (inout SnapshotWriter) -> Void) {
        var outer: [UInt8] = []
        swap(&outer, &body)
        write(&self)
        swap(&outer, &body)
        uint(UInt64(outer.count))
        body.append(contentsOf: outer)
    }
}

/// Reads what `SnapshotWriter` wrote, checking every bound: a damaged body throws
/// `SnapshotRejection.corrupt`, never reads past the end.
struct SnapshotReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset: Int
    private let end: Int
    var strings: [String] = []

    init(_ bytes: UnsafeRawBufferPointer, from start: Int = 0) {
        self.bytes = bytes
        offset = start
        end = bytes.count
    }

    /// A reader of `bytes[start..<end]`.
    init(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) {
        self.bytes = bytes
        offset = start
        self.end = end
    }

    var atEnd: Bool { offset == end }

    /// The next `count` bytes, copied, and skipped here.
    mutating func block(count n: Int) throws -> [UInt8] {
        guard n >= 0, end - offset >= n else { throw Self.corrupt("ends inside a block of bytes") }
        defer { offset += n }
        return Array(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n]))
    }

    /// Skips `count` bytes.
    mutating func skip(_ n: Int) throws {
        guard n >= 0, end - offset >= n else { throw Self.corrupt("ends inside a value") }
        offset += n
    }

    /// A reader of the next `count` bytes alone (the same string table), not skipped here.
    func prefix(_ n: Int) -> SnapshotReader {
        var inner = SnapshotReader(bytes, from: offset, to: min(end, offset + n))
        inner.strings = strings
        return inner
    }
    var position: Int { offset }

    static func corrupt(_ what: String) -> SnapshotRejection { .corrupt(what) }

    mutating func byte() throws -> UInt8 {
        guard offset < end else { throw Self.corrupt("ends inside a value") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw Self.corrupt("an integer longer than 64 bits") }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    mutating func int() throws -> Int {
        let z = try uint()
        return Int(Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1))))
    }

    /// A number that fits an `Int` (a count, a row, a tally): a larger one is damage, thrown
    /// rather than trapped on, since a snapshot is decoded beside its checksum (`SnapshotStore.open`).
    mutating func natural() throws -> Int {
        let n = try uint()
        guard n <= UInt64(Int.max) else { throw Self.corrupt("a number of \(n), beyond an Int") }
        return Int(n)
    }

    mutating func count() throws -> Int {
        let n = try uint()
        // Every element takes at least one byte: a count beyond what is left is damage.
        guard n <= UInt64(end - offset) else { throw Self.corrupt("a count of \(n) beyond the data") }
        return Int(n)
    }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        case let b: throw Self.corrupt("a flag of \(b)")
        }
    }

    mutating func optionalBool() throws -> Bool? {
        switch try byte() {
        case 0: return nil
        case 1: return true
        case 2: return false
        case let b: throw Self.corrupt("an optional flag of \(b)")
        }
    }

    mutating func optionalInt() throws -> Int? { try bool() ? try int() : nil }

    mutating func string() throws -> String {
        let i = try uint()
        guard i < UInt64(strings.count) else { throw Self.corrupt("a string reference out of the table") }
        return strings[Int(i)]
    }

    mutating func optionalString() throws -> String? {
        let i = try uint()
        if i == 0 { return nil }
        guard i - 1 < UInt64(strings.count) else { throw Self.corrupt("a string reference out of the table") }
        return strings[Int(i - 1)]
    }

    mutating func stringArray() throws -> [String] {
        let n = try count()
        var result: [String] = []
        result.reserveCapacity(n)
        for _ in 0..<n { result.append(try string()) }
        return result
    }

    mutating func decimal() throws -> Decimal {
        let size = MemoryLayout<Decimal>.size
        guard end - offset >= size else { throw Self.corrupt("ends inside a decimal") }
        var value = Decimal()
        withUnsafeMutableBytes(of: &value) {
            $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + size]))
        }
        offset += size
        guard !value.isNaN else { throw Self.corrupt("a decimal that is not a number") }
        return value
    }

    /// Raw UTF-8 text of `length` bytes (the string table), checked as UTF-8.
    mutating func text(length: Int) throws -> String {
        guard length >= 0, end - offset >= length else { throw Self.corrupt("ends inside a string") }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length])
        offset += length
        // `String(decoding:)` repairs what is not UTF-8 (U+FFFD): the text is the bytes exactly
        // when they were valid. (`String(validating:as:)` is not specialised here: it looked up
        // generic metadata for every one of the ~10^5 strings of a national table, ~7 ms a start.)
        let text = String(decoding: slice, as: UTF8.self)
        let same = text.utf8.count == length && text.utf8.withContiguousStorageIfAvailable {
            length == 0 || memcmp($0.baseAddress!, slice.baseAddress!, length) == 0
        } ?? text.utf8.elementsEqual(slice)
        guard same else { throw Self.corrupt("a string that is not UTF-8") }
        return text
    }

    /// A reader of the next section alone (with the same string table), skipped here.
    mutating func section() throws -> SnapshotReader {
        let n = try count()
        var inner = SnapshotReader(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + n]))
        inner.strings = strings
        offset += n
        return inner
    }

    mutating func optional<T>(_ read: (inout SnapshotReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout SnapshotReader) throws -> T) throws -> [T] {
        let n = try count()
        var result: [T] = []
        result.reserveCapacity(n)
        for _ in 0..<n { result.append(try read(&self)) }
        return result
    }
}
