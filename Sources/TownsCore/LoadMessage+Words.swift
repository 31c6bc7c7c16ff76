/// The words of the load messages, English and Chinese side by side: the core's small word
/// table (the loader knows no interface; `LoadIssue.description(chinese:)` picks the half).
/// The English words are those the loader always printed (tests and scripts match them).
extension LoadMessage {
    /// The problem in brief, the reason first, in Chinese (`chinese`) or English, where it has
    /// briefer words than `chinese` and `english`: a TOML syntax error the parser worded
    /// (`TOMLSyntaxWords.briefEnglish`); nil for any other.
    public func briefWords(chinese: Bool) -> String? {
        guard case let .tomlSyntax(detail, context) = self else { return nil }
        let words = TOMLSyntaxWords(detail: detail, context: context)
        return chinese ? words.briefChinese : words.briefEnglish
    }

    /// The English words (`LoadIssue.problem`).
    public var english: String {
        switch self {
        case .missingRequired: return "missing (required)"
        case .blankText: return "is empty"
        case let .wrongType(expected, found): return "expected \(expected.english), found \(found.english)"
        case let .wrongElementType(found):
            return "expected an array of strings, found an element that is \(found.english)"
        case let .textTooLong(bytes, limit):
            return "is \(bytes) bytes long; a text field holds at most \(limit) (a name, a quote, a note)"
        case let .notFinite(d): return "\(d) is not a finite number"
        case let .beyondDecimal(d): return "\(d) is too large or too small for an amount"
        case let .notADecimal(text): return "'\(text)' is not a decimal number"
        case let .notAsPrinted(text):
            return "\(text) is not a figure as a report prints it: no hexadecimal, octal or binary, no '_' between "
                + "digits (write the decimal digits, e.g. 16, 93)"
        case let .negative(text): return "\(text) is negative"
        case let .tooManyDigits(text, whole, fraction, maximumWhole, maximumFraction):
            return "\(text) has \(whole) digits before the point and \(fraction) after; a figure has at most "
                + "\(maximumWhole) before and \(maximumFraction) after (0 to 999999999999999)"
        case let .unknownField(known):
            return "unknown field (ignored); known fields: \(known.joined(separator: ", "))"
        case let .noRecords(name): return "no [[\(name)]] records"
        case let .expectedRecords(name): return "expected [[\(name)]] records (an array of tables)"
        case .expectedTable: return "expected a table"
        case let .missingTable(name): return "missing [\(name)] table"
        case let .noFigureRecords(towns, monthly):
            return monthly
                ? "no [[figure]] records: the figures of towns.toml's \(towns) towns come only from monthly/; "
                    + "was the file cut short?"
                : "no [[figure]] records, though towns.toml lists \(towns) towns: every figure would be unknown (—); "
                    + "was the file cut short? (a dataset starting empty gives one figure, such as a town's plan_total)"
        case let .tomlSyntax(detail, context): return "TOML syntax: \(TOMLSyntaxWords(detail: detail, context: context).english)"
        case .notUTF8: return "not valid UTF-8 text (save the file as UTF-8)"
        case .notUTF8CutShort:
            return "not valid UTF-8 text: the file ends in the middle of a character; was it cut short? "
                + "(copy or save it again whole)"
        case let .emptyFile(zeroBytes):
            return zeroBytes ? "is empty (0 bytes); a data file holds TOML records"
                : "is empty (only blank space); a data file holds TOML records"
        case .fileNotFound: return "file not found"
        case .fileNotFoundFolderIsFile: return "file not found (a folder on its path is a file)"
        case let .linkToNothing(target): return "is a symbolic link to '\(target)', which does not exist"
        case let .symlinkLoop(link):
            return "symlink loop: the symbolic links on this path point at each other and never reach a file"
                + (link.map { " (\($0))" } ?? "")
        case .permissionDenied:
            return "cannot be read: permission denied (the file or a folder above it is not readable by this user)"
        case let .cannotBeRead(reason): return "cannot be read: \(reason)"
        case let .isADirectory(role): return "is a directory, expected \(role.english)"
        case let .notARegularFile(role):
            return "is not a regular file (a device, FIFO or socket), expected \(role.english)"
        case let .fileTooLarge(bytes, limit, role):
            return "file is \(bytes) bytes, more than the \(limit) allowed for \(role.english) (not read)"
        case let .fileGrew(limit, role):
            return "file grew past the \(limit) bytes allowed for \(role.english) while it was read"
        case let .folderLinkToNothing(folder, target):
            return "\(folder.english) is a symbolic link to '\(target)', which does not exist"
        case let .folderNotFound(folder): return "\(folder.english) not found"
        case let .folderLoop(folder):
            return "symlink loop: \(folder.english) is a symbolic link that never reaches a folder"
        case let .folderPermissionDenied(folder, listing):
            return "\(folder.english) cannot be \(listing ? "listed" : "read"): permission denied"
        case let .folderUnreadable(folder, listing, reason):
            return "\(folder.english) cannot be \(listing ? "listed" : "read"): \(reason)"
        case let .fileNotFolder(folder): return "is a file; expected \(folder.english)"
        case let .unknownTown(id): return "unknown town '\(id)' (not in towns.toml)"
        case let .unknownSource(id): return "unknown source '\(id)' (not in sources.toml)"
        case let .unknownEntity(id): return "unknown entity '\(id)' (not in entities.toml)"
        case let .duplicateTownName(name, at): return "duplicate town name '\(name)' (first at \(at))"
        case let .duplicateRecord(record, id, at):
            return "duplicate \(record.rawValue) '\(id)'" + (at.map { " (first at \($0))" } ?? "")
        case let .duplicateTownUnknowns(id, at, unknown, n):
            return "duplicate town '\(id)'" + (at.map { " (first at \($0))" } ?? "")
                + "; \(n) reference\(n == 1 ? "" : "s") in other files to \(unknown.map { "'\($0)'" }.joined(separator: ", ")), "
                + "not in towns.toml, not listed: was this record's id one of them?"
        case let .value(v): return v.english
        case let .sheet(v): return v.english
        case let .recordsLost(records, files):
            let shown = records.prefix(5).joined(separator: ", ")
                + (records.count > 5 ? ", +\(records.count - 5) more" : "")
            return EnglishCount.of(records.count, "record") + " gone after \(files) shrank (half-written?): \(shown)"
        case let .filesRemoved(names):
            return "\(names.joined(separator: ", ")) removed: what \(names.count == 1 ? "it" : "they") held is no longer shown"
        }
    }

    /// The Chinese words (the system's own words stay as it gives them; the TOML parser's only
    /// as a quoted aside after Chinese that says what went wrong, `TOMLSyntaxWords`).
    public var chinese: String {
        switch self {
        case .missingRequired: return "缺少（必填）"
        case .blankText: return "为空"
        case let .wrongType(expected, found): return "应为\(expected.chinese)，实为\(found.chinese)"
        case let .wrongElementType(found): return "应为字符串数组，其中一个元素是\(found.chinese)"
        case let .textTooLong(bytes, limit):
            return "长 \(bytes) 字节；文本字段最多 \(limit) 字节（名称、引文、说明）"
        case let .notFinite(d): return "\(d) 不是有限数"
        case let .beyondDecimal(d): return "\(d) 过大或过小，不能作为金额"
        case let .notADecimal(text): return "「\(text)」不是十进制数"
        case let .notAsPrinted(text):
            return "\(text) 不是报告所印的数字写法：不用十六进制、八进制、二进制，数字间不用「_」（请写十进制数字，如 16、93）"
        case let .negative(text): return "\(text) 为负数"
        case let .tooManyDigits(text, whole, fraction, maximumWhole, maximumFraction):
            return "\(text) 小数点前 \(whole) 位、后 \(fraction) 位；数值最多小数点前 \(maximumWhole) 位、"
                + "后 \(maximumFraction) 位（0 至 999999999999999）"
        case let .unknownField(known): return "未知字段（已忽略）；已知字段：\(known.joined(separator: "、"))"
        case let .noRecords(name): return "没有 [[\(name)]] 记录"
        case let .expectedRecords(name): return "应为 [[\(name)]] 记录（表数组）"
        case .expectedTable: return "应为表"
        case let .missingTable(name): return "缺少 [\(name)] 表"
        case let .noFigureRecords(towns, monthly):
            return monthly
                ? "没有 [[figure]] 记录：towns.toml 的 \(towns) 个小镇的数字只来自 monthly/；文件是否被截断？"
                : "没有 [[figure]] 记录，但 towns.toml 列有 \(towns) 个小镇：每个数字都将是未知（—）；文件是否被截断？"
                    + "（从空数据起步的数据集请至少给出一个数字，如某镇的 plan_total）"
        case let .tomlSyntax(detail, context): return "TOML 语法错误：\(TOMLSyntaxWords(detail: detail, context: context).chinese)"
        case .notUTF8: return "不是有效的 UTF-8 文本（请以 UTF-8 保存文件）"
        case .notUTF8CutShort: return "不是有效的 UTF-8 文本：文件在一个字符的中间结束，是否被截断？（请完整地重新复制或保存）"
        case let .emptyFile(zeroBytes):
            return zeroBytes ? "为空（0 字节）；数据文件应有 TOML 记录" : "为空（只有空白）；数据文件应有 TOML 记录"
        case .fileNotFound: return "找不到文件"
        case .fileNotFoundFolderIsFile: return "找不到文件（路径上的某个目录是文件）"
        case let .linkToNothing(target): return "是指向「\(target)」的符号链接，目标不存在"
        case let .symlinkLoop(link):
            return "符号链接循环：此路径上的符号链接互相指向，始终到不了文件" + (link.map { "（\($0)）" } ?? "")
        case .permissionDenied: return "无法读取：权限不足（此用户不能读该文件或其上层目录）"
        case let .cannotBeRead(reason): return "无法读取：\(SystemWords.zh(reason))"
        case let .isADirectory(role): return "是目录，应为\(role.chinese)"
        case let .notARegularFile(role): return "不是普通文件（设备、FIFO 或套接字），应为\(role.chinese)"
        case let .fileTooLarge(bytes, limit, role):
            return "文件 \(bytes) 字节，超过\(role.chinese)允许的 \(limit) 字节（未读取）"
        case let .fileGrew(limit, role): return "读取时文件增长，超过\(role.chinese)允许的 \(limit) 字节"
        case let .folderLinkToNothing(folder, target):
            return "\(folder.chinese)是指向「\(target)」的符号链接，目标不存在"
        case let .folderNotFound(folder): return "找不到\(folder.chinese)"
        case let .folderLoop(folder): return "符号链接循环：\(folder.chinese)是始终到不了目录的符号链接"
        case let .folderPermissionDenied(folder, listing):
            return "\(folder.chinese)无法\(listing ? "列出" : "读取")：权限不足"
        case let .folderUnreadable(folder, listing, reason):
            return "\(folder.chinese)无法\(listing ? "列出" : "读取")：\(reason)"
        case let .fileNotFolder(folder): return "是文件；应为\(folder.chinese)"
        case let .unknownTown(id): return "未知的小镇「\(id)」（towns.toml 中没有）"
        case let .unknownSource(id): return "未知的来源「\(id)」（sources.toml 中没有）"
        case let .unknownEntity(id): return "未知的运营主体「\(id)」（entities.toml 中没有）"
        case let .duplicateTownName(name, at): return "小镇名称「\(name)」重复（首次在 \(at)）"
        case let .duplicateRecord(record, id, at):
            return "\(record.chinese)「\(id)」重复" + (at.map { "（首次在 \($0)）" } ?? "")
        case let .duplicateTownUnknowns(id, at, unknown, n):
            return "小镇「\(id)」重复" + (at.map { "（首次在 \($0)）" } ?? "")
                + "；其他文件中 \(n) 处引用的\(unknown.map { "「\($0)」" }.joined(separator: "、"))不在 towns.toml 中，未逐条列出："
                + "此记录的编号原本是否是其中之一？"
        case let .value(v): return v.chinese
        case let .sheet(v): return v.chinese
        case let .recordsLost(records, files):
            let shown = records.prefix(5).joined(separator: "、")
                + (records.count > 5 ? " 等，另有 \(records.count - 5) 条" : "")
            return "\(files) 变小（写到一半？），少了 \(records.count) 条记录：\(shown)"
        case let .filesRemoved(names):
            return "\(names.joined(separator: "、")) 已被移除：其中的内容不再显示"
        }
    }
}

extension LoadMessage.Expected {
    /// `a string`, `an array of strings`, ...
    public var english: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .boolean: return "true or false"
        case .stringArray: return "an array of strings"
        case .number: return "a number"
        }
    }

    /// 字符串、整数, ...
    public var chinese: String {
        switch self {
        case .string: return "字符串"
        case .integer: return "整数"
        case .boolean: return " true 或 false"
        case .stringArray: return "字符串数组"
        case .number: return "数字"
        }
    }
}

extension LoadMessage.Found {
    /// `a string`, `a date or time`, ...
    public var english: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .number: return "a number"
        case .boolean: return "a boolean"
        case .array: return "an array"
        case .table: return "a table"
        case .dateTime: return "a date or time"
        }
    }

    /// 字符串、日期或时间, ...
    public var chinese: String {
        switch self {
        case .string: return "字符串"
        case .integer: return "整数"
        case .number: return "数字"
        case .boolean: return "布尔值"
        case .array: return "数组"
        case .table: return "表"
        case .dateTime: return "日期或时间"
        }
    }
}

extension LoadMessage.Record {
    /// 小镇、期间、来源, ...
    public var chinese: String {
        switch self {
        case .town: return "小镇"
        case .period: return "期间"
        case .source: return "来源"
        case .entity: return "运营主体"
        case .city: return "城市"
        case .rule: return "规则"
        case .problem: return "问题"
        case .countermeasure: return "对策"
        case .basis: return "口径"
        case .passage: return "段落"
        }
    }
}

extension LoadMessage.FileRole {
    /// `a TOML file`, `a CSV file`.
    public var english: String { self == .toml ? "a TOML file" : "a CSV file" }
    /// TOML 文件、CSV 文件.
    public var chinese: String { self == .toml ? " TOML 文件" : " CSV 文件" }
}

extension LoadMessage.Folder {
    /// `the dataset folder`, `the folder of monthly files (YYYY-MM.toml)`.
    public var english: String {
        self == .dataset ? "the dataset folder" : "the folder of monthly files (YYYY-MM.toml)"
    }
    /// 数据集目录、月度文件目录（YYYY-MM.toml）.
    public var chinese: String { self == .dataset ? "数据集目录" : "月度文件目录（YYYY-MM.toml）" }
}
