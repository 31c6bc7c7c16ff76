import Foundation
import TOMLKit

/// Reads the fields of one TOML table (a record) and collects problems with their lines.
struct RecordReader {
    let document: TOMLDocument
    let table: TOMLTable
    /// e.g. "town[2]"; used as the field prefix in messages.
    let name: String
    /// Line of the record's header.
    let line: Int?
    var issues: [LoadIssue] = []
    /// The Chinese words of the English notes read (`note_zh` beside `note`, ...), by the English.
    var notesZH: [String: String] = [:]

    /// The longest text a field may hold, in UTF-8 bytes (16 KiB): the longest in the bundled
    /// data, a passage of the paper in reference.toml, is about 500; a 10 MB town name would be
    /// copied into every finding and message naming it.
    static let maximumTextBytes = 16 << 10

    /// The fields whose Chinese words may stand beside them as `FIELD_zh` (wave 11).
    static let hasChinese: Set<String> = ["note", "also_note", "interpreted", "readings"]

    init(document: TOMLDocument, table: TOMLTable, name: String, line: Int?) {
        self.document = document; self.table = table; self.name = name; self.line = line
    }

    func lineOf(_ key: String) -> Int? {
        guard let line else { return nil }
        return document.keyLine(key: key, below: line) ?? line
    }

    /// An error of a value (`ValueProblem`), worded in either language when shown.
    mutating func error(_ key: String?, _ kind: LoadIssue.Kind, _ value: ValueProblem) {
        error(key, kind, LoadMessage.value(value))
    }

    /// An error given as data (`LoadMessage`), worded in either language when shown.
    mutating func error(_ key: String?, _ kind: LoadIssue.Kind, _ message: LoadMessage) {
        issues.append(LoadIssue(.error, kind, file: document.path, line: key.flatMap(lineOf) ?? line,
                                field: key.map { "\(name).\($0)" } ?? name, message))
    }

    /// A warning given as data (`LoadMessage`).
    mutating func warning(_ key: String?, _ kind: LoadIssue.Kind, _ message: LoadMessage) {
        issues.append(LoadIssue(.warning, kind, file: document.path, line: key.flatMap(lineOf) ?? line,
                                field: key.map { "\(name).\($0)" } ?? name, message))
    }

    /// A warning of a value (`ValueProblem`).
    mutating func warning(_ key: String?, _ kind: LoadIssue.Kind, _ value: ValueProblem) {
        warning(key, kind, LoadMessage.value(value))
    }

    func has(_ key: String) -> Bool { table.contains(key: key) }

    /// A note in English (`key`) and its Chinese words beside it (`key_zh`, wave 11), kept in
    /// `notesZH` by the English: the English is the data's text, shown in English and wherever
    /// the Chinese is missing.
    mutating func note(_ key: String) -> String? {
        let english = string(key)
        if let english, let chinese = string(key + "_zh") { notesZH[english] = chinese }
        return english
    }

    /// The readings of an interpretation and their Chinese words (`readings_zh`, one each).
    mutating func readings() -> [String]? {
        let english = stringArray("readings")
        if let english, let chinese = stringArray("readings_zh") {
            if chinese.count == english.count {
                for (e, c) in zip(english, chinese) { notesZH[e] = c }
            } else {
                error("readings_zh", .impossible, .readingsZHCount(english.count, chinese.count))
            }
        }
        return english
    }

    /// A string field; nil (and an error if `required`) when absent or of another type.
    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = table[key] else {
            if required { error(key, .missing, LoadMessage.missingRequired) }
            return nil
        }
        guard let s = value.string else {
            error(key, .wrongType, LoadMessage.wrongType(expected: .string, found: found(value)))
            return nil
        }
        if required && WhiteSpace.isBlank(s) {
            error(key, .missing, LoadMessage.blankText)
            return nil
        }
        if s.utf8.count > RecordReader.maximumTextBytes {
            error(key, .impossible, LoadMessage.textTooLong(bytes: s.utf8.count, limit: RecordReader.maximumTextBytes))
            return nil
        }
        return s
    }

    /// An integer field; nil (and an error if `required`) when absent or of another type, or
    /// written as no report prints a number (`0x10`, `9_3`, wave 43).
    mutating func int(_ key: String, required: Bool = false) -> Int? {
        guard let value = table[key] else {
            if required { error(key, .missing, LoadMessage.missingRequired) }
            return nil
        }
        guard let i = value.int else {
            error(key, .wrongType, LoadMessage.wrongType(expected: .integer, found: found(value)))
            return nil
        }
        // A count, a year or a number as no report prints it (`0x10`, `9_3`): refused as a figure's
        // value is (wave 43).
        if let written = writtenNumber(key), !RecordReader.isAsPrinted(written) {
            error(key, .badAmount, LoadMessage.notAsPrinted(written)); return nil
        }
        return i
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let b = value.bool else {
            error(key, .wrongType, LoadMessage.wrongType(expected: .boolean, found: found(value)))
            return nil
        }
        return b
    }

    mutating func stringArray(_ key: String, required: Bool = false) -> [String]? {
        guard let value = table[key] else {
            if required { error(key, .missing, LoadMessage.missingRequired) }
            return nil
        }
        guard let array = value.array else {
            error(key, .wrongType, LoadMessage.wrongType(expected: .stringArray, found: found(value)))
            return nil
        }
        var out: [String] = []
        for element in array {
            guard let s = element.string else {
                error(key, .wrongType, LoadMessage.wrongElementType(found: found(element)))
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
        var isFloat = false
        if let i = value.int {
            text = String(i)
            // `0x10` and `9_3` are TOML integers (16, 93) but no report prints a figure so: a slip,
            // refused as written (wave 43's fresh user).
            if let written = writtenNumber(key), !RecordReader.isAsPrinted(written) {
                error(key, .badAmount, LoadMessage.notAsPrinted(written)); return nil
            }
        } else if let d = value.double {
            guard d.isFinite else { error(key, .badAmount, LoadMessage.notFinite("\(d)")); return nil }
            // An amount too small for a float (`1e-400`) reads as 0: an amount out of range, never
            // a zero the file did not hold (wave 39; `5e-324` and above were refused already).
            if d == 0, let written = writtenNumber(key), RecordReader.hasNonzeroDigit(before: written) {
                error(key, .badAmount, LoadMessage.beyondDecimal(written)); return nil
            }
            let shortest = TOMLDocumentNumber.shortest(d)
            // Beyond what a decimal holds (1e300, 5e-324): say so, not "'NaN' is not a number".
            guard shortest != "NaN" else {
                error(key, .badAmount, LoadMessage.beyondDecimal("\(d)")); return nil
            }
            // The digits as the file writes them, not the float's: `13.5600000000000001` is the
            // Double 13.56, but its digits are counted (and refused) as written (wave 43).
            let written = writtenNumber(key)
            if let written, !RecordReader.isAsPrinted(written) {
                error(key, .badAmount, LoadMessage.notAsPrinted(written)); return nil
            }
            text = written.flatMap(RecordReader.decimalText(ofFloatLiteral:)) ?? shortest
            isFloat = true
        } else if let s = value.string {
            text = WhiteSpace.trimmed(s)
        } else {
            error(key, .wrongType, LoadMessage.wrongType(expected: .number, found: found(value)))
            return nil
        }
        guard let parsed = TOMLDocumentNumber.parse(text) else {
            error(key, .wrongType, LoadMessage.notADecimal(text))
            return nil
        }
        if parsed.0 < 0 {
            error(key, .badAmount, LoadMessage.negative(text))
            return nil
        }
        // A Decimal holds 38 digits: a longer number would be shown with wrong last digits.
        let (whole, fraction) = TOMLDocumentNumber.digits(text)
        if whole > TOMLDocumentNumber.maximumWholeDigits || fraction > TOMLDocumentNumber.maximumFractionDigits {
            // For a float, the number as the file writes it (`1e30`, not the float's
            // 1000000000000000409600000000000) is quoted and counted (wave 39); looked up here only,
            // not for every figure the loader reads.
            var said = text, counted = (whole: whole, fraction: fraction)
            if isFloat, let literal = writtenNumber(key) {
                var cleaned = literal.replacingOccurrences(of: "_", with: "")
                if cleaned.hasPrefix("+") { cleaned.removeFirst() }
                if let exact = Decimal(string: cleaned, locale: Locale(identifier: "en_US_POSIX")), exact.isFinite,
                   !exact.isNaN {
                    said = literal
                    counted = TOMLDocumentNumber.digits(exact.description)
                }
            }
            error(key, .badAmount, LoadMessage.tooManyDigits(
                text: said, whole: counted.whole, fraction: counted.fraction,
                maximumWhole: TOMLDocumentNumber.maximumWholeDigits,
                maximumFraction: TOMLDocumentNumber.maximumFractionDigits))
            return nil
        }
        return parsed
    }

    /// The number written for `key` on its line as the file has it (`value = 1e-400` gives
    /// `1e-400`; in an inline table `{ value = 1e-400, ... }` too), or nil where the line does not
    /// show it.
    func writtenNumber(_ key: String) -> String? {
        // Every figure's number is looked up (wave 43): first among the record's own lines by
        // their bytes (`KEY = NUMBER`), without `lineOf`'s trimming of each line.
        if let header = line, let found = writtenNumberOnOwnLine(key, below: header) { return found }
        guard let n = lineOf(key), n >= 1, n <= document.lines.count else { return nil }
        let line = document.lines[n - 1].utf8
        let name = Array(key.utf8)
        var i = line.startIndex
        while i != line.endIndex {
            // `key` where a key begins (after a space, a `{`, a `,` or the line's start) ...
            let before = i == line.startIndex ? nil : line[line.index(before: i)]
            guard before == nil || [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "{"), UInt8(ascii: ",")]
                .contains(before!), line[i...].starts(with: name) else { i = line.index(after: i); continue }
            // ... then `=` (spaces around it), then the number up to a space, `,`, `}` or `#`.
            var j = line.index(i, offsetBy: name.count)
            while j != line.endIndex, line[j] == UInt8(ascii: " ") || line[j] == UInt8(ascii: "\t") { j = line.index(after: j) }
            guard j != line.endIndex, line[j] == UInt8(ascii: "=") else { i = line.index(after: i); continue }
            j = line.index(after: j)
            while j != line.endIndex, line[j] == UInt8(ascii: " ") || line[j] == UInt8(ascii: "\t") { j = line.index(after: j) }
            var end = j
            while end != line.endIndex, ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ","), UInt8(ascii: "}"),
                                         UInt8(ascii: "#"), UInt8(ascii: "\r")].contains(line[end]) {
                end = line.index(after: end)
            }
            return j == end ? nil : String(decoding: line[j..<end], as: UTF8.self)
        }
        return nil
    }

    /// The number written for `key` on a line of its own (`KEY = NUMBER`, spaces around) among
    /// the lines after the record's header at line `header` (1-based), up to the next header;
    /// nil where no such line is found (a quoted key, an inline table: `writtenNumber` looks
    /// further).
    private func writtenNumberOnOwnLine(_ key: String, below header: Int) -> String? {
        let name = key.utf8
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        var i = header  // 0-based index of the first line after the header
        while i < document.lines.count {
            let line = document.lines[i].utf8
            var j = line.startIndex
            while j != line.endIndex, line[j] == space || line[j] == tab { j = line.index(after: j) }
            if j != line.endIndex, line[j] == UInt8(ascii: "[") { return nil }
            if line[j...].starts(with: name) {
                var k = line.index(j, offsetBy: name.count)
                while k != line.endIndex, line[k] == space || line[k] == tab { k = line.index(after: k) }
                if k != line.endIndex, line[k] == UInt8(ascii: "=") {
                    k = line.index(after: k)
                    while k != line.endIndex, line[k] == space || line[k] == tab { k = line.index(after: k) }
                    var end = k
                    while end != line.endIndex, ![space, tab, UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "#"),
                                                  UInt8(ascii: "\r")].contains(line[end]) {
                        end = line.index(after: end)
                    }
                    return k == end ? nil : String(decoding: line[k..<end], as: UTF8.self)
                }
            }
            i += 1
        }
        return nil
    }

    /// Whether a TOML number as written is one a report could print: not hexadecimal, octal or
    /// binary (`0x10`, `0o20`, `0b1`) and without `_` between digits (`9_3`).
    static func isAsPrinted(_ written: String) -> Bool {
        let bytes = Array(written.utf8)
        if bytes.contains(UInt8(ascii: "_")) { return false }
        var i = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "0"),
           [UInt8(ascii: "x"), UInt8(ascii: "o"), UInt8(ascii: "b"), UInt8(ascii: "X"), UInt8(ascii: "O"),
            UInt8(ascii: "B")].contains(bytes[i + 1]) { return false }
        return true
    }

    /// A float literal as written (`13.5600000000000001`, `+9.3`, `1.356e1`) as the plain decimal
    /// text `TOMLDocumentNumber.parse` reads, with every digit written (`13.5600000000000001`,
    /// `9.3`, `13.56`); nil where it is no such number (`inf`, an exponent beyond a `Decimal`).
    static func decimalText(ofFloatLiteral written: String) -> String? {
        var body = Substring(written)
        if body.hasPrefix("+") { body = body.dropFirst() }
        let hasExponent = body.utf8.contains { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        if !hasExponent {
            return TOMLDocumentNumber.parse(String(body)) == nil ? nil : String(body)
        }
        guard let exact = Decimal(string: String(body), locale: Locale(identifier: "en_US_POSIX")),
              exact.isFinite, !exact.isNaN else { return nil }
        let text = exact.description
        return TOMLDocumentNumber.parse(text) == nil ? nil : text
    }

    /// Whether a number as written (`1e-400`, `-2.5E-999`, `0.0`) has a digit other than 0 before
    /// its exponent: one that reads as 0 was not written as zero.
    static func hasNonzeroDigit(before written: String) -> Bool {
        for byte in written.utf8 {
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { return false }
            if (0x31...0x39).contains(byte) { return true }
        }
        return false
    }

    /// Warns about keys other than `allowed` (a misspelt field would otherwise be ignored).
    mutating func warnUnknownKeys(allowed: Set<String>) {
        // A note's Chinese words may stand beside it (`note_zh`, wave 11).
        let allowed = allowed.union(allowed.filter(RecordReader.hasChinese.contains).map { $0 + "_zh" })
        // TOMLKit's `keys` allocates C strings it never frees: count the allowed keys present
        // first, and list the keys only when some other key is there.
        var present = 0
        for key in allowed where table.contains(key: key) { present += 1 }
        if present == table.count { return }
        for key in table.keys.sorted() where !allowed.contains(key) {
            warning(key, .unknownField, LoadMessage.unknownField(known: allowed.sorted()))
        }
    }

    private func found(_ value: TOMLValueConvertible) -> LoadMessage.Found {
        switch value.type {
        case .string: return .string
        case .int: return .integer
        case .double: return .number
        case .bool: return .boolean
        case .array: return .array
        case .table: return .table
        default: return .dateTime
        }
    }
}

/// Decimal text handling shared by the loader.
enum TOMLDocumentNumber {
    /// Most digits a figure has before its point (as a monthly sheet's, `SheetNumber`) and
    /// after it: within the 38 digits a `Decimal` holds exactly, so a figure is shown as written.
    static let maximumWholeDigits = 15
    static let maximumFractionDigits = 15

    /// Digits of a decimal text (as `parse` reads it) before the point, leading zeros left
    /// out, and after it.
    static func digits(_ text: String) -> (whole: Int, fraction: Int) {
        var whole = 0, fraction = 0, afterPoint = false, leading = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") { afterPoint = true; continue }
            guard (0x30...0x39).contains(byte) else { continue }
            if afterPoint { fraction += 1 } else if !(leading && byte == 0x30) { whole += 1; leading = false }
        }
        return (whole, fraction)
    }

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
        while b > a, CharacterSet.whitespaces.contains(scalars[scalars.index(before: b)]) {
            b = scalars.index(before: b)
        }
        return String(scalars[a..<b])
    }
}
