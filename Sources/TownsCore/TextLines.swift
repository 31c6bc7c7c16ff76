import Foundation

/// The lines of a text, as `text.split(separator: "\n", omittingEmptySubsequences: false)`
/// gives them, kept as 4-byte offsets into the text instead of an array of substrings
/// (32 bytes a line: 34 MB for a 14 MB file of a million lines).
///
/// Like that split, it breaks at a line feed that is a `Character` of its own: a CR LF pair
/// is one `Character` in Swift, so it does not end a line here either.
struct TextLines: RandomAccessCollection {
    let text: String
    /// UTF-8 offset of each line's first byte.
    private let starts: [UInt32]

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        var starts: [UInt32] = [0]
        // LF and CR LF both end a line: find each LF (with memchr in contiguous storage).
        let found: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, 0x0A, bytes.count - offset) {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(UInt32(offset))
            }
        }.map { true }
        if found == nil {
            var offset: UInt32 = 0
            for byte in text.utf8 {
                offset += 1
                if byte == 0x0A { starts.append(offset) }
            }
        }
        self.text = text
        self.starts = starts
    }

    var startIndex: Int { 0 }
    var endIndex: Int { starts.count }

    /// UTF-8 offsets (into `text.utf8`) of line `i` without its line feed (or carriage return
    /// and line feed): the bytes of `self[i]`.
    func byteRange(_ i: Int) -> Range<Int> {
        let start = Int(starts[i])
        var end = i + 1 < starts.count ? Int(starts[i + 1]) - 1 : text.utf8.count
        if end > start, byte(at: end - 1) == 0x0D { end -= 1 }
        return start..<end
    }

    private func byte(at offset: Int) -> UInt8 {
        let utf8 = text.utf8
        return utf8[utf8.index(utf8.startIndex, offsetBy: offset)]
    }

    /// Line `i` without its line feed (or carriage return and line feed).
    subscript(i: Int) -> Substring {
        let range = byteRange(i)
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return text[start..<end]
    }

    /// Lines `range` joined by line feeds, as they stand in the text.
    func text(of range: Range<Int>) -> Substring {
        guard !range.isEmpty else { return text[text.endIndex...] }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: Int(starts[range.lowerBound]))
        let end = range.upperBound < starts.count
            ? utf8.index(utf8.startIndex, offsetBy: Int(starts[range.upperBound]) - 1) : utf8.endIndex
        return text[start..<end]
    }
}
