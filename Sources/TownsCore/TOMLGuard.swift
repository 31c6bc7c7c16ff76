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
enum TOMLGuard {
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// The first problem in `text`, or nil when toml++ can be given it.
    static func problem(in text: String) -> Problem? {
        let s = Array(text.unicodeScalars)
        let n = s.count
        if let nul = s.firstIndex(of: "\0") {
            let before = s[..<nul]
            let line = before.filter { $0 == "\n" }.count + 1
            let column = nul - (before.lastIndex(of: "\n").map { $0 + 1 } ?? 0) + 1
            return Problem(line: line, column: column, message: "a NUL byte (0x00): not text; a TOML file holds no NUL")
        }
        var i = s.first == "\u{FEFF}" ? 1 : 0  // a byte-order mark, which the parser skips
        var line = 1
        var lineStart = i
        // Open `[` and `{` of values (arrays may span lines); a `[` at the start of a
        // statement with none open is a table header.
        var depth = 0
        var atStatementStart = true

        func column(_ index: Int) -> Int { index - lineStart + 1 }
        func newline(at index: Int) {
            line += 1
            lineStart = index + 1
        }
        /// Skips a string starting at `i` (a quote); multi-line strings may hold newlines.
        func skipString() {
            let quote = s[i]
            let basic = quote == "\""
            if i + 2 < n, s[i + 1] == quote, s[i + 2] == quote {
                i += 3
                while i < n {
                    if basic && s[i] == "\\" {
                        if i + 1 < n, s[i + 1] == "\n" { newline(at: i + 1) }  // a line-ending backslash
                        i += 2
                        continue
                    }
                    if s[i] == "\n" { newline(at: i) }
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
            while i < n, s[i] != "\n" {
                if basic && s[i] == "\\" {
                    if i + 1 < n, s[i + 1] == "\n" { return }  // unterminated: the parser says so
                    i += 2
                    continue
                }
                if s[i] == quote { i += 1; return }
                i += 1
            }
        }

        while i < n {
            let c = s[i]
            switch c {
            case "\n":
                newline(at: i)
                atStatementStart = depth == 0
                i += 1
            case " ", "\t", "\r":
                i += 1
            case "#":
                while i < n, s[i] != "\n" { i += 1 }
            case "\"", "'":
                skipString()
                atStatementStart = false
            case "[" where atStatementStart && depth == 0:
                var j = i + 1
                if j < n, s[j] == "[" { j += 1 }
                while j < n, s[j] == " " || s[j] == "\t" { j += 1 }
                if j < n {
                    let k = s[j]
                    let bare = (k.isASCII && (k.properties.isAlphabetic || ("0"..."9").contains(k))) || k == "_" || k == "-"
                    if !(bare || k == "\"" || k == "'" || k == "]") {
                        let shown = k == "\n" || k == "\r" ? "the end of the line" : "'\(k)'"
                        return Problem(line: line, column: column(j),
                                       message: "a table header must start with a key (ASCII letters, digits, - or _, or a quoted key such as [\"小镇\"]), saw \(shown)")
                    }
                }
                // The rest of the header line: keys, dots, brackets, maybe a comment.
                atStatementStart = false
                i = j
                while i < n, s[i] != "\n" {
                    if s[i] == "\"" || s[i] == "'" { skipString(); continue }
                    i += 1
                }
            case "[", "{":
                depth += 1
                atStatementStart = false
                i += 1
            case "]", "}":
                depth = max(0, depth - 1)
                atStatementStart = false
                i += 1
            default:
                atStatementStart = false
                i += 1
            }
        }
        return nil
    }
}
