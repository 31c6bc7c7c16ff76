import Foundation

/// The field a line of a TOML text begins, named as the loader names fields, for errors found
/// before any record is read (a syntax error, a file cut short): `figure[3].value` for the key
/// `value` after the third `[[figure]]` header, `colors.accent` for a key under `[colors]`, `period`
/// for a key before any header; nil where the line holds no `KEY =` (a header, a comment, the
/// middle of an array).
///
/// Read from the text alone, line by line, as a person reads it: a `[[name]]` or `[name]` line
/// inside a multi-line string would be taken for a header (no data file writes one there).
enum TOMLFieldOfLine {
    /// The field line `line` (1-based) of `text` begins; nil when it holds no key or the text
    /// has fewer lines.
    ///
    /// ```swift
    /// TOMLFieldOfLine.field(atLine: 3, in: "[[figure]]\ntown = \"haining\"\nvalue = 5x")
    /// // "figure[1].value"
    /// ```
    static func field(atLine line: Int, in text: String) -> String? {
        guard line >= 1 else { return nil }
        let utf8 = text.utf8
        var counts: [String: Int] = [:]
        var scope: String?
        var start = utf8.startIndex
        var number = 1
        while true {
            let end = utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let content = text[start..<end]
            if number == line {
                return key(of: content).map { key in scope.map { "\($0).\(key)" } ?? key }
            }
            if let header = header(of: content) {
                if header.array {
                    counts[header.name, default: 0] += 1
                    scope = "\(header.name)[\(counts[header.name] ?? 1)]"
                } else {
                    scope = header.name
                }
            }
            guard end < utf8.endIndex else { return nil }
            start = utf8.index(after: end)
            number += 1
        }
    }

    /// The key a line begins (`value` in `value = 51.2x6`; a dotted key as written, `a.b`);
    /// nil when there is no `=` or what stands before it is no bare key.
    static func key(of line: Substring) -> String? {
        guard let eq = line.firstIndex(of: "=") else { return nil }
        let key = line[..<eq].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, key.first != ".", key.last != ".",
              key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }) else { return nil }
        return key
    }

    /// The header a line holds: `[[name]]` (array) or `[name]`, the name without its blanks; nil
    /// for any other line. Its first character must be `[` (after blanks); a comment may follow.
    private static func header(of line: Substring) -> (array: Bool, name: String)? {
        // Most lines: the first byte after blanks is not `[`, read from the bytes.
        guard let first = line.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }), first == UInt8(ascii: "[") else {
            return nil
        }
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        let array = trimmed.hasPrefix("[[")
        let inner = trimmed.dropFirst(array ? 2 : 1).prefix { $0 != "]" }
        let name = inner.trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : (array, name)
    }
}
