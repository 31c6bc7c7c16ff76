/// The words of a TOML syntax error (`LoadMessage.tomlSyntax`) in either language, from the
/// parser's English. toml++ says `Error while parsing <what>: <detail>` (`floating-point`,
/// `key-value pair`, ...); the Chinese says what went wrong in Chinese and keeps the parser's
/// detail only as a quoted aside; the English keeps the parser's words whole. Where a bare word
/// stands where a value belongs (`value = 51.2x6`, `name = 海宁`), both add that text must be
/// quoted. The guard's own words (`TOMLGuard`: a NUL byte, a table header) have Chinese of
/// their own.
///
/// ```swift
/// TOMLSyntaxWords(detail: "Error while parsing floating-point: expected decimal digit, saw 'x'").chinese
/// // "浮点数写错了（解析器原话：expected decimal digit, saw 'x'）；文字须加引号"
/// ```
public struct TOMLSyntaxWords: Sendable, Equatable {
    /// The parser's (or the guard's) words, as given.
    public var detail: String

    /// The words of `detail`.
    public init(detail: String) { self.detail = detail }

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

    /// The English words: the parser's, whole, and the hint when text must be quoted.
    public var english: String {
        textMustBeQuoted ? "\(detail); text must be quoted (\"...\")" : detail
    }

    /// The Chinese words: what went wrong (`浮点数写错了`), the parser's detail as a quoted aside,
    /// and the hint when text must be quoted.
    public var chinese: String {
        let hint = textMustBeQuoted ? "；文字须加引号（\"…\"）" : ""
        if let (what, rest) = parsed {
            let noun = TOMLSyntaxWords.chineseWhat[what]
            let said = noun.map { "\($0)写错了" } ?? "「\(what)」处写错了"
            return "\(said)（解析器原话：\(rest)）\(hint)"
        }
        if let guarded = guardChinese { return "\(guarded)（原话：\(detail)）" }
        return "写法不对（解析器原话：\(detail)）\(hint)"
    }

    /// The Chinese of the guard's own words (`TOMLGuard`), by their start.
    private var guardChinese: String? {
        if detail.hasPrefix("a NUL byte") { return "含有 NUL 字节（0x00），不是文本" }
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
