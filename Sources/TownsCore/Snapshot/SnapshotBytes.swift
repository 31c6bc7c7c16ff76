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
    /// The eager part's checksum or the block table's does not match, or its contents do not
    /// decode (a deferred block that does not match refuses the table it holds, when read).
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
    /// marked in its top byte so that trailing zero bytes still change the hash: how this hasher
    /// ends a piece that is not a whole number of words.
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

/// A 64-bit hash of bytes 64 at a time (a stripe): each of eight lanes adds the product of
/// its word's two halves (the word xored with a key of its lane and of the stripe's place)
/// and its neighbour's word as it is; every 16 stripes the lanes are
/// scrambled (shift, xor, multiply); at the end the lanes, the length and the last, short
/// stripe (zero-filled) are mixed into one word (`step`, then xxHash's avalanche). This is
/// XXH3's long-input loop; it tells changed or damaged bytes from the same, not a forger from
/// a friend (a snapshot lives in the user's own cache folder). Used for the content
/// fingerprint and the payload's checksum (format 14 on; formats 8-13 mixed each word through
/// `step` in four lanes, 2-3x slower: at 10,000 towns x 60 months the 33 MB payload's checksum
/// and the 14 MB text's fingerprint are hashed before every first screen).
/// A snapshot's file name keeps `SnapshotHasher`, so a new format's snapshot replaces the old
/// file. The same bytes give the same hash however they are split into pieces.
struct WideHasher {
    /// The eight lanes (plain words, not `SIMD8`: a debug build's `SIMD8` arithmetic is ~6x
    /// slower than its scalar arithmetic, and `towns bench --short` runs in one; a release
    /// build is as fast either way).
    private var lanes: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
        0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x27D4_EB2F_1656_67C5,
        0x85EB_CA77_C2B2_AE63, 0xFF51_AFD7_ED55_8CCD, 0xC4CE_B9FE_1A85_EC53, 0x87C3_7B91_1142_53D5)
    /// Stripes hashed so far (the next one's place in its block is `stripes % 16`).
    private var stripes: UInt64 = 0
    /// Bytes combined but not yet hashed (fewer than a stripe), in `pending`'s first bytes.
    private var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var pendingCount = 0
    private var length: UInt64 = 0

    /// The key of the first stripe, one word a lane; each stripe's key is the one before plus
    /// `keyStep` (so every stripe's place counts, not only its bytes).
    private static let firstKey: [UInt64] = [
        0x87C3_7B91_1142_53D5, 0x4CF5_AD43_2745_937F, 0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F,
        0x1656_67B1_9E37_79F9, 0x27D4_EB2F_1656_67C5, 0xFF51_AFD7_ED55_8CCD, 0xC4CE_B9FE_1A85_EC53]
    private static let keyStep: [UInt64] = [
        0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9, 0x94D0_49BB_1331_11EB, 0xD6E8_FEB8_6659_FD93,
        0xA076_1D64_78BD_642F, 0xE703_7ED1_A0B4_28DB, 0x8EBC_6AF0_9C88_C6E3, 0x5899_65CC_7537_4CC3]

    /// Hashes the whole stripes at `base` (`count` of them) into `lanes`.
    private mutating func hashStripes(_ base: UnsafeRawPointer, count: Int) {
        let s0 = Self.keyStep[0], s1 = Self.keyStep[1], s2 = Self.keyStep[2], s3 = Self.keyStep[3]
        let s4 = Self.keyStep[4], s5 = Self.keyStep[5], s6 = Self.keyStep[6], s7 = Self.keyStep[7]
        let f = Self.firstKey, n = stripes
        var k0 = f[0] &+ s0 &* n, k1 = f[1] &+ s1 &* n, k2 = f[2] &+ s2 &* n, k3 = f[3] &+ s3 &* n
        var k4 = f[4] &+ s4 &* n, k5 = f[5] &+ s5 &* n, k6 = f[6] &+ s6 &* n, k7 = f[7] &+ s7 &* n
        var (a0, a1, a2, a3, a4, a5, a6, a7) = lanes
        /// A keyed word's halves multiplied.
        @inline(__always) func halves(_ k: UInt64) -> UInt64 { (k & 0xFFFF_FFFF) &* (k >> 32) }
        var place = n & 15
        var p = base
        let end = base + count * 64
        while p < end {
            let w0 = p.loadUnaligned(as: UInt64.self), w1 = p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            let w2 = p.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
            let w3 = p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
            let w4 = p.loadUnaligned(fromByteOffset: 32, as: UInt64.self)
            let w5 = p.loadUnaligned(fromByteOffset: 40, as: UInt64.self)
            let w6 = p.loadUnaligned(fromByteOffset: 48, as: UInt64.self)
            let w7 = p.loadUnaligned(fromByteOffset: 56, as: UInt64.self)
            // Little-endian words (the platform's: a snapshot is `foreign` on another layout).
            a0 = a0 &+ halves(w0 ^ k0) &+ w1; a1 = a1 &+ halves(w1 ^ k1) &+ w0
            a2 = a2 &+ halves(w2 ^ k2) &+ w3; a3 = a3 &+ halves(w3 ^ k3) &+ w2
            a4 = a4 &+ halves(w4 ^ k4) &+ w5; a5 = a5 &+ halves(w5 ^ k5) &+ w4
            a6 = a6 &+ halves(w6 ^ k6) &+ w7; a7 = a7 &+ halves(w7 ^ k7) &+ w6
            k0 = k0 &+ s0; k1 = k1 &+ s1; k2 = k2 &+ s2; k3 = k3 &+ s3
            k4 = k4 &+ s4; k5 = k5 &+ s5; k6 = k6 &+ s6; k7 = k7 &+ s7
            p += 64
            place += 1
            if place == 16 {
                place = 0
                a0 = (a0 ^ (a0 >> 47) ^ s0) &* 0x9E37_79B1; a1 = (a1 ^ (a1 >> 47) ^ s1) &* 0x9E37_79B1
                a2 = (a2 ^ (a2 >> 47) ^ s2) &* 0x9E37_79B1; a3 = (a3 ^ (a3 >> 47) ^ s3) &* 0x9E37_79B1
                a4 = (a4 ^ (a4 >> 47) ^ s4) &* 0x9E37_79B1; a5 = (a5 ^ (a5 >> 47) ^ s5) &* 0x9E37_79B1
                a6 = (a6 ^ (a6 >> 47) ^ s6) &* 0x9E37_79B1; a7 = (a7 ^ (a7 >> 47) ^ s7) &* 0x9E37_79B1
            }
        }
        lanes = (a0, a1, a2, a3, a4, a5, a6, a7)
        stripes &+= UInt64(count)
    }

    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        length &+= UInt64(bytes.count)
        var i = 0
        if pendingCount > 0 {
            let take = min(64 - pendingCount, bytes.count)
            withUnsafeMutableBytes(of: &pending) { p in
                p.baseAddress!.advanced(by: pendingCount).copyMemory(from: base, byteCount: take)
            }
            pendingCount += take
            i = take
            guard pendingCount == 64 else { return }
            var full = pending
            withUnsafeBytes(of: &full) { hashStripes($0.baseAddress!, count: 1) }
            pending = (0, 0, 0, 0, 0, 0, 0, 0)
            pendingCount = 0
        }
        let whole = (bytes.count - i) / 64
        if whole > 0 { hashStripes(base + i, count: whole) }
        i += whole * 64
        if i < bytes.count {
            let rest = bytes.count - i
            withUnsafeMutableBytes(of: &pending) { p in p.baseAddress!.copyMemory(from: base + i, byteCount: rest) }
            pendingCount = rest
        }
    }

    mutating func combine(_ bytes: [UInt8]) { bytes.withUnsafeBytes { combine($0) } }
    mutating func combine(_ text: String) { combine(Array(text.utf8)); combine([0]) }
    mutating func combine(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { combine($0) } }

    /// One word mixed into a state (multiply, rotate, xor): `SnapshotHasher`'s lane, and how
    /// `finalize` folds the lanes.
    static func step(_ state: UInt64, _ word: UInt64) -> UInt64 {
        var k = word &* 0x87C3_7B91_1142_53D5
        k = (k << 31) | (k >> 33)
        k = k &* 0x4CF5_AD43_2745_937F
        let s = state ^ k
        return ((s << 27) | (s >> 37)) &* 5 &+ 0x52DC_E729
    }

    /// The hash of everything combined so far.
    func finalize() -> UInt64 {
        var copy = self
        if copy.pendingCount > 0 {
            // The last, short stripe, zero-filled (the length, mixed in below, tells its end).
            var last = copy.pending
            withUnsafeBytes(of: &last) { copy.hashStripes($0.baseAddress!, count: 1) }
        }
        var h = length
        let (a0, a1, a2, a3, a4, a5, a6, a7) = copy.lanes
        for lane in [a0, a1, a2, a3, a4, a5, a6, a7] { h = Self.step(h, lane) }
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
    /// The deferred part (format 21): the sections read after the first screen, if ever
    /// (`deferredSection`), which follow the body in the payload: a start checks the body's
    /// checksum and each 64 KiB block of this part when it is first read (`SnapshotMemory.verify`).
    private(set) var deferred: [UInt8] = []
    private var index: [String: UInt32] = [:]
    private(set) var strings: [String] = []

    init() { body.reserveCapacity(1 << 20) }

    /// A writer whose body has room for `capacity` bytes before it grows.
    init(capacity: Int) { body.reserveCapacity(capacity) }

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

    /// A deferred section: what `write` writes (with this writer's string table) goes to the
    /// deferred part, and the body gets where it lies there (its offset in the part and its
    /// length): read with `SnapshotReader.deferredRange`. For a table read when first asked for,
    /// not at the start: its bytes are checked then, not before the first screen (format 21).
    mutating func deferredSection(_ write: (inout SnapshotWriter) -> Void) {
        let bytes = detached(write)
        uint(UInt64(deferred.count))
        uint(UInt64(bytes.count))
        deferred.append(contentsOf: bytes)
    }

    /// `read` with a reader of this writer's body (with its string table), its deferred part
    /// following it as in a payload (so `SnapshotReader.deferredRange` reads), and those bytes:
    /// what was written, read back.
    func readBack<T>(_ read: (inout SnapshotReader, UnsafeRawBufferPointer) throws -> T) throws -> T {
        let payload = body + deferred
        return try payload.withUnsafeBytes { bytes in
            var reader = SnapshotReader(bytes, from: 0, to: body.count)
            reader.strings = strings
            reader.deferredStart = body.count
            return try read(&reader, bytes)
        }
    }

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
    /// Where the payload's deferred part begins (`SnapshotWriter.deferredSection`), when `bytes`
    /// is the payload: the decode's reader ends there, and its deferred ranges lie beyond it.
    var deferredStart = 0

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
        inner.deferredStart = deferredStart
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
        // Most numbers (flags' counts, small counts, the first 128 strings' references) are one byte.
        if offset < end {
            let first = bytes[offset]
            if first < 0x80 {
                offset += 1
                return UInt64(first)
            }
        }
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

    /// The index in the table of the next string reference (`string()`), checked in the table.
    mutating func stringIndex() throws -> Int {
        let i = try uint()
        guard i < UInt64(strings.count) else { throw Self.corrupt("a string reference out of the table") }
        return Int(i)
    }

    mutating func stringArray() throws -> [String] { try strings(count: try count()) }

    /// The next `n` strings (`stringArray` after its count).
    mutating func strings(count n: Int) throws -> [String] {
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

    /// Where the deferred section `SnapshotWriter.deferredSection` wrote lies in the payload
    /// (`bytes`), after checking it lies within the deferred part. Its bytes are read later,
    /// through `SnapshotMemory.read` (or `verify`), which checks its blocks first.
    mutating func deferredRange() throws -> Range<Int> {
        let offset = try natural(), n = try natural()
        let room = bytes.count - deferredStart
        guard room >= 0, offset <= room, n <= room - offset else {
            throw Self.corrupt("a deferred section beyond the payload")
        }
        return deferredStart + offset..<deferredStart + offset + n
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
