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
                         .tomlSyntax(problem.message))
    }

    /// Parses text `check` has passed, or a part of such a text that starts at a line
    /// (the loader's parts of a large file, cut at `[[name]]` headers).
    static func parseChecked(_ text: String, file: String) throws -> TOMLTable {
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let begin = error.source.begin
            throw LoadIssue(.error, .syntax, file: file, line: begin.line, column: begin.column,
                            .tomlSyntax(error.description))
        } catch {
            throw LoadIssue(.error, .syntax, file: file, .tomlSyntax("\(error)"))
        }
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
