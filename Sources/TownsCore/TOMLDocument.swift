import Foundation
import TOMLKit

/// A parsed TOML file with a line index, so that problems in a record can name the line.
///
/// TOMLKit reports line and column for syntax errors but keeps no positions for values; the
/// index finds them in the text: the n-th `[[name]]` header, and the first `key =` line
/// below a header. Records written as inline tables (`name = [{...}]`) get the line of the
/// array's key.
///
/// A large file made only of `[[name]]` records (figures.toml at province scale) is parsed in
/// parts of `partRecords` records, one part at a time (`partCount`, `part(_:)`): a whole
/// 14 MB file would take some 150 MB as a TOMLKit tree at once. Every part is parsed once at
/// init to find syntax errors exactly as the whole file would (on any error, the whole file
/// is parsed for the message), then again when the loader reaches it; or, opened with
/// `checkParts: false`, only the first part at init and each later part once, when it is read
/// (`partsUnchecked`: the reader stops at a part that does not parse and asks `wholeFile()`
/// what init would have made of the file). The reading in parts is in `TOMLParts.swift`, the
/// reading of a record's fields in `RecordReader.swift`.
struct TOMLDocument {
    let path: String
    /// The parsed file; for a file read in parts, its first part.
    let table: TOMLTable
    let lines: TextLines
    /// For a file read in parts: the records' name and each part's lines (0-based, half-open)
    /// and first record (0-based).
    let parts: (name: String, lines: [Range<Int>], firstRecord: [Int])?
    /// 1-based lines of the `[[name]]` headers, by name, in file order; and of `[name]`
    /// headers (first one). Indexed once at init: a file of n records is scanned once, not
    /// once per record.
    private let arrayHeaders: [String: [Int]]
    private let tableHeaders: [String: Int]
    /// True for a file read in parts whose parts after the first have not been parsed yet
    /// (opened with `checkParts: false`).
    let partsUnchecked: Bool

    /// Largest data file read, in bytes (a larger one is refused by its size, unread).
    static let maximumBytes = 16 << 20
    /// Smallest file read in parts, in bytes, and the records in one part.
    static let partThreshold = 4 << 20
    static let partRecords = 2000

    /// Reads and parses `path`. Throws `LoadIssue` for a file that is missing, a directory
    /// or other non-regular file, unreadable, a symbolic link loop, larger than
    /// `maximumBytes`, empty, not UTF-8, or not valid TOML; each with its `Kind`.
    ///
    /// With `checkParts: false`, a file read in parts has only its first part parsed here; a
    /// syntax error in a later part is found when that part is read (see `partsUnchecked`).
    init(path: String, displayPath: String, checkParts: Bool = true) throws {
        self.path = displayPath
        let text = try TOMLDocument.readText(path: path, displayPath: displayPath)
        let size = text.utf8.count
        if text.allSatisfy({ $0.isWhitespace }) {
            throw LoadIssue(.error, .empty, file: displayPath, .emptyFile(zeroBytes: size == 0))
        }
        if let issue = GuardedTOML.check(text, file: displayPath) { throw issue }
        lines = TextLines(text)
        (arrayHeaders, tableHeaders) = TOMLDocument.indexHeaders(lines)
        if size >= TOMLDocument.partThreshold, let split = TOMLDocument.split(text, lines, arrayHeaders, tableHeaders),
           let first = checkParts ? TOMLDocument.validate(split, lines)
                                  : try? GuardedTOML.parseChecked(String(lines.text(of: split.lines[0])),
                                      file: displayPath) {
            parts = split
            table = first
            partsUnchecked = !checkParts
            return
        }
        parts = nil
        partsUnchecked = false
        table = try TOMLDocument.parseWhole(text, displayPath: displayPath)
    }

    /// `document` with `table` for the whole file, read at once.
    init(wholeFileOf document: TOMLDocument, table: TOMLTable) {
        path = document.path
        self.table = table
        lines = document.lines
        parts = nil
        arrayHeaders = document.arrayHeaders
        tableHeaders = document.tableHeaders
        partsUnchecked = false
    }

    /// The whole text (checked by the guard at init) parsed at once; a syntax error as a `LoadIssue`
    /// naming its field, or, for a figure's amount beyond 64 bits typed without a point
    /// (`value = 99999999999999999999`), the amount's error (exit 13) the loader would give it
    /// written `99999999999999999999.0` (`GuardedTOML.amountBeyond64Bits`).
    static func parseWhole(_ text: String, displayPath: String) throws -> TOMLTable {
        do {
            return try GuardedTOML.parseChecked(text, file: displayPath)
        } catch let issue as LoadIssue {
            throw GuardedTOML.amountBeyond64Bits(issue, in: text) ?? issue
        }
    }

    /// The text of the file at `path`; its bytes are freed on return (a 14 MB file is not
    /// held twice while it is checked and parsed).
    private static func readText(path: String, displayPath: String) throws -> String {
        let data = try DataFile.read(path: path, displayPath: displayPath, maximumBytes: TOMLDocument.maximumBytes)
        guard let text = String(validating: data, as: UTF8.self) else {
            let line = TOMLDocument.firstInvalidUTF8Line(data)
            // Cut in the middle of a character: said so, with the field the line begins
            // (`town[2].name_zh`), as the other load errors name theirs (wave 34's fresh user).
            if TOMLDocument.endsInsideACharacter(data) {
                throw LoadIssue(.error, .notUTF8, file: displayPath, line: line,
                                field: TOMLDocument.fieldOfLastLine(data), .notUTF8CutShort)
            }
            throw LoadIssue(.error, .notUTF8, file: displayPath, line: line,
                .notUTF8)
        }
        return text
    }


    /// The header lines of `lines`: `[[name]]` (every one) and `[name]` (the first), 1-based.
    ///
    /// Scans the UTF-8 bytes: a line whose first byte after spaces and tabs is neither `[` nor
    /// a non-ASCII byte is no header; a header line that is all ASCII is read from its bytes
    /// (a byte is a `Character` there). Any other line (non-ASCII: maybe a wide space before
    /// the `[`, or a combining mark after it) is read as `Character`s by `headerOf(_:)`.
    private static func indexHeaders(_ lines: TextLines) -> ([String: [Int]], [String: Int]) {
        var arrays: [String: [Int]] = [:]
        var tables: [String: Int] = [:]
        func add(_ header: (array: Bool, name: String)?, _ i: Int) {
            guard let header else { return }
            if header.array {
                arrays[header.name, default: []].append(i + 1)
            } else if tables[header.name] == nil {
                tables[header.name] = i + 1
            }
        }
        var text = lines.text
        text.makeContiguousUTF8()
        text.utf8.withContiguousStorageIfAvailable { bytes in
            // The last `[[name]]` seen and its name's bytes: most headers repeat it.
            var lastName = ""
            var lastBytes: UnsafeBufferPointer<UInt8>.SubSequence = bytes[0..<0]
            for i in 0..<lines.count {
                let range = lines.byteRange(i)
                var j = range.lowerBound
                while j < range.upperBound, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                guard j < range.upperBound else { continue }
                if bytes[j] >= 0x80 {
                    add(headerOf(lines[i]), i)
                    continue
                }
                guard bytes[j] == UInt8(ascii: "[") else { continue }
                var end = range.upperBound
                if bytes[j..<end].contains(where: { $0 >= 0x80 }) {
                    add(headerOf(lines[i]), i)
                    continue
                }
                while end > j, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
                let array = end - j >= 2 && bytes[j + 1] == UInt8(ascii: "[")
                var a = j + (array ? 2 : 1)
                var b = a
                while b < end, bytes[b] != UInt8(ascii: "]") { b += 1 }
                while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
                while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
                let inner = bytes[a..<b]
                if array {
                    if !inner.elementsEqual(lastBytes) {
                        lastBytes = inner
                        lastName = String(decoding: inner, as: UTF8.self)
                    }
                    arrays[lastName, default: []].append(i + 1)
                } else {
                    add((false, String(decoding: inner, as: UTF8.self)), i)
                }
            }
        }
        return (arrays, tables)
    }

    /// The header a line holds, read as `Character`s: `[[name]]` (array) or `[name]`; nil
    /// when its first non-blank character is not `[`.
    private static func headerOf(_ raw: Substring) -> (array: Bool, name: String)? {
        guard let first = raw.first(where: { !($0 == " " || $0 == "\t"
            || $0.unicodeScalars.allSatisfy(CharacterSet.whitespaces.contains)) }),
              first == "[" else { return nil }
        let line = raw.trimmingCharacters(in: .whitespaces)
        if line.hasPrefix("[[") {
            return (true, line.dropFirst(2).prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces))
        } else if line.hasPrefix("[") {
            return (false, line.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// Frees the parsed tree (TOMLKit never frees a parsed table by itself: a 14 MB file's
    /// tree would stay in memory for the life of the process). Every `TOMLTable` and
    /// `RecordReader` taken from this document is empty afterwards; call it when done.
    func release() {
        table.clear()
    }

    /// 1-based line of the `index`-th (0-based) `[[name]]` header, if written that way.
    func headerLine(arrayOfTables name: String, index: Int) -> Int? {
        if let headers = arrayHeaders[name], headers.indices.contains(index) { return headers[index] }
        return keyLine(key: name, below: 0)
    }

    /// 1-based line of the `[name]` header.
    func headerLine(table name: String) -> Int? {
        tableHeaders[name]
    }

    /// 1-based line of `key = ...` in the block that starts at `headerLine` (the next header
    /// ends the block); `headerLine` 0 searches the top of the file.
    func keyLine(key: String, below headerLine: Int) -> Int? {
        var i = headerLine  // 0-based index of the first line after the header
        while i < lines.count {
            let line = lines[i].trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") { return nil }
            if let eq = line.firstIndex(of: "=") {
                let name = line[..<eq].trimmingCharacters(in: .whitespaces)
                    .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                if name == key { return i + 1 }
            }
            i += 1
        }
        return nil
    }

    /// Whether the only bytes that are not UTF-8 are a character begun at the file's end and not
    /// finished (the file cut short inside it: `海` is 3 bytes, 1 or 2 of them left).
    static func endsInsideACharacter(_ bytes: [UInt8]) -> Bool {
        // The last character's lead byte: at most 3 continuation bytes (10xxxxxx) after it.
        var start = bytes.count - 1
        while start >= 0, bytes.count - start <= 3, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard start >= 0, String(validating: bytes[..<start], as: UTF8.self) != nil else { return false }
        let lead = bytes[start]
        let length = lead & 0xE0 == 0xC0 ? 2 : lead & 0xF0 == 0xE0 ? 3 : lead & 0xF8 == 0xF0 ? 4 : 0
        return length > bytes.count - start
    }

    /// The field the last line of `bytes` (a data file cut short) begins, as the loader names
    /// fields: `town[2].name_zh` after the second `[[town]]`, `name_zh` before any record; nil
    /// where the line holds no `KEY =` (`TOMLFieldOfLine`).
    static func fieldOfLastLine(_ bytes: [UInt8]) -> String? {
        let lines = bytes.reduce(1) { $0 + ($1 == 0x0a ? 1 : 0) }
        return TOMLFieldOfLine.field(atLine: lines, in: String(decoding: bytes, as: UTF8.self))
    }

    /// 1-based line of the first byte where `bytes` stop being valid UTF-8.
    static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        decoding: while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: break decoding
            }
        }
        return 1 + bytes.prefix(offset).reduce(0) { $0 + ($1 == 0x0a ? 1 : 0) }
    }
}
