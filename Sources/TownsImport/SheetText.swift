import Foundation
import TownsCore

/// The text encodings `towns import` reads.
public enum SheetEncoding: String, Sendable, Equatable {
    /// UTF-8 without a byte-order mark.
    case utf8 = "UTF-8"
    /// UTF-8 starting with the byte-order mark EF BB BF (Excel's "CSV UTF-8").
    case utf8BOM = "UTF-8 with BOM"
    /// GB18030 (GBK and GB2312 are subsets): what Chinese Excel and WPS save as "CSV".
    case gb18030 = "GB18030"
}

/// A sheet's bytes decoded to text.
///
/// Detection: a UTF-8 byte-order mark means UTF-8 (the mark is dropped); otherwise bytes
/// that are valid UTF-8 are UTF-8; otherwise they are read as GB18030. (Plain ASCII is read
/// as UTF-8, which is the same text.) A UTF-16 or UTF-32 byte-order mark is refused with a
/// message saying how to save the sheet. A sheet whose lines are partly UTF-8 and partly not
/// (one pasted from another file) is refused naming a line of each, rather than read in one
/// encoding and failing later on a garbled header.
public struct SheetText: Sendable {
    public var text: String
    public var encoding: SheetEncoding

    /// Decodes `bytes` of the file `file` (the name used in messages).
    /// - Throws: `LoadIssue` (with the line of the first bad byte) when the bytes are UTF-16
    ///   or UTF-32, valid in neither UTF-8 nor GB18030, or the system cannot convert GB18030.
    public init(bytes: [UInt8], file: String) throws {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            guard let text = String(validating: body, as: UTF8.self) else {
                throw LoadIssue(.error, .sheet, file: file,
                    line: SheetText.line(atOffset: SheetText.firstInvalidUTF8(body), in: body),
                                .sheet(.bomNotUTF8))
            }
            self.text = text
            encoding = .utf8BOM
            return
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw LoadIssue(.error, .sheet, file: file, line: 1,
                            .sheet(.utf16))
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            self.text = text
            encoding = .utf8
            return
        }
        if let mixed = SheetText.mixedEncodingLines(bytes) {
            throw LoadIssue(.error, .sheet, file: file, line: mixed.other,
                            .sheet(.mixedEncodings(utf8Line: mixed.utf8, otherLine: mixed.other)))
        }
        do {
            let utf8 = try GB18030.decode(bytes)
            guard let text = String(validating: utf8, as: UTF8.self) else {
                throw LoadIssue(.error, .sheet, file: file,
                    .sheet(.iconvFault))
            }
            self.text = text
            encoding = .gb18030
        } catch let invalid as GB18030.Invalid {
            let byte = invalid.offset < bytes.count ? String(format: "0x%02X", bytes[invalid.offset]) : "end of file"
            let utf8Line = SheetText.line(atOffset: SheetText.firstInvalidUTF8(bytes), in: bytes)
            throw LoadIssue(.error, .sheet, file: file, line: SheetText.line(atOffset: invalid.offset, in: bytes),
                            .sheet(.neitherEncoding(utf8Line: utf8Line, truncated: invalid.truncated, byte: byte)))
        } catch let unsupported as GB18030.Unsupported {
            throw LoadIssue(.error, .sheet, file: file, .sheet(.noGB18030(reason: unsupported.description)))
        }
    }

    /// 1-based line of the byte at `offset` (0x0A ends a line in UTF-8 and in GB18030,
    /// where no multi-byte character contains it).
    static func line(atOffset offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes.prefix(offset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// The first line that is UTF-8 with Chinese in it and the first line that is not UTF-8, when
    /// a sheet has both; nil otherwise. A line counts as UTF-8 only with at least six non-ASCII
    /// bytes (two CJK characters), so that a GB18030 line which happens to validate as UTF-8 by
    /// chance (short, rare) does not make a sheet "mixed".
    static func mixedEncodingLines(_ bytes: [UInt8]) -> (utf8: Int, other: Int)? {
        var utf8Line: Int?
        var otherLine: Int?
        var line = 1
        for slice in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            defer { line += 1 }
            let nonASCII = slice.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
            guard nonASCII > 0 else { continue }
            if String(validating: slice, as: UTF8.self) != nil {
                if nonASCII >= 6, utf8Line == nil { utf8Line = line }
            } else if otherLine == nil {
                otherLine = line
            }
            if let u = utf8Line, let o = otherLine { return (u, o) }
        }
        return nil
    }

    /// Offset of the first byte where the bytes stop being valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}
