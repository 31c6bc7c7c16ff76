import Foundation

/// The problems of a monthly sheet read by `towns import`, as data (wave 11): worded when shown
/// in English (the words `towns import` always printed) or Chinese, in the sheet's terms
/// (累计完成投资, 完成率, 已开工项目, 期间 …). The file, line, column and field stay in the
/// `LoadIssue` around it. Figures are given as written (`shown`: `1.2 亿元 (12000 万元)`).
public enum SheetProblem: Hashable, Sendable, Codable {
    // Encoding (SheetText).
    case bomNotUTF8
    case utf16
    case mixedEncodings(utf8Line: Int, otherLine: Int)
    case iconvFault
    /// Neither UTF-8 (bad byte on `utf8Line`) nor GB18030 (`byte`, or cut off when `truncated`).
    case neitherEncoding(utf8Line: Int, truncated: Bool, byte: String)
    /// Not UTF-8, and the system cannot convert GB18030 (`reason`, the English words).
    case noGB18030(reason: String)
    // Shape (MonthlySheet).
    case textAfterQuote
    case unclosedQuote
    case tooManyLines(lines: Int, maximum: Int)
    /// The CSV reader's words (English).
    case notCSV(String)
    /// No header row; `columns`: the known columns; `separators`: tabs or semicolons seen.
    case noHeader(columns: [String], separators: Bool)
    case tooManyFields(fields: Int, header: Int)
    case noDataRows
    case columnNotRead(String, known: [String])
    case secondColumn(label: String, first: Int)
    case amountUnit(String)
    case noAmountUnit
    case rateUnit(String)
    case countUnit(String)
    case unitIgnored(String, label: String)
    case missingColumn(label: String)
    // Cells (SheetNumber, SheetPeriod).
    case percentNotRate(String)
    case exponent(String)
    case twoPoints(String)
    case commaNotThousands(String)
    case tooManyWhole(String, digits: Int, maximum: Int)
    case tooManyFraction(String, digits: Int, maximum: Int)
    case notANumber(String)
    case negative(String)
    case emptyPeriod
    case notAMonth(String)
    case monthOutOfRange(String, month: Int)
    case yearOutside(String, year: Int, lower: Int, upper: Int)
    // Rows (MonthlyImport).
    case totalRow(String)
    case emptyTown
    case townTwice(nameZH: String, id: String, firstLine: Int)
    /// `known`: the towns as `id 名称`.
    case unknownTown(String, known: [String])
    case periodAfterNow(String, now: String)
    case periodDiffers(String, first: String, line: Int)
    case emptyCompleted
    case notWholeProjects(String)
    /// A figure beyond what any town's can be (`FigureBounds`, wave 43): refused as the loader refuses it.
    case implausible(FigureBounds.Problem)
    /// `town` already has `measure` for `period` in another file (`at`); `basis`: on another basis.
    case alreadyHas(town: String, measure: String, period: String, at: String, basis: String?, completed: Bool)
    case aboveThreeYearPlan(shown: String, plan: String, at: String)
    /// Lower than an earlier period's (`labelEN`/`labelZH`, `id`); `moreThan`: a lower bound.
    case completedFalls(shown: String, earlier: String, labelEN: String, labelZH: String, id: String, at: String)
    case completedAboveLater(shown: String, later: String, labelEN: String, labelZH: String, id: String, at: String)
    case notAboveMoreThan(shown: String, bound: String, labelEN: String, labelZH: String, id: String, at: String)
    case startedAbovePlanned(String, planned: String, at: String)
    /// More started in one town than the city's towns plan in all (`totals.toml`'s
    /// projects_planned: 89 for the five, the paper's 二(三); wave 24, fresh user F13).
    case startedAboveCityPlanned(String, planned: String, at: String)
    case startedFalls(String, earlier: String, id: String, at: String)
    case startedAboveLater(String, later: String, id: String, at: String)
    /// A warning (wave 24, fresh user F5): a completion rate below an earlier period's of the same
    /// year (`later` false) or above a later one's (`later` true), beyond their printed rounding.
    /// A rate is cumulative over one year's plan, so it falls only if the plan changed; the row is
    /// imported all the same (`dryRun`: a dry run, which writes nothing, says it would be).
    case rateOutOfOrder(shown: String, other: String, labelEN: String, labelZH: String, id: String, at: String,
                        later: Bool, dryRun: Bool = false)
    // The import (MonthlyImporter).
    case noTownRows
    case sourceExists(id: String, period: String)

    /// The English words (as `towns import` always printed them).
    public var english: String {
        switch self {
        case .bomNotUTF8:
            return "starts with a UTF-8 byte-order mark but is not valid UTF-8; save the sheet again as \"CSV UTF-8\""
        case .utf16: return "is UTF-16 or UTF-32 text (\"Unicode text\"); save the sheet as CSV, in UTF-8 or GB18030"
        case let .mixedEncodings(a, b):
            return "mixes encodings: line \(a) is UTF-8 but line \(b) is not "
                + "(GB18030?); save the whole sheet once, as CSV in UTF-8 or in GB18030"
        case .iconvFault: return "GB18030 conversion gave invalid UTF-8 (iconv fault)"
        case let .neitherEncoding(line, truncated, byte):
            return "is neither UTF-8 (bad byte on line \(line)) nor GB18030 ("
                + (truncated ? "cut off in the middle of a character" : "bad byte \(byte)")
                + "); save the sheet as CSV in UTF-8 or GB18030"
        case let .noGB18030(reason): return "is not UTF-8, and \(reason)"
        case .textAfterQuote:
            return "text after the closing quote of a quoted field; a quote inside a field is doubled (\"\"), "
                + "and the whole field is quoted"
        case .unclosedQuote: return "a quoted field starts here and is never closed (a missing \")"
        case let .tooManyLines(lines, maximum):
            return "the sheet has \(lines) lines, more than a spreadsheet's \(maximum) rows "
                + "(blank lines at the end? delete them and save the sheet again)"
        case let .notCSV(error): return "cannot be read as CSV: \(error)"
        case let .noHeader(columns, separators):
            return "no header row: a row must name the columns (\(columns.joined(separator: ", ")))"
                + (separators ? "; the sheet seems to separate fields with tabs or semicolons: save it as CSV "
                    + "(comma-separated)" : "")
        case let .tooManyFields(fields, header):
            return "the row has \(fields) fields, the header \(header); a number with an unquoted comma? Quote it "
                + "(\"1,234.5\") or drop the comma"
        case .noDataRows: return "no data rows below the header"
        case let .columnNotRead(raw, known):
            return "column '\(raw)' is not read (known: \(known.joined(separator: ", ")))"
        case let .secondColumn(label, first): return "a second \(label) column (the first is column \(first))"
        case let .amountUnit(u): return "unit '\(u)' is not understood; write 亿元 or 万元, e.g. 累计完成投资（万元）"
        case .noAmountUnit:
            return "no unit: write it in the header, e.g. 累计完成投资（亿元）, 累计完成投资（万元） or completed (亿元)"
        case let .rateUnit(u): return "unit '\(u)' is not understood; a completion rate is in % (完成率（%）)"
        case let .countUnit(u): return "unit '\(u)' is not understood; projects are counted (已开工项目（个）)"
        case let .unitIgnored(u, label): return "'(\(u))' after \(label) is ignored"
        case let .missingColumn(label): return "the header has no \(label) column"
        case let .percentNotRate(raw): return "'\(raw)' has a %, but this column is not a rate"
        case let .exponent(raw):
            return "'\(raw)' is written with an exponent; format the column as a number with all its digits"
        case let .twoPoints(raw): return "'\(raw)' is not a number (more than one decimal point)"
        case let .commaNotThousands(raw):
            return "'\(raw)' is not a number: a comma may only separate thousands (1,234.5); the decimal point is '.'"
        case let .tooManyWhole(raw, n, max):
            return "'\(raw)' has \(n) digits before the point; a figure has at most \(max)"
        case let .tooManyFraction(raw, n, max):
            return "'\(raw)' has \(n) digits after the point; a figure has at most \(max)"
        case let .notANumber(raw): return "'\(raw)' is not a number"
        case let .negative(raw): return "'\(raw)' is negative"
        case .emptyPeriod: return "is empty; write the month as YYYY-MM (2015-10)"
        case let .notAMonth(raw):
            return "'\(raw)' is not a month; write the month as YYYY-MM (2015-10) or 2015年10月; if a spreadsheet "
                + "turned it into a date, format the column as text"
        case let .monthOutOfRange(raw, month): return "'\(raw)': \(month) is not a month (1-12)"
        case let .yearOutside(raw, year, lo, hi): return "'\(raw)': the year \(year) is outside \(lo)-\(hi)"
        case let .totalRow(text): return "'\(text)' is a total row: skipped (the city's totals are in totals.toml)"
        case .emptyTown: return "empty; give the town's id, Chinese or English name"
        case let .townTwice(zh, id, line): return "\(zh) (\(id)) is already on line \(line); one row a town in a month"
        case let .unknownTown(text, known):
            return "unknown town '\(text)'; towns.toml has \(known.joined(separator: ", "))"
        case let .periodAfterNow(id, now): return "\(id) is after the current month (\(now))"
        case let .periodDiffers(id, first, line):
            return "\(id) differs from \(first) on line \(line); a sheet holds one month"
        case .emptyCompleted:
            return "empty; give the completed investment cumulative from January, or leave the town out of the sheet"
        case let .notWholeProjects(text): return "'\(text)' is not a whole number of projects"
        case let .implausible(problem): return problem.english
        case let .alreadyHas(town, measure, period, at, basis, completed):
            return "\(town) already has \(measure) for \(period)\(at)"
                + (basis.map { " (on another basis, \($0): one figure per town, measure and period)" } ?? "")
                + "; that file is not rewritten by an import: remove the figure there, or "
                + (completed ? "leave this town's row out of the sheet" : "leave the cell blank")
        case let .aboveThreeYearPlan(shown, plan, at):
            return "\(shown) is above the town's 3-year planned investment \(plan)\(at)"
        case let .completedFalls(shown, earlier, label, _, id, at):
            return "\(shown) is lower than the \(earlier) completed by \(label) (\(id))\(at); completed investment is "
                + "cumulative from January, so it cannot fall; if the earlier figure is the wrong one, correct it "
                + "first (import that month's sheet again, or towns edit its file)"
        case let .completedAboveLater(shown, later, label, _, id, at):
            return "\(shown) is higher than the \(later) completed by the later \(label) (\(id))\(at); completed "
                + "investment is cumulative from January, so it cannot fall; if the later figure is the wrong one, "
                + "correct it first (import that month's sheet again, or towns edit its file)"
        case let .notAboveMoreThan(shown, bound, label, _, id, at):
            return "\(shown) is not above the more than \(bound) completed by \(label) (\(id))\(at); completed "
                + "investment is cumulative from January"
        case let .startedAbovePlanned(v, planned, at):
            return "\(v) started is more than the \(planned) projects planned\(at)"
        case let .startedAboveCityPlanned(v, planned, at):
            return "\(v) started is more than the \(planned) projects the city's towns plan in all\(at)"
        case let .startedFalls(v, e, id, at):
            return "\(v) is fewer than the \(e) started by \(id)\(at); started projects are counted from the start of "
                + "creation, so the count cannot fall"
        case let .rateOutOfOrder(shown, other, label, _, id, at, later, dryRun):
            return "\(shown) is \(later ? "higher" : "lower") than the \(other) completion rate of "
                + "\(later ? "the later " : "")\(label) (\(id))\(at); a completion rate is cumulative from January over "
                + "one year's plan, so it falls only if the plan changed: one of the two may be wrong "
                + (dryRun ? "(dry run: it would be imported all the same; check it)"
                    : "(imported all the same; check it)")
        case let .startedAboveLater(v, e, id, at):
            return "\(v) is more than the \(e) started by the later \(id)\(at); the count cannot fall"
        case .noTownRows: return "no town rows to import"
        case let .sourceExists(id, period):
            return "the dataset already has a source '\(id)' outside monthly/\(period).toml; rename it there"
        }
    }

    /// The Chinese words, in the sheet's terms.
    public var chinese: String {
        switch self {
        case .bomNotUTF8: return "以 UTF-8 字节顺序标记开头，但不是有效的 UTF-8；请重新另存为「CSV UTF-8」"
        case .utf16: return "是 UTF-16 或 UTF-32 文本（「Unicode 文本」）；请另存为 UTF-8 或 GB18030 编码的 CSV"
        case let .mixedEncodings(a, b):
            return "编码混杂：第 \(a) 行是 UTF-8，第 \(b) 行不是（GB18030？）；请把整张表一次另存为 UTF-8 或 GB18030 的 CSV"
        case .iconvFault: return "GB18030 转换得到无效的 UTF-8（iconv 故障）"
        case let .neitherEncoding(line, truncated, byte):
            return "既不是 UTF-8（第 \(line) 行有坏字节），也不是 GB18030（"
                + (truncated ? "字符在中间被截断" : "坏字节 \(byte)") + "）；请另存为 UTF-8 或 GB18030 的 CSV"
        case let .noGB18030(reason): return "不是 UTF-8，且本系统无法转换 GB18030（\(reason)）"
        case .textAfterQuote: return "带引号的字段在右引号后还有文字；字段内的引号须写两次（\"\"），整个字段加引号"
        case .unclosedQuote: return "带引号的字段从此处开始，但没有结束（缺少 \"）"
        case let .tooManyLines(lines, maximum):
            return "表格有 \(lines) 行，超过电子表格的 \(maximum) 行（末尾有空行？删去后重新保存）"
        case let .notCSV(error): return "无法按 CSV 读取：\(error)"
        case let .noHeader(columns, separators):
            return "没有表头行：须有一行写明各列（\(columns.joined(separator: "、"))）"
                + (separators ? "；表格似乎用制表符或分号分隔字段：请另存为 CSV（逗号分隔）" : "")
        case let .tooManyFields(fields, header):
            return "这一行有 \(fields) 个字段，表头有 \(header) 个；数字里有未加引号的逗号？请加引号（\"1,234.5\"）或去掉逗号"
        case .noDataRows: return "表头下没有数据行"
        case let .columnNotRead(raw, known): return "不读取列「\(raw)」（可读的列：\(known.joined(separator: "、"))）"
        case let .secondColumn(label, first): return "第二个 \(label) 列（第一个是第 \(first) 列）"
        case let .amountUnit(u): return "不认识单位「\(u)」；请写亿元或万元，如 累计完成投资（万元）"
        case .noAmountUnit: return "没有单位：请在表头写明，如 累计完成投资（亿元）、累计完成投资（万元）或 completed (亿元)"
        case let .rateUnit(u): return "不认识单位「\(u)」；完成率以 % 计（完成率（%））"
        case let .countUnit(u): return "不认识单位「\(u)」；项目按个计（已开工项目（个））"
        case let .unitIgnored(u, label): return "\(label) 后的「(\(u))」被忽略"
        case let .missingColumn(label): return "表头没有 \(label) 列"
        case let .percentNotRate(raw): return "「\(raw)」带 %，但此列不是完成率"
        case let .exponent(raw): return "「\(raw)」用了科学计数法；请把此列设为显示全部位数的数字"
        case let .twoPoints(raw): return "「\(raw)」不是数字（多于一个小数点）"
        case let .commaNotThousands(raw): return "「\(raw)」不是数字：逗号只能作千位分隔（1,234.5）；小数点是「.」"
        case let .tooManyWhole(raw, n, max): return "「\(raw)」小数点前有 \(n) 位；数值至多 \(max) 位"
        case let .tooManyFraction(raw, n, max): return "「\(raw)」小数点后有 \(n) 位；数值至多 \(max) 位"
        case let .notANumber(raw): return "「\(raw)」不是数字"
        case let .negative(raw): return "「\(raw)」是负数"
        case .emptyPeriod: return "为空；请按 YYYY-MM（2015-10）写月份"
        case let .notAMonth(raw):
            return "「\(raw)」不是月份；请写成 YYYY-MM（2015-10）或 2015年10月；若电子表格把它变成了日期，请把此列设为文本"
        case let .monthOutOfRange(raw, month): return "「\(raw)」：\(month) 不是月份（1-12）"
        case let .yearOutside(raw, year, lo, hi): return "「\(raw)」：年份 \(year) 不在 \(lo)-\(hi) 之内"
        case let .totalRow(text): return "「\(text)」是合计行：已跳过（全市合计在 totals.toml 中）"
        case .emptyTown: return "为空；请填小镇的编号、中文名或英文名"
        case let .townTwice(zh, id, line): return "\(zh)（\(id)）已在第 \(line) 行；每个小镇每月一行"
        case let .unknownTown(text, known): return "未知的小镇「\(text)」；towns.toml 中有 \(known.joined(separator: "、"))"
        case let .periodAfterNow(id, now): return "\(id) 晚于本月（\(now)）"
        case let .periodDiffers(id, first, line): return "\(id) 与第 \(line) 行的 \(first) 不同；一张表只含一个月"
        case .emptyCompleted: return "为空；请填自 1 月起累计的完成投资，或把该小镇从表中删去"
        case let .notWholeProjects(text): return "「\(text)」不是整数个项目"
        case let .implausible(problem): return problem.chinese
        case let .alreadyHas(town, measure, period, at, basis, completed):
            return "\(town) 已有 \(period) 的 \(measure)\(at)"
                + (basis.map { "（另一口径 \($0)：每个小镇、指标和期间只有一个数值）" } ?? "")
                + "；导入不会改写那个文件：请在那里删去该数值，或"
                + (completed ? "把该小镇的行从表中删去" : "让这一格空着")
        case let .aboveThreeYearPlan(shown, plan, at): return "\(shown) 高于该小镇三年计划投资 \(plan)\(at)"
        case let .completedFalls(shown, earlier, _, label, id, at):
            return "\(shown) 低于\(label)（\(id)）已完成的 \(earlier)\(at)；完成投资自 1 月起累计，不会减少；"
                + "若先前的数字有误，请先更正它（重新导入该月的表，或用 towns edit 改它的文件）"
        case let .completedAboveLater(shown, later, _, label, id, at):
            return "\(shown) 高于其后的\(label)（\(id)）已完成的 \(later)\(at)；完成投资自 1 月起累计，不会减少；"
                + "若其后的数字有误，请先更正它（重新导入该月的表，或用 towns edit 改它的文件）"
        case let .notAboveMoreThan(shown, bound, _, label, id, at):
            return "\(shown) 不高于\(label)（\(id)）已完成的逾 \(bound)\(at)；完成投资自 1 月起累计"
        case let .startedAbovePlanned(v, planned, at): return "已开工 \(v) 个，多于计划的 \(planned) 个项目\(at)"
        case let .startedAboveCityPlanned(v, planned, at):
            return "已开工 \(v) 个，多于全市各小镇共计划的 \(planned) 个项目\(at)"
        case let .startedFalls(v, e, id, at):
            return "\(v) 少于 \(id) 已开工的 \(e) 个\(at)；已开工项目自创建起累计，不会减少"
        case let .rateOutOfOrder(shown, other, _, label, id, at, later, dryRun):
            return "\(shown) \(later ? "高于其后的" : "低于")\(label)（\(id)）的完成率 \(other)\(at)；"
                + "完成率是自 1 月起累计完成占同一年计划的比例，计划不变就不会下降：两个数中可能有一个有误"
                + (dryRun ? "（试导入：正式导入时仍会导入，请核对）" : "（仍已导入，请核对）")
        case let .startedAboveLater(v, e, id, at): return "\(v) 多于其后 \(id) 已开工的 \(e) 个\(at)；项目数不会减少"
        case .noTownRows: return "没有可导入的小镇行"
        case let .sourceExists(id, period):
            return "数据集在 monthly/\(period).toml 之外已有来源「\(id)」；请在那里改名"
        }
    }
}

extension SheetProblem {
    /// The kinds of sheet problem, without their arguments: a test iterates them (a case added to
    /// `SheetProblem` must be added here: the `kind` switch does not compile else).
    public enum Kind: String, CaseIterable, Sendable {
        case bomNotUTF8, utf16, mixedEncodings, iconvFault, neitherEncoding, noGB18030
        case textAfterQuote, unclosedQuote, tooManyLines, notCSV, noHeader, tooManyFields
        case noDataRows, columnNotRead, secondColumn, amountUnit, noAmountUnit, rateUnit
        case countUnit, unitIgnored, missingColumn, percentNotRate, exponent, twoPoints
        case commaNotThousands, tooManyWhole, tooManyFraction, notANumber, negative, emptyPeriod
        case notAMonth, monthOutOfRange, yearOutside, totalRow, emptyTown, townTwice
        case unknownTown, periodAfterNow, periodDiffers, emptyCompleted, notWholeProjects, alreadyHas
        case aboveThreeYearPlan, completedFalls, completedAboveLater, notAboveMoreThan, startedAbovePlanned
        case startedFalls
        case startedAboveLater, noTownRows, sourceExists, rateOutOfOrder, startedAboveCityPlanned, implausible
    }

    /// The problem's kind.
    public var kind: Kind {
        switch self {
        case .bomNotUTF8: return .bomNotUTF8
        case .utf16: return .utf16
        case .mixedEncodings: return .mixedEncodings
        case .iconvFault: return .iconvFault
        case .neitherEncoding: return .neitherEncoding
        case .noGB18030: return .noGB18030
        case .textAfterQuote: return .textAfterQuote
        case .unclosedQuote: return .unclosedQuote
        case .tooManyLines: return .tooManyLines
        case .notCSV: return .notCSV
        case .noHeader: return .noHeader
        case .tooManyFields: return .tooManyFields
        case .noDataRows: return .noDataRows
        case .columnNotRead: return .columnNotRead
        case .secondColumn: return .secondColumn
        case .amountUnit: return .amountUnit
        case .noAmountUnit: return .noAmountUnit
        case .rateUnit: return .rateUnit
        case .countUnit: return .countUnit
        case .unitIgnored: return .unitIgnored
        case .missingColumn: return .missingColumn
        case .percentNotRate: return .percentNotRate
        case .exponent: return .exponent
        case .twoPoints: return .twoPoints
        case .commaNotThousands: return .commaNotThousands
        case .tooManyWhole: return .tooManyWhole
        case .tooManyFraction: return .tooManyFraction
        case .notANumber: return .notANumber
        case .negative: return .negative
        case .emptyPeriod: return .emptyPeriod
        case .notAMonth: return .notAMonth
        case .monthOutOfRange: return .monthOutOfRange
        case .yearOutside: return .yearOutside
        case .totalRow: return .totalRow
        case .emptyTown: return .emptyTown
        case .townTwice: return .townTwice
        case .unknownTown: return .unknownTown
        case .periodAfterNow: return .periodAfterNow
        case .periodDiffers: return .periodDiffers
        case .emptyCompleted: return .emptyCompleted
        case .notWholeProjects: return .notWholeProjects
        case .implausible: return .implausible
        case .alreadyHas: return .alreadyHas
        case .aboveThreeYearPlan: return .aboveThreeYearPlan
        case .completedFalls: return .completedFalls
        case .completedAboveLater: return .completedAboveLater
        case .notAboveMoreThan: return .notAboveMoreThan
        case .startedAbovePlanned: return .startedAbovePlanned
        case .startedFalls: return .startedFalls
        case .startedAboveLater: return .startedAboveLater
        case .rateOutOfOrder: return .rateOutOfOrder
        case .startedAboveCityPlanned: return .startedAboveCityPlanned
        case .noTownRows: return .noTownRows
        case .sourceExists: return .sourceExists
        }
    }

    /// One problem of each kind, with made-up arguments (for tests of the words).
    public static func sample(_ kind: Kind) -> SheetProblem {
        switch kind {
        case .bomNotUTF8: return .bomNotUTF8
        case .utf16: return .utf16
        case .mixedEncodings: return .mixedEncodings(utf8Line: 2, otherLine: 5)
        case .iconvFault: return .iconvFault
        case .neitherEncoding: return .neitherEncoding(utf8Line: 3, truncated: false, byte: "0xFF")
        case .noGB18030: return .noGB18030(reason: "iconv")
        case .textAfterQuote: return .textAfterQuote
        case .unclosedQuote: return .unclosedQuote
        case .tooManyLines: return .tooManyLines(lines: 2_000_000, maximum: 1_048_576)
        case .notCSV: return .notCSV("bad record")
        case .noHeader: return .noHeader(columns: ["小镇/town", "期间/period"], separators: true)
        case .tooManyFields: return .tooManyFields(fields: 5, header: 4)
        case .noDataRows: return .noDataRows
        case .columnNotRead: return .columnNotRead("备注", known: ["小镇/town"])
        case .secondColumn: return .secondColumn(label: "小镇/town", first: 1)
        case .amountUnit: return .amountUnit("USD")
        case .noAmountUnit: return .noAmountUnit
        case .rateUnit: return .rateUnit("亿元")
        case .countUnit: return .countUnit("亿元")
        case .unitIgnored: return .unitIgnored("亿元", label: "小镇/town")
        case .missingColumn: return .missingColumn(label: "期间/period")
        case .percentNotRate: return .percentNotRate("72%")
        case .exponent: return .exponent("1.2E+05")
        case .twoPoints: return .twoPoints("1.2.3")
        case .commaNotThousands: return .commaNotThousands("1,23")
        case .tooManyWhole: return .tooManyWhole("1", digits: 16, maximum: 15)
        case .tooManyFraction: return .tooManyFraction("0.1", digits: 16, maximum: 15)
        case .notANumber: return .notANumber("abc")
        case .negative: return .negative("-3")
        case .emptyPeriod: return .emptyPeriod
        case .notAMonth: return .notAMonth("10/2015")
        case .monthOutOfRange: return .monthOutOfRange("2015-13", month: 13)
        case .yearOutside: return .yearOutside("1007-10", year: 1007, lower: 1900, upper: 2999)
        case .totalRow: return .totalRow("合计")
        case .emptyTown: return .emptyTown
        case .townTwice: return .townTwice(nameZH: "梦想小镇", id: "hz-01", firstLine: 3)
        case .unknownTown: return .unknownTown("乌镇x", known: ["hz-01 梦想小镇"])
        case .periodAfterNow: return .periodAfterNow("2030-01", now: "2026-12")
        case .periodDiffers: return .periodDiffers("2015-10", first: "2015-09", line: 2)
        case .emptyCompleted: return .emptyCompleted
        case .notWholeProjects: return .notWholeProjects("2.5")
        case .implausible: return .implausible(.sample(.rate))
        case .alreadyHas: return .alreadyHas(town: "hz-01", measure: "completed", period: "2015-09",
                                             at: " (figures.toml:3)", basis: nil, completed: true)
        case .aboveThreeYearPlan: return .aboveThreeYearPlan(shown: "99 亿元", plan: "50", at: "")
        case .completedFalls: return .completedFalls(shown: "1 亿元", earlier: "2", labelEN: "2015 Jan-Sep",
                                                     labelZH: "2015年1-9月", id: "2015-09", at: "")
        case .completedAboveLater: return .completedAboveLater(shown: "3 亿元", later: "2", labelEN: "2015 Jan-Sep",
                                                               labelZH: "2015年1-9月", id: "2015-09", at: "")
        case .notAboveMoreThan: return .notAboveMoreThan(shown: "1 亿元", bound: "2", labelEN: "2015 Jan-Sep",
                                                         labelZH: "2015年1-9月", id: "2015-09", at: "")
        case .startedAbovePlanned: return .startedAbovePlanned("12", planned: "10", at: "")
        case .startedFalls: return .startedFalls("3", earlier: "5", id: "2015-09", at: "")
        case .startedAboveLater: return .startedAboveLater("7", later: "5", id: "2015-12", at: "")
        case .startedAboveCityPlanned: return .startedAboveCityPlanned("95", planned: "89", at: "")
        case .rateOutOfOrder: return .rateOutOfOrder(shown: "19%", other: "20.7%", labelEN: "2015 Jan-Sep",
                                                     labelZH: "2015年1-9月", id: "2015-09", at: "", later: false)
        case .noTownRows: return .noTownRows
        case .sourceExists: return .sourceExists(id: "import-2015-10", period: "2015-10")
        }
    }
}
