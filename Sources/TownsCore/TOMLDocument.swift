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
/// what init would have made of the file).
struct TOMLDocument {
    let path: String
    /// The parsed file; for a file read in parts, its first part.
    let table: TOMLTable
    private let lines: TextLines
    /// For a file read in parts: the records' name and each part's lines (0-based, half-open)
    /// and first record (0-based).
    private let parts: (name: String, lines: [Range<Int>], firstRecord: [Int])?
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
            throw LoadIssue(.error, .empty, file: displayPath,
                            problem: size == 0 ? "is empty (0 bytes); a data file holds TOML records"
                                               : "is empty (only blank space); a data file holds TOML records")
        }
        if let problem = TOMLGuard.problem(in: text) {
            throw LoadIssue(.error, .syntax, file: displayPath, line: problem.line, column: problem.column,
                            problem: "TOML syntax: \(problem.message)")
        }
        lines = TextLines(text)
        (arrayHeaders, tableHeaders) = TOMLDocument.indexHeaders(lines)
        if size >= TOMLDocument.partThreshold, let split = TOMLDocument.split(text, lines, arrayHeaders, tableHeaders),
           let first = checkParts ? TOMLDocument.validate(split, lines)
                                  : try? TOMLTable(string: String(lines.text(of: split.lines[0]))) {
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
    private init(wholeFileOf document: TOMLDocument, table: TOMLTable) {
        path = document.path
        self.table = table
        lines = document.lines
        parts = nil
        arrayHeaders = document.arrayHeaders
        tableHeaders = document.tableHeaders
        partsUnchecked = false
    }

    /// The whole text parsed at once; a syntax error as a `LoadIssue`.
    private static func parseWhole(_ text: String, displayPath: String) throws -> TOMLTable {
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw LoadIssue(.error, .syntax, file: displayPath, line: error.source.begin.line, column: error.source.begin.column,
                            problem: "TOML syntax: \(error.description)")
        } catch {
            throw LoadIssue(.error, .syntax, file: displayPath, problem: "TOML syntax: \(error)")
        }
    }

    /// For a document whose later parts were found not to parse: what init (checking every
    /// part) would have made of the file: its syntax error, or, when the whole file parses
    /// all the same, the document read whole (not in parts).
    func wholeFile() -> Result<TOMLDocument, LoadIssue> {
        do {
            return .success(TOMLDocument(wholeFileOf: self, table: try TOMLDocument.parseWhole(lines.text, displayPath: path)))
        } catch let issue as LoadIssue {
            return .failure(issue)
        } catch {
            return .failure(LoadIssue(.error, .syntax, file: path, problem: "TOML syntax: \(error)"))
        }
    }

    /// For a document whose later parts are unchecked: whether every part parses (each is
    /// parsed and freed, on every core).
    func partsParse() -> Bool {
        guard partsUnchecked, let parts else { return true }
        guard let first = TOMLDocument.validate(parts, lines) else { return false }
        first.clear()
        return true
    }

    /// The text of the file at `path`; its bytes are freed on return (a 14 MB file is not
    /// held twice while it is checked and parsed).
    private static func readText(path: String, displayPath: String) throws -> String {
        let data = try DataFile.read(path: path, displayPath: displayPath, maximumBytes: TOMLDocument.maximumBytes)
        guard let text = String(validating: data, as: UTF8.self) else {
            let line = TOMLDocument.firstInvalidUTF8Line(data)
            throw LoadIssue(.error, .notUTF8, file: displayPath, line: line, problem: "not valid UTF-8 text (save the file as UTF-8)")
        }
        return text
    }

    /// How a file made only of `[[name]]` records (one name, no `[table]` headers, no
    /// multi-line strings, more than one part's worth) splits into parts at its headers; nil
    /// for any other file.
    private static func split(_ text: String, _ lines: TextLines, _ arrays: [String: [Int]],
                              _ tables: [String: Int]) -> (name: String, lines: [Range<Int>], firstRecord: [Int])? {
        guard tables.isEmpty, arrays.count == 1, let (name, headers) = arrays.first, headers.count > partRecords,
              !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }),
              !containsTripleQuote(text) else { return nil }
        var ranges: [Range<Int>] = []
        var firsts: [Int] = []
        var start = 0
        var record = 0
        while record < headers.count {
            let next = record + partRecords
            let end = next < headers.count ? headers[next] - 1 : lines.count
            ranges.append(start..<end)
            firsts.append(record)
            start = end
            record = next
        }
        return (name, ranges, firsts)
    }

    /// Whether `text` holds `"""` or `'''` (a multi-line string may). The bytes are searched
    /// first; only a file where they are found is asked again as `String.contains` did, so the
    /// answer is the same (a quote followed by a combining mark is no match there).
    static func containsTripleQuote(_ text: String) -> Bool {
        var text = text
        text.makeContiguousUTF8()
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var run = 0
            var quote: UInt8 = 0
            for byte in bytes {
                if byte == 0x22 || byte == 0x27 {
                    run = byte == quote ? run + 1 : 1
                    quote = byte
                    if run == 3 { return true }
                } else {
                    run = 0
                }
            }
            return false
        } ?? true
        return found && (text.contains("\"\"\"") || text.contains("\'\'\'"))
    }

    /// Parses every part; returns the first part's table, or nil on any syntax error (the
    /// caller then parses the whole file, whose error names the right place in its words).
    /// The parts are parsed on every core (toml++ keeps no state between documents); the
    /// answer does not depend on which part fails first.
    private static func validate(_ split: (name: String, lines: [Range<Int>], firstRecord: [Int]), _ lines: TextLines) -> TOMLTable? {
        let results = PartResults(count: split.lines.count)
        DispatchQueue.concurrentPerform(iterations: min(ProcessInfo.processInfo.activeProcessorCount, split.lines.count)) { worker in
            while let i = results.next(), !results.failed {
                guard let table = try? TOMLTable(string: String(lines.text(of: split.lines[i]))) else {
                    results.fail()
                    return
                }
                if i == 0 { results.keep(table) } else { table.clear() }
            }
        }
        if results.failed {
            results.first?.clear()
            return nil
        }
        return results.first
    }

    /// The parts `validate` has handed out, whether one failed, and the first part's table;
    /// shared by its workers under a lock.
    private final class PartResults: @unchecked Sendable {
        private let lock = NSLock()
        private let count: Int
        private var taken = 0
        private var _failed = false
        private(set) var first: TOMLTable?

        init(count: Int) { self.count = count }

        /// The next part to parse, or nil when every part is handed out.
        func next() -> Int? {
            lock.withLock {
                guard taken < count else { return nil }
                taken += 1
                return taken - 1
            }
        }

        var failed: Bool { lock.withLock { _failed } }
        func fail() { lock.withLock { _failed = true } }
        func keep(_ table: TOMLTable) { lock.withLock { first = table } }
    }

    /// The number of tables `[[name]]` records come in: 1, or the number of parts.
    func partCount(of name: String) -> Int {
        guard let parts, parts.name == name else { return 1 }
        return parts.lines.count
    }

    /// The table holding part `index` of the `[[name]]` records and the index of its first
    /// record. Part 0 is `table`; a later part is parsed now: `clear()` it when done.
    func part(_ index: Int, of name: String) -> (table: TOMLTable, firstRecord: Int) {
        tryPart(index, of: name) ?? (TOMLTable(), parts?.firstRecord[index] ?? 0)
    }

    /// `part`, or nil when the part does not parse (only possible when `partsUnchecked`: the
    /// parts of a checked document all parsed at init).
    private func tryPart(_ index: Int, of name: String) -> (table: TOMLTable, firstRecord: Int)? {
        guard index > 0, let parts, parts.name == name else { return (table, 0) }
        let text = String(lines.text(of: parts.lines[index]))
        guard let table = try? TOMLTable(string: text) else { return nil }
        return (table, parts.firstRecord[index])
    }

    /// The parts of the `[[name]]` records in order, each parsed while the caller reads the
    /// one before it (on another core): `body` gets part 0, 1, ... on the calling thread, and
    /// each part after the first is cleared when `body` returns. Returns false, having stopped
    /// before it, when a part does not parse (only possible when `partsUnchecked`).
    @discardableResult
    func forEachPart(of name: String, _ body: ((table: TOMLTable, firstRecord: Int)) -> Void) -> Bool {
        let count = partCount(of: name)
        guard count > 1 else {
            body(part(0, of: name))
            return true
        }
        let queue = DispatchQueue(label: "towns.toml-part")
        var next: PartFuture?
        for index in 0..<count {
            let parsed = next.map { $0.wait() } ?? tryPart(index, of: name)
            next = nil
            guard let current = parsed ?? (partsUnchecked ? nil : (TOMLTable(), parts?.firstRecord[index] ?? 0)) else {
                return false
            }
            if index + 1 < count {
                let future = PartFuture()
                let document = self
                queue.async { future.fulfil(document.tryPart(index + 1, of: name)) }
                next = future
            }
            body(current)
            if index > 0 { current.table.clear() }
        }
        return true
    }

    /// A part being parsed on another thread.
    private final class PartFuture: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var value: (table: TOMLTable, firstRecord: Int)??

        func fulfil(_ part: (table: TOMLTable, firstRecord: Int)?) {
            value = .some(part)
            done.signal()
        }

        /// The part, or nil when it does not parse.
        func wait() -> (table: TOMLTable, firstRecord: Int)? {
            done.wait()
            return value!
        }
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
        guard let first = raw.first(where: { !($0 == " " || $0 == "\t" || $0.unicodeScalars.allSatisfy(CharacterSet.whitespaces.contains)) }),
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

/// Reads the fields of one TOML table (a record) and collects problems with their lines.
struct RecordReader {
    let document: TOMLDocument
    let table: TOMLTable
    /// e.g. "town[2]"; used as the field prefix in messages.
    let name: String
    /// Line of the record's header.
    let line: Int?
    var issues: [LoadIssue] = []

    init(document: TOMLDocument, table: TOMLTable, name: String, line: Int?) {
        self.document = document; self.table = table; self.name = name; self.line = line
    }

    func lineOf(_ key: String) -> Int? {
        guard let line else { return nil }
        return document.keyLine(key: key, below: line) ?? line
    }

    mutating func error(_ key: String?, _ kind: LoadIssue.Kind, _ problem: String) {
        issues.append(LoadIssue(.error, kind, file: document.path, line: key.flatMap(lineOf) ?? line,
                                field: key.map { "\(name).\($0)" } ?? name, problem: problem))
    }

    mutating func warning(_ key: String?, _ kind: LoadIssue.Kind, _ problem: String) {
        issues.append(LoadIssue(.warning, kind, file: document.path, line: key.flatMap(lineOf) ?? line,
                                field: key.map { "\(name).\($0)" } ?? name, problem: problem))
    }

    func has(_ key: String) -> Bool { table.contains(key: key) }

    /// A string field; nil (and an error if `required`) when absent or of another type.
    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = table[key] else {
            if required { error(key, .missing, "missing (required)") }
            return nil
        }
        guard let s = value.string else {
            error(key, .wrongType, "expected a string, found \(describe(value))")
            return nil
        }
        if required && WhiteSpace.isBlank(s) {
            error(key, .missing, "is empty")
            return nil
        }
        return s
    }

    mutating func int(_ key: String, required: Bool = false) -> Int? {
        guard let value = table[key] else {
            if required { error(key, .missing, "missing (required)") }
            return nil
        }
        guard let i = value.int else {
            error(key, .wrongType, "expected an integer, found \(describe(value))")
            return nil
        }
        return i
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let b = value.bool else {
            error(key, .wrongType, "expected true or false, found \(describe(value))")
            return nil
        }
        return b
    }

    mutating func stringArray(_ key: String, required: Bool = false) -> [String]? {
        guard let value = table[key] else {
            if required { error(key, .missing, "missing (required)") }
            return nil
        }
        guard let array = value.array else {
            error(key, .wrongType, "expected an array of strings, found \(describe(value))")
            return nil
        }
        var out: [String] = []
        for element in array {
            guard let s = element.string else {
                error(key, .wrongType, "expected an array of strings, found an element that is \(describe(element))")
                return nil
            }
            out.append(s)
        }
        return out
    }

    /// A decimal number written as a TOML integer, float or string ("9.30"), with the number
    /// of digits printed after the point. Rejects NaN, infinities and negative values.
    mutating func decimal(_ key: String) -> (Decimal, Int)? {
        guard let value = table[key] else { return nil }
        let text: String
        if let i = value.int {
            text = String(i)
        } else if let d = value.double {
            guard d.isFinite else { error(key, .badAmount, "\(d) is not a finite number"); return nil }
            text = TOMLDocumentNumber.shortest(d)
            // Beyond what a decimal holds (1e300, 5e-324): say so, not "'NaN' is not a number".
            guard text != "NaN" else { error(key, .badAmount, "\(d) is too large or too small for an amount"); return nil }
        } else if let s = value.string {
            text = WhiteSpace.trimmed(s)
        } else {
            error(key, .wrongType, "expected a number, found \(describe(value))")
            return nil
        }
        guard let parsed = TOMLDocumentNumber.parse(text) else {
            error(key, .wrongType, "'\(text)' is not a decimal number")
            return nil
        }
        if parsed.0 < 0 {
            error(key, .badAmount, "\(text) is negative")
            return nil
        }
        return parsed
    }

    /// Warns about keys other than `allowed` (a misspelt field would otherwise be ignored).
    mutating func warnUnknownKeys(allowed: Set<String>) {
        // TOMLKit's `keys` allocates C strings it never frees: count the allowed keys present
        // first, and list the keys only when some other key is there.
        var present = 0
        for key in allowed where table.contains(key: key) { present += 1 }
        if present == table.count { return }
        for key in table.keys.sorted() where !allowed.contains(key) {
            warning(key, .unknownField, "unknown field (ignored); known fields: \(allowed.sorted().joined(separator: ", "))")
        }
    }

    private func describe(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .string: return "a string"
        case .int: return "an integer"
        case .double: return "a number"
        case .bool: return "a boolean"
        case .array: return "an array"
        case .table: return "a table"
        default: return "a date or time"
        }
    }
}

/// Decimal text handling shared by the loader.
enum TOMLDocumentNumber {
    /// The shortest text that reads back as `d` (Swift's description), without exponent.
    static func shortest(_ d: Double) -> String {
        let s = "\(d)"
        // The description is ASCII: look for the exponent's letter in its bytes.
        if s.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            return Decimal(d).description
        }
        return s
    }

    /// Parses "12", "9.3", "0.50" into a Decimal and its count of digits after the point.
    static func parse(_ text: String) -> (Decimal, Int)? {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return parseASCII(text) }
        var body = Substring(text)
        var negative = false
        if body.hasPrefix("-") { negative = true; body = body.dropFirst() }
        else if body.hasPrefix("+") { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.count == 1 || !parts[1].isEmpty,
              let value = Decimal(string: String(body), locale: posix)
        else { return nil }
        let decimals = parts.count == 2 ? parts[1].count : 0
        return (negative ? -value : value, decimals)
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// `parse` of an all-ASCII text, from its bytes (each byte is a `Character` there, and
    /// the ASCII `Character`s that are numbers are the digits 0-9).
    private static func parseASCII(_ text: String) -> (Decimal, Int)? {
        let utf8 = text.utf8
        var i = utf8.startIndex
        var negative = false
        if i < utf8.endIndex, utf8[i] == UInt8(ascii: "-") || utf8[i] == UInt8(ascii: "+") {
            negative = utf8[i] == UInt8(ascii: "-")
            i = utf8.index(after: i)
        }
        let bodyStart = i
        var integerDigits = 0
        while i < utf8.endIndex, (0x30...0x39).contains(utf8[i]) { integerDigits += 1; i = utf8.index(after: i) }
        var decimals = 0
        if i < utf8.endIndex, utf8[i] == UInt8(ascii: ".") {
            i = utf8.index(after: i)
            while i < utf8.endIndex, (0x30...0x39).contains(utf8[i]) { decimals += 1; i = utf8.index(after: i) }
            guard decimals > 0 else { return nil }
        }
        guard integerDigits > 0, i == utf8.endIndex,
              let value = Decimal(string: String(text[bodyStart...]), locale: posix) else { return nil }
        return (negative ? -value : value, decimals)
    }
}

/// The blank-space questions the loader asks of field values, with the answers
/// `trimmingCharacters(in: .whitespaces)` gives (tab and the Unicode space separators), without
/// its trip through NSString for the usual value that is ASCII at both ends.
enum WhiteSpace {
    /// `s.trimmingCharacters(in: .whitespaces).isEmpty`.
    static func isBlank(_ s: String) -> Bool {
        for byte in s.utf8 {
            if byte == 0x20 || byte == 0x09 { continue }
            if byte < 0x80 { return false }
            return s.unicodeScalars.allSatisfy { CharacterSet.whitespaces.contains($0) }
        }
        return true
    }

    /// `s.trimmingCharacters(in: .whitespaces)`.
    static func trimmed(_ s: String) -> String {
        guard let first = s.utf8.first, let last = s.utf8.last else { return s }
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b >= 0x80 }
        if !blank(first) && !blank(last) { return s }
        let scalars = s.unicodeScalars
        var a = scalars.startIndex
        var b = scalars.endIndex
        while a < b, CharacterSet.whitespaces.contains(scalars[a]) { a = scalars.index(after: a) }
        while b > a, CharacterSet.whitespaces.contains(scalars[scalars.index(before: b)]) { b = scalars.index(before: b) }
        return String(scalars[a..<b])
    }
}
