import Foundation
import TOMLKit

/// The one way into the TOML parser (toml++ inside TOMLKit) for every file `towns` reads: the
/// data files, the themes and the configuration. `TOMLGuard` looks at the text first for what
/// makes toml++ abort or misread (a table header such as `[中]`, a NUL byte), so such a file
/// is a syntax error with its file, line and column like any other, never a crash.
public enum GuardedTOML {
    /// Parses `text`, named `file` in errors.
    /// - Throws: `LoadIssue` of kind `.syntax` with the line and column (and the parser's
    ///   words, or the guard's) for text that is not valid TOML or that the guard refuses.
    public static func parse(_ text: String, file: String) throws -> TOMLTable {
        if let issue = check(text, file: file) { throw issue }
        return try parseChecked(text, file: file)
    }

    /// What the guard finds in `text`, as the syntax error `parse` would throw; nil when the
    /// parser can be given it.
    public static func check(_ text: String, file: String) -> LoadIssue? {
        guard let problem = TOMLGuard.problem(in: text) else { return nil }
        return LoadIssue(.error, .syntax, file: file, line: problem.line, column: problem.column,
                         field: TOMLFieldOfLine.field(atLine: problem.line, in: text), .tomlSyntax(problem.message))
    }

    /// Parses text `check` has passed, or a part of such a text that starts at a line
    /// (the loader's parts of a large file, cut at `[[name]]` headers: a part that fails is
    /// parsed again whole, `TOMLDocument.wholeFile()`, so an error printed has the whole
    /// text's line). The error names the field its line begins (`figure[3].value`,
    /// `roles.accent`, `period`: `TOMLFieldOfLine`).
    static func parseChecked(_ text: String, file: String) throws -> TOMLTable {
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let begin = error.source.begin
            throw LoadIssue(.error, .syntax, file: file, line: begin.line, column: begin.column,
                            field: TOMLFieldOfLine.field(atLine: begin.line, in: text),
                            .tomlSyntax(error.description))
        } catch {
            throw LoadIssue(.error, .syntax, file: file, .tomlSyntax("\(error)"))
        }
    }

    /// The number a syntax error's parser words say does not fit 64 bits, as toml++ quotes it
    /// (without its sign): `99999999999999999999` from `Error while parsing decimal integer:
    /// '99999999999999999999' is not representable in 64 bits` (`float` false); `1e400` from
    /// `Error while parsing floating-point: '1e400' could not be interpreted as a value` (`float`
    /// true: toml++ built without `<charconv>` floats, as here, reads a float the lexer has
    /// checked with a stream, which fails only when it is out of range; with `<charconv>` it says
    /// `is not representable in 64 bits`), taken only when the quote reads as an infinite `Double`.
    /// nil for any other words.
    static func numberBeyond64Bits(_ detail: String) -> (literal: String, float: Bool)? {
        func quoted(_ what: String, _ suffix: String) -> String? {
            let prefix = "Error while parsing \(what): '"
            guard detail.hasPrefix(prefix), detail.hasSuffix(suffix), detail.count > prefix.count + suffix.count
            else { return nil }
            return String(detail.dropFirst(prefix.count).dropLast(suffix.count))
        }
        let beyond = "' is not representable in 64 bits"
        if let literal = quoted("decimal integer", beyond), literal.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            return (literal, false)
        }
        if let literal = quoted("floating-point", beyond) ?? quoted("floating-point", "' could not be interpreted as a value"),
           literal.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e")
                                      || $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }),
           Double(literal)?.isInfinite == true {
            return (literal, true)
        }
        return nil
    }

    /// For a syntax error that is an amount beyond 64 bits typed without a decimal point
    /// (`value = 99999999999999999999`, `value = 1e400`) in a figure's `value` or `more_than`
    /// (`[[figure]]`, `[[total]]`): the error the loader gives the same amount in a form the
    /// parser reads (`99999999999999999999.0`, `1e300`): exit 13, worded in either language,
    /// with its field and line. nil for any other issue. `text` is the text `issue` was found in.
    static func amountBeyond64Bits(_ issue: LoadIssue, in text: String) -> LoadIssue? {
        guard issue.kind == .syntax, case let .tomlSyntax(detail)? = issue.message,
              let (literal, float) = numberBeyond64Bits(detail), let field = issue.field, let line = issue.line,
              field.hasPrefix("figure[") || field.hasPrefix("total["),
              field.hasSuffix("].value") || field.hasSuffix("].more_than") else { return nil }
        let message: LoadMessage
        let negative = valueIsNegative(atLine: line, in: text)
        if float {
            message = .beyondDecimal((negative ? "-" : "") + literal)
        } else if negative {
            message = .negative("-" + literal)
        } else {
            let (whole, fraction) = TOMLDocumentNumber.digits(literal)
            message = .tooManyDigits(text: literal, whole: whole, fraction: fraction,
                                     maximumWhole: TOMLDocumentNumber.maximumWholeDigits,
                                     maximumFraction: TOMLDocumentNumber.maximumFractionDigits)
        }
        return LoadIssue(.error, .badAmount, file: issue.file, line: line, field: field, message)
    }

    /// Whether the value after the `=` of line `line` (1-based) of `text` starts with `-`.
    private static func valueIsNegative(atLine line: Int, in text: String) -> Bool {
        let lines = text.split(separator: "\n", maxSplits: line, omittingEmptySubsequences: false)
        guard lines.count >= line, let eq = lines[line - 1].firstIndex(of: "=") else { return false }
        let content = lines[line - 1]
        return content[content.index(after: eq)...].drop { $0 == " " || $0 == "\t" }.hasPrefix("-")
    }

    /// The UTF-8 text of the small file at `path` (a theme, the configuration): at most
    /// `maximumBytes`, read with `DataFile.read`, so a FIFO, a device (`/dev/zero`) or a huge
    /// file is refused unread. Throws `LoadIssue` (not found, not a file, too large, not UTF-8).
    public static func readSmallFile(_ path: String, maximumBytes: Int = 1 << 20) throws -> String {
        let bytes = try DataFile.read(path: path, displayPath: path, maximumBytes: maximumBytes)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw LoadIssue(.error, .notUTF8, file: path, line: TOMLDocument.firstInvalidUTF8Line(bytes),
                            .notUTF8)
        }
        return text
    }
}
