/// Checks a TOML text for the inputs that make the TOML parser (toml++ 3, inside TOMLKit)
/// crash or misread, before it sees them; each is reported as a syntax error with its line
/// and column, as the parser's own errors are.
///
/// Found by fuzzing the loader (`Fuzz/`, `.ci/fuzz`):
/// - A table header whose first key character is neither a bare-key character nor a quote:
///   `[中]`, `[é]`, `[!]`, a lone `[` at the end of a line (an edit half typed). toml++ asserts
///   (SIGABRT, and undefined behaviour when built with NDEBUG) instead of reporting it: a
///   Chinese section name in square brackets, a natural thing to type, killed `towns check`
///   and a running dashboard that reloaded the file.
/// - A NUL byte: TOMLKit hands the text to C as a C string, so everything after a NUL was
///   silently dropped and the records there never loaded (TOML forbids NUL in a file).
/// - More than `maximumInlineValues` values in the arrays and inline tables of one statement
///   (`extra = [1, 1, 1, ...]` over 16 MiB): toml++ makes a node of some 100 bytes for each
///   value of a few bytes, 17 times the file in memory. Data files write records as `[[name]]`
///   tables, which the loader reads in parts.
enum TOMLGuard {
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// The first problem in `text`, or nil when toml++ can be given it.
    ///
    /// Reads the UTF-8 bytes: every character the check looks for is ASCII, and a byte of a
    /// longer character is never one of them, so it walks the bytes as it would the scalars
    /// (lines and columns are counted in scalars, as before).
    /// Most values (commas inside brackets or braces) one statement may hold.
    static let maximumInlineValues = 100_000

    static func problem(in text: String) -> Problem? {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { problem(inUTF8: $0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { problem(inUTF8: $0) }
    }

    private static func problem(inUTF8 s: UnsafeBufferPointer<UInt8>) -> Problem? {
        let n = s.count
        /// Scalars in bytes `from..<to` (the bytes that do not continue a scalar).
        func scalars(_ from: Int, _ to: Int) -> Int {
            var count = 0
            for k in from..<to where s[k] & 0xC0 != 0x80 { count += 1 }
            return count
        }
        if let nul = s.firstIndex(of: 0) {
            let before = s[..<nul]
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = scalars(before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0, nul) + 1
            return Problem(line: line, column: column, message: "a NUL byte (0x00): not text; a TOML file holds no NUL")
        }
        // a byte-order mark, which the parser skips
        var i = n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF ? 3 : 0
        var line = 1
        var lineStart = i
        // Open `[` and `{` of values (arrays may span lines); a `[` at the start of a
        // statement with none open is a table header.
        var depth = 0
        // The brackets open, innermost last, and whether an array's next value is due (after `[` or
        // `,` inside an array): toml++ asserts (SIGABRT) on `}` there (`a = [}]`, found by fuzzing the
        // configuration reader) instead of reporting it.
        var open: [UInt8] = []
        var valueDue = false
        var atStatementStart = true
        var inlineValues = 0  // commas inside brackets or braces since the statement began

        func column(_ index: Int) -> Int { scalars(lineStart, index) + 1 }
        func newline(at index: Int) {
            line += 1
            lineStart = index + 1
        }
        /// The scalar whose first byte is at `index`.
        func scalar(at index: Int) -> Unicode.Scalar {
            var iterator = s[index...].makeIterator()
            var decoder = UTF8()
            if case let .scalarValue(scalar) = decoder.decode(&iterator) { return scalar }
            return "\u{FFFD}"  // not reached: the text is valid UTF-8
        }
        let newlineByte = UInt8(ascii: "\n")
        let backslash = UInt8(ascii: "\\")
        let doubleQuote = UInt8(ascii: "\"")
        let singleQuote = UInt8(ascii: "'")
        /// Where a basic string first escapes a NUL (`\u0000`, `\U00000000`): the parser reads it,
        /// and the text is cut there on its way to Swift, so a name would lose its end unsaid.
        var escapedNUL: (line: Int, column: Int)?
        func noteEscapedNUL(at j: Int) {
            guard escapedNUL == nil, j + 1 < n else { return }
            let digits = s[j + 1] == UInt8(ascii: "u") ? 4 : s[j + 1] == UInt8(ascii: "U") ? 8 : 0
            guard digits > 0, j + 1 + digits < n, s[(j + 2)...(j + 1 + digits)].allSatisfy({ $0 == 0x30 }) else { return }
            escapedNUL = (line, column(j))
        }
        /// Skips a string starting at `i` (a quote); multi-line strings may hold newlines.
        func skipString() {
            let quote = s[i]
            let basic = quote == doubleQuote
            if i + 2 < n, s[i + 1] == quote, s[i + 2] == quote {
                i += 3
                while i < n {
                    if basic && s[i] == backslash {
                        if i + 1 < n, s[i + 1] == newlineByte { newline(at: i + 1) }  // a line-ending backslash
                        noteEscapedNUL(at: i)
                        i += 2
                        continue
                    }
                    if s[i] == newlineByte { newline(at: i) }
                    if s[i] == quote, i + 2 < n, s[i + 1] == quote, s[i + 2] == quote {
                        i += 3
                        var extra = 0  // up to two quotes may end the content
                        while extra < 2, i < n, s[i] == quote { i += 1; extra += 1 }
                        return
                    }
                    i += 1
                }
                return
            }
            i += 1
            while i < n, s[i] != newlineByte {
                if basic && s[i] == backslash {
                    if i + 1 < n, s[i + 1] == newlineByte { return }  // unterminated: the parser says so
                    noteEscapedNUL(at: i)
                    i += 2
                    continue
                }
                if s[i] == quote { i += 1; return }
                i += 1
            }
        }

        while i < n {
            switch s[i] {
            case newlineByte:
                newline(at: i)
                atStatementStart = depth == 0
                if depth == 0 { inlineValues = 0 }
                i += 1
            case UInt8(ascii: ",") where depth > 0:
                inlineValues += 1
                if inlineValues > maximumInlineValues {
                    return Problem(line: line, column: column(i),
                                   message: "more than \(maximumInlineValues) values in one array or inline table; "
                                            + "write records as [[name]] tables")
                }
                atStatementStart = false
                valueDue = open.last == UInt8(ascii: "[")
                i += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                i += 1
            case UInt8(ascii: "#"):
                while i < n, s[i] != newlineByte { i += 1 }
            case doubleQuote, singleQuote:
                skipString()
                if let at = escapedNUL { return Problem(line: at.line, column: at.column,
                                   message: "an escaped NUL (\\u0000) in a text: a text holds no NUL, and it would be cut there") }
                atStatementStart = false
                valueDue = false
            case UInt8(ascii: "[") where atStatementStart && depth == 0:
                var j = i + 1
                if j < n, s[j] == UInt8(ascii: "[") { j += 1 }
                while j < n, s[j] == UInt8(ascii: " ") || s[j] == UInt8(ascii: "\t") { j += 1 }
                if j < n {
                    let k = scalar(at: j)
                    let bare = (k.isASCII && (k.properties.isAlphabetic || ("0"..."9").contains(k))) || k == "_"
                        || k == "-"
                    if !(bare || k == "\"" || k == "'" || k == "]") {
                        let shown = k == "\n" || k == "\r" ? "the end of the line" : "'\(k)'"
                        return Problem(line: line, column: column(j),
                                       message: "a table header must start with a key (ASCII letters, digits, - or " +
                                           "_, or a quoted key such as [\"小镇\"]), saw \(shown)")
                    }
                }
                // The rest of the header line: keys, dots, brackets, maybe a comment.
                atStatementStart = false
                i = j
                // A `#` outside a quoted key starts a comment to the end of the line: quotes
                // there are not strings (`[keys] # """` then a lone `[`, found by fuzzing the
                // configuration reader, once hid the `[` from this check in a "string" to the end).
                while i < n, s[i] != newlineByte {
                    if s[i] == UInt8(ascii: "#") {
                        while i < n, s[i] != newlineByte { i += 1 }
                        break
                    }
                    if s[i] == doubleQuote || s[i] == singleQuote {
                        skipString()
                        if let at = escapedNUL { return Problem(line: at.line, column: at.column,
                                   message: "an escaped NUL (\\u0000) in a text: a text holds no NUL, and it would be cut there") }
                        continue
                    }
                    i += 1
                }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                open.append(s[i])
                valueDue = s[i] == UInt8(ascii: "[")
                atStatementStart = false
                i += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if s[i] == UInt8(ascii: "}"), valueDue {
                    return Problem(line: line, column: column(i), message: "expected a value in the array, saw '}'")
                }
                depth = max(0, depth - 1)
                _ = open.popLast()
                valueDue = false
                atStatementStart = false
                i += 1
            default:
                atStatementStart = false
                valueDue = false
                i += 1
            }
        }
        return nil
    }
}
