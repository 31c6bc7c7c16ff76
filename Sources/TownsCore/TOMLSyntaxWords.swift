/// The words of a TOML syntax error (`LoadMessage.tomlSyntax`) in either language, from the
/// parser's English. toml++ says `Error while parsing <what>: <detail>` (`floating-point`,
/// `key-value pair`, ...); the Chinese says what went wrong in Chinese and keeps the parser's
/// detail only as a quoted aside; the English keeps the parser's words whole. Where a bare word
/// stands where a value belongs (`value = 51.2x6`, `name = 海宁`), both add a hint chosen by the
/// field (`TOMLSyntaxContext`): how a number is written for a number field, that text must be
/// quoted for a text field, both for any other. A string that runs to the end of its line is
/// said to be not closed (the parser calls the line's end a control character). The guard's own
/// words (`TOMLGuard`: a NUL byte, a table header) have Chinese of their own.
///
/// ```swift
/// TOMLSyntaxWords(detail: "Error while parsing floating-point: expected decimal digit, saw 'x'",
///                 context: .textField).chinese
/// // "浮点数写错了（解析器原话：expected decimal digit, saw 'x'）；文字须加引号（"…"）"
/// ```
public struct TOMLSyntaxWords: Sendable, Equatable {
    /// The parser's (or the guard's) words, as given.
    public var detail: String
    /// What the text around the error says of it (`TOMLSyntaxContext.of`); nil when unknown.
    public var context: TOMLSyntaxContext?

    /// The words of `detail`, in `context`.
    public init(detail: String, context: TOMLSyntaxContext? = nil) {
        self.detail = detail
        self.context = context
    }

    /// What the parser was reading (`floating-point`) and its detail (`expected decimal digit,
    /// saw 'x'`); nil for words of another shape.
    var parsed: (what: String, detail: String)? {
        let prefix = "Error while parsing "
        guard detail.hasPrefix(prefix), let colon = detail.range(of: ": ") else { return nil }
        return (String(detail[detail.index(detail.startIndex, offsetBy: prefix.count)..<colon.lowerBound]),
                String(detail[colon.upperBound...]))
    }

    /// Whether the error is a bare word where a value belongs: the parser, reading a value
    /// (a number, a boolean, a date or time, or not yet knowing which), saw a character it
    /// cannot take (`saw 'x'`), not the end of the line; or could not tell what kind of value a
    /// word is (`name = 海宁`: `could not determine value type`).
    public var textMustBeQuoted: Bool {
        guard let (what, rest) = parsed, TOMLSyntaxWords.valueKinds.contains(what) else { return false }
        if rest.hasPrefix("could not determine value type") { return true }
        guard let saw = rest.range(of: "saw '") else { return false }
        let seen = rest[saw.upperBound...]
        return !(seen.hasPrefix("\\n") || seen.hasPrefix("\\r") || seen.hasPrefix("\n") || seen.hasPrefix("\r")
                 || seen.hasPrefix("'") || seen.hasPrefix(" ") || seen.hasPrefix("#"))
    }

    /// What toml++ parses as a value (`push_parse_scope` in toml.hpp) that a bare word is read as.
    static let valueKinds: Set<String> = [
        "value", "floating-point", "decimal integer", "binary integer", "octal integer", "hexadecimal integer",
        "boolean", "date", "time", "date-time", "date-time offset", "hexadecimal floating-point",
    ]

    /// The Chinese of each `<what>` toml++ names (its `push_parse_scope`s).
    static let chineseWhat: [String: String] = [
        "floating-point": "浮点数", "hexadecimal floating-point": "十六进制浮点数",
        "decimal integer": "整数", "binary integer": "二进制整数", "octal integer": "八进制整数",
        "hexadecimal integer": "十六进制整数", "integer": "整数",
        "key-value pair": "键值对（键 = 值）", "key": "键", "value": "值",
        "string": "字符串", "literal string": "字面字符串（单引号）", "unicode scalar sequence": "Unicode 转义",
        "table header": "表头（[名称]）", "table": "表", "array": "数组", "inline table": "内联表（{ … }）",
        "root table": "文件顶层", "comment": "注释", "boolean": "布尔值（true 或 false）",
        "date": "日期", "time": "时间", "date-time": "日期时间", "date-time offset": "时区偏移",
    ]

    /// The hint for a bare word where a value belongs, by the field's kind.
    private var valueHint: (english: String, chinese: String)? {
        guard textMustBeQuoted else { return nil }
        switch context {
        case .numberField?: return ("a number is digits with at most one point (51.26)", "数字只含数字和一个小数点（如 51.26）")
        case .textField?: return ("text must be quoted (\"...\")", "文字须加引号（\"…\"）")
        default:
            return ("a number is digits with at most one point (51.26), text goes in quotes (\"...\")",
                    "数字只含数字和一个小数点（如 51.26），文字须加引号（\"…\"）")
        }
    }

    /// The line and quote of a string not closed on its line, when the parser's words are a
    /// string's (`string`, `literal string`).
    private var stringNotClosed: (line: Int, quote: String)? {
        guard case let .stringNotClosed(line, quote)? = context, let (what, _) = parsed,
              what == "string" || what == "literal string" else { return nil }
        return (line, quote)
    }

    /// The English words: the parser's, whole, and the hint: a string not closed, or a bare
    /// word where a value belongs.
    public var english: String {
        if let (line, quote) = stringNotClosed {
            return "\(detail); the string is not closed: a closing quote (\(quote)) is missing at the end of line \(line)"
        }
        return valueHint.map { "\(detail); \($0.english)" } ?? detail
    }

    /// The Chinese words: what went wrong (`浮点数写错了`, `字符串没有结束：…`), the parser's
    /// detail as a quoted aside, and the hint for a bare word where a value belongs.
    public var chinese: String {
        let hint = valueHint.map { "；\($0.chinese)" } ?? ""
        if let (line, quote) = stringNotClosed, let (_, rest) = parsed {
            return "字符串没有结束：第 \(line) 行末尾缺少右引号（\(quote)）（解析器原话：\(rest)）"
        }
        if let (what, rest) = parsed {
            let noun = TOMLSyntaxWords.chineseWhat[what]
            let said = noun.map { "\($0)写错了" } ?? "「\(what)」处写错了"
            return "\(said)（解析器原话：\(rest)）\(hint)"
        }
        if let guarded = guardChinese { return "\(guarded)（原话：\(detail)）" }
        return "写法不对（解析器原话：\(detail)）\(hint)"
    }

    /// The English in brief, the reason first, for a line with little room (a failed live
    /// reload's status line, wave 43): the parser's detail and the hint, then what it was
    /// reading (`expected a comment or whitespace, saw '=' (TOML key-value pair)`), not
    /// `Error while parsing key-value pair: ` before it. Nil for words of another shape (the
    /// guard's own, already brief).
    public var briefEnglish: String? {
        if let (line, quote) = stringNotClosed {
            return "a string is not closed: a closing quote (\(quote)) is missing at the end of line \(line)"
        }
        guard let (what, rest) = parsed else { return nil }
        return rest + (valueHint.map { "; \($0.english)" } ?? "") + " (TOML \(what))"
    }

    /// The Chinese in brief, for a line with little room: what went wrong and the parser's
    /// detail after a colon (`键值对（键 = 值）写错了：expected …`), not as a quoted aside. Nil for
    /// words of another shape (the guard's own, already brief).
    public var briefChinese: String? {
        let hint = valueHint.map { "；\($0.chinese)" } ?? ""
        if let (line, quote) = stringNotClosed { return "字符串没有结束：第 \(line) 行末尾缺少右引号（\(quote)）" }
        guard let (what, rest) = parsed else { return nil }
        let said = TOMLSyntaxWords.chineseWhat[what].map { "\($0)写错了" } ?? "「\(what)」处写错了"
        return "\(said)：\(rest)\(hint)"
    }

    /// The Chinese of the guard's own words (`TOMLGuard`), by their start.
    private var guardChinese: String? {
        if detail.hasPrefix("a NUL byte") { return "含有 NUL 字节（0x00），不是文本" }
        if detail.hasPrefix("an escaped NUL") { return "文字中含有转义的 NUL（\\u0000）：文字不能含 NUL，否则会在此处被截断" }
        if detail.hasPrefix("a table header must start with a key") {
            return "表头须以键开头（ASCII 字母、数字、- 或 _，或带引号的键，如 [\"小镇\"]）"
        }
        if detail.hasPrefix("more than ") && detail.contains("values in one array") {
            return "一个数组或内联表中的值太多；记录请写成 [[名称]] 表"
        }
        if detail.hasPrefix("expected a value in the array") { return "数组中应为值" }
        return nil
    }
}

/// What the text around a TOML syntax error says of it, for its words (`TOMLSyntaxWords`).
public enum TOMLSyntaxContext: Hashable, Sendable, Codable {
    /// A string that runs to the end of line `line` (1-based): its closing `quote` (`"` or `'`)
    /// is missing.
    case stringNotClosed(line: Int, quote: String)
    /// The error's line is a number field's (`value`, `more_than`, `type`, ...).
    case numberField
    /// The error's line is a text field's (`name_zh`, `town`, `period`, ...).
    case textField

    /// The number fields of the loaders (`RecordReader.int`/`decimal`: figures, towns, periods,
    /// types, province and rules' numbers).
    static let numberKeys: Set<String> = [
        "value", "more_than", "type", "count", "number", "year", "through",
        "minimum", "lower_minimum", "maximum", "percent", "higher_percent", "years", "lower_years", "times",
        "minimum_rating", "tourism_rating", "tolerance",
    ]

    /// The text fields of the loaders (`RecordReader.string`).
    static let textKeys: Set<String> = [
        "id", "name_zh", "name_en", "short_zh", "title", "title_zh", "title_en", "label_zh", "label_en", "text",
        "town", "period", "measure", "source", "at", "quote", "note", "derived", "unit", "basis", "reading",
        "county_zh", "county_en", "county_from", "county_note", "city", "region_zh", "region_en", "industry",
        "industry_note", "industry_note_zh", "list", "list_date", "list_source", "mode", "mode_at", "type_at",
        "kind", "group", "author", "url", "publisher", "date", "reports", "problem", "countermeasure", "status",
        "cause_zh", "cause_en", "summary_en", "topic", "as_of", "also_at", "also_quote", "also_source",
        "accelerated_county_note", "checked_note",
    ]

    /// The context of an error at `line` and `column` (1-based; the column counts Unicode
    /// scalars, as toml++ does) of `text`, whose line begins `field` (`TOMLFieldOfLine`):
    /// a string not closed when the parser, reading a string, stopped at the line's end (the
    /// column at or past it, a `\r` before the `\n` counted as its end) on a line holding the
    /// string's opening quote; else the field's kind when known; else nil.
    static func of(detail: String, line: Int?, column: Int?, field: String?, in text: String) -> TOMLSyntaxContext? {
        let words = TOMLSyntaxWords(detail: detail)
        if let (what, _) = words.parsed, what == "string" || what == "literal string", let line, let column, line >= 1 {
            // By scalars: as `Character`s, "\r\n" is one and no "\n".
            let lines = text.unicodeScalars.split(separator: "\n", maxSplits: line, omittingEmptySubsequences: false)
            if lines.count >= line {
                var content = lines[line - 1]
                if content.last == "\r" { content = content.dropLast() }
                let quote: Unicode.Scalar = what == "string" ? "\"" : "'"
                if column > content.count, content.contains(quote) {
                    return .stringNotClosed(line: line, quote: String(Character(quote)))
                }
            }
        }
        guard let field else { return nil }
        let key = field.split(separator: ".").last.map(String.init) ?? field
        if numberKeys.contains(key) { return .numberField }
        if textKeys.contains(key) { return .textField }
        return nil
    }
}
