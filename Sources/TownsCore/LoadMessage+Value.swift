import Foundation

/// The value checks of the loaders as data (wave 11): what a field's value cannot be, worded
/// when shown in English (the words the loader always printed, which tests and scripts match)
/// or Chinese, in the field's terms (发展类型, 名单阶段, 运营模式, 期间, 开工 …). The file, line and
/// field stay in the `LoadIssue` around it.
public enum ValueProblem: Hashable, Sendable, Codable {
    /// The choices a word field holds (`'x' is not a mode (group-led, joint)`).
    public enum Choice: String, CaseIterable, Hashable, Sendable, Codable {
        case ruleKind, group, status, listStage, mode, measure
    }

    /// A monthly file with records other than period, source and figure.
    case monthlyFileRecords
    /// A period's `through` outside 1-12.
    case notAMonth(Int)
    /// A year outside the data's years (`lower`-`upper`).
    case notADataYear(Int, lower: Int, upper: Int)
    /// A period id that does not match its year and month (`expected`).
    case periodIDMismatch(id: String, year: Int, through: Int, expected: String)
    /// Periods not oldest first.
    case periodsOutOfOrder(id: String, after: String)
    /// A development type's number outside 1-4.
    case notATypeNumber(Int)
    /// A development type given twice.
    case duplicateType(Int)
    /// Fields that exclude each other (two or three, named as written).
    case onlyOneOf([String])
    /// An interpretation listing fewer than two readings.
    case readingsTooFew
    /// A record with neither source, formula nor interpretation.
    case noProvenance
    /// A date not written YYYY, YYYY-MM or YYYY-MM-DD (`full`: only YYYY-MM-DD is allowed).
    case notADate(String, full: Bool)
    /// A date whose year is not one of the data's.
    case dateYear(String, year: Int, lower: Int, upper: Int)
    /// A date whose month is not 01-12.
    case dateMonth(String, month: Int)
    /// A date whose day is not in its month (`yearMonth` has `days` days).
    case dateDay(String, yearMonth: String, days: Int)
    /// A reading that is not toneless pinyin.
    case notPinyin(String)
    /// A reading with another number of syllables than the name has characters.
    case syllableCount(reading: String, syllables: Int, name: String, characters: Int)
    /// An id that is not ASCII letters, digits, '-' or '_'.
    case notAnIdentifier(String)
    /// A city name not among the [[city]] records.
    case unknownCity(String)
    /// A town listed twice on the province's list.
    case townListedTwice(String)
    /// A word not among a field's choices (`allowed`, as written in the data).
    case notOneOf(String, Choice, allowed: [String])
    /// A field a rule of `kind` requires.
    case missingForRule(String)
    /// A problem or countermeasure id not in problems.toml.
    case unknownRecord(LoadMessage.Record, String)
    /// A basis id not in dataset.toml.
    case unknownBasis(String)
    /// A town's development type not in types.toml.
    case typeNotInTypes(Int)
    /// A town listing an entity twice.
    case listsEntityTwice
    /// A value both with a source and fitted.
    case sourcedNotFitted
    /// A town's figure given twice (`firstAt`: where first, when known).
    case duplicateFigure(key: String, town: String, firstAt: String?)
    /// A total given twice.
    case duplicateTotal(String)
    /// A figure of the whole creation period given a period.
    case takesNoPeriod(measure: String)
    /// A yearly figure's period that is not a year.
    case notAYear(String)
    /// A yearly figure without a year.
    case missingYear(measure: String)
    /// A period id not in dataset.toml or monthly files (`known`).
    case unknownPeriod(String, known: [String])
    /// A cumulative figure without a period.
    case missingPeriod(measure: String)
    /// A figure with neither value nor more_than.
    case noValue
    /// A share above 100% (as written).
    case shareAbove100(String)
    /// A completion rate above twice the year's plan (a warning).
    case completionAboveTwice(String)
    /// A count of projects with decimals.
    case notWholeProjects(String)
    /// A figure beyond what any town's can be (`FigureBounds`, wave 43).
    case implausible(FigureBounds.Problem)
    /// A unit other than 亿元.
    case unitNotSupported(String)
    /// A table the file does not hold (a warning; `expected`: the records it holds).
    case unknownTable(expected: String)
    /// An error of the system or a library, in its own (English) words.
    case unexpected(String)
    /// `readings_zh` with another number of readings than `readings`.
    case readingsZHCount(Int, Int)

    /// The English words (as the loader always printed them).
    public var english: String {
        switch self {
        case .monthlyFileRecords: return "a monthly file holds only [[period]], [[source]] and [[figure]] records"
        case let .notAMonth(n): return "\(n) is not a month (1-12)"
        case let .notADataYear(y, lo, hi): return "\(y) is not a year of the data (\(lo)-\(hi))"
        case let .periodIDMismatch(id, year, through, expected):
            return "'\(id)' does not match year \(year) and through \(through) (expected \(expected))"
        case let .periodsOutOfOrder(id, after):
            return "periods must be listed oldest first ('\(id)' follows '\(after)')"
        case let .notATypeNumber(n): return "\(n) is not a development type (1-4)"
        case let .duplicateType(n): return "duplicate type \(n)"
        case let .onlyOneOf(fields):
            let quoted = fields.map { "`\($0)`" }
            if quoted.count == 2 { return "give either \(quoted[0]) or \(quoted[1]), not both" }
            return "give one of \(quoted.dropLast().joined(separator: ", ")) or \(quoted.last ?? ""), not more"
        case .readingsTooFew:
            return "an interpretation lists every reading of the words (at least two, the one used first)"
        case .noProvenance:
            return "no provenance: give `source` (a sources.toml id), `derived` (the formula) or `interpreted`"
        case let .notADate(text, full):
            return full ? "'\(text)' is not a date written YYYY-MM-DD"
                : "'\(text)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
        case let .dateYear(text, year, lo, hi): return "'\(text)': \(year) is not a year of the data (\(lo)-\(hi))"
        case let .dateMonth(text, month): return "'\(text)': \(month) is not a month (01-12)"
        case let .dateDay(text, yearMonth, days): return "'\(text)' is not a day: \(yearMonth) has \(days) days"
        case let .notPinyin(r): return "'\(r)' is not toneless pinyin (lower-case syllables separated by single spaces)"
        case let .syllableCount(r, n, name, han): return "'\(r)' has \(n) syllables but '\(name)' has \(han) characters"
        case let .notAnIdentifier(id): return "'\(id)' is not an identifier (ASCII letters, digits, '-', '_')"
        case let .unknownCity(c): return "unknown city '\(c)' (no [[city]] with that name_zh)"
        case let .townListedTwice(t): return "town '\(t)' is listed twice"
        case let .notOneOf(text, choice, allowed):
            return "'\(text)' is not \(choice.english) (\(allowed.joined(separator: ", ")))"
        case let .missingForRule(kind): return "missing (required for a \(kind) rule)"
        case let .unknownRecord(record, id): return "unknown \(record.rawValue) '\(id)'"
        case let .unknownBasis(id): return "unknown basis '\(id)' (no [[basis]] with that id in dataset.toml)"
        case let .typeNotInTypes(t): return "\(t) is not a development type in types.toml (1-4)"
        case .listsEntityTwice: return "lists an entity twice"
        case .sourcedNotFitted: return "a value with a source is not fitted: give one of the two"
        case let .duplicateFigure(key, town, at):
            // Which fields together repeat (fresh user, wave 13): the period only where the key has one.
            let fields = key.contains("[") ? "town, measure and period" : "town and measure"
            return "duplicate figure \(key) for town '\(town)': its \(fields) are those of "
                + (at.map { "the figure at \($0)" } ?? "another figure")
        case let .duplicateTotal(key): return "duplicate total \(key)"
        case let .takesNoPeriod(m): return "\(m) covers the creation period and takes no period"
        case let .notAYear(p): return "'\(p)' is not a year (YYYY)"
        case let .missingYear(m): return "missing (required for \(m): a year, YYYY)"
        case let .unknownPeriod(p, known):
            return "'\(p)' is not a period in dataset.toml or monthly/*.toml (\(known.joined(separator: ", ")))"
        case let .missingPeriod(m): return "missing (required for \(m): a period id such as 2015-09)"
        case .noValue: return "no `value` (or `more_than`)"
        case let .shareAbove100(v): return "\(v)% cannot be: a share is at most 100%"
        case let .completionAboveTwice(v):
            return "\(v)% of the year's plan: more than twice the plan; check the figure (72 written 720?)"
        case let .notWholeProjects(v): return "\(v) is not a whole number of projects"
        case let .implausible(problem): return problem.english
        case let .unitNotSupported(u): return "'\(u)' is not supported; amounts are in 亿元"
        case let .unknownTable(expected): return "unknown table (ignored); this file holds \(expected)"
        case let .unexpected(text): return text
        case let .readingsZHCount(n, zh): return "has \(zh) readings; `readings` has \(n) (one Chinese reading each)"
        }
    }

    /// The Chinese words, in the field's terms.
    public var chinese: String {
        switch self {
        case .monthlyFileRecords: return "月度文件只能含 [[period]]、[[source]] 和 [[figure]] 记录"
        case let .notAMonth(n): return "\(n) 不是月份（1-12）"
        case let .notADataYear(y, lo, hi): return "\(y) 不是数据涵盖的年份（\(lo)-\(hi)）"
        case let .periodIDMismatch(id, year, through, expected):
            return "「\(id)」与 year \(year)、through \(through) 不符（应为 \(expected)）"
        case let .periodsOutOfOrder(id, after): return "期间须按从早到晚排列（「\(id)」排在「\(after)」之后）"
        case let .notATypeNumber(n): return "\(n) 不是发展类型（1-4）"
        case let .duplicateType(n): return "发展类型 \(n) 重复"
        case let .onlyOneOf(fields):
            return fields.map { "`\($0)`" }.joined(separator: "、") + " 只能给出其一"
        case .readingsTooFew: return "解读须列出原文的每种读法（至少两种，所采用的在前）"
        case .noProvenance:
            return "没有出处：请给出 `source`（sources.toml 中的编号）、`derived`（公式）或 `interpreted`"
        case let .notADate(text, full):
            return full ? "「\(text)」不是 YYYY-MM-DD 格式的日期" : "「\(text)」不是日期（YYYY、YYYY-MM 或 YYYY-MM-DD）"
        case let .dateYear(text, year, lo, hi): return "「\(text)」：\(year) 不是数据涵盖的年份（\(lo)-\(hi)）"
        case let .dateMonth(text, month): return "「\(text)」：\(month) 不是月份（01-12）"
        case let .dateDay(text, yearMonth, days): return "「\(text)」不是有效日期：\(yearMonth) 只有 \(days) 天"
        case let .notPinyin(r): return "「\(r)」不是无声调拼音（小写音节，以单个空格分隔）"
        case let .syllableCount(r, n, name, han): return "「\(r)」有 \(n) 个音节，但「\(name)」有 \(han) 个字"
        case let .notAnIdentifier(id): return "「\(id)」不是编号（ASCII 字母、数字、'-'、'_'）"
        case let .unknownCity(c): return "未知的城市「\(c)」（没有 name_zh 为它的 [[city]]）"
        case let .townListedTwice(t): return "小镇「\(t)」在名单中列了两次"
        case let .notOneOf(text, choice, allowed):
            return "「\(text)」不是\(choice.chinese)（\(allowed.joined(separator: "、"))）"
        case let .missingForRule(kind): return "缺少（\(kind) 规则必填）"
        case let .unknownRecord(record, id): return "未知的\(record.chinese)「\(id)」"
        case let .unknownBasis(id): return "未知的口径「\(id)」（dataset.toml 中没有此编号的 [[basis]]）"
        case let .typeNotInTypes(t): return "\(t) 不是 types.toml 中的发展类型（1-4）"
        case .listsEntityTwice: return "同一运营主体列了两次"
        case .sourcedNotFitted: return "有来源的值不是拟合值：二者只能给出其一"
        case let .duplicateFigure(key, town, at):
            let fields = key.contains("[") ? "town、measure、period" : "town、measure"
            return "小镇「\(town)」的数值 \(key) 重复：\(fields) 与"
                + (at.map { " \($0) 的数值相同" } ?? "另一数值相同")
        case let .duplicateTotal(key): return "合计 \(key) 重复"
        case let .takesNoPeriod(m): return "\(m) 涵盖整个创建期，不填期间"
        case let .notAYear(p): return "「\(p)」不是年份（YYYY）"
        case let .missingYear(m): return "缺少（\(m) 必填：年份，YYYY）"
        case let .unknownPeriod(p, known):
            return "「\(p)」不是 dataset.toml 或 monthly/*.toml 中的期间（\(known.joined(separator: "、"))）"
        case let .missingPeriod(m): return "缺少（\(m) 必填：期间编号，如 2015-09）"
        case .noValue: return "没有 `value`（或 `more_than`）"
        case let .shareAbove100(v): return "\(v)% 不可能：占比至多 100%"
        case let .completionAboveTwice(v):
            return "年度计划完成率 \(v)%：超过计划两倍；请核对数值（72 写成了 720？）"
        case let .notWholeProjects(v): return "\(v) 不是整数个项目"
        case let .implausible(problem): return problem.chinese
        case let .unitNotSupported(u): return "不支持单位「\(u)」；金额单位为亿元"
        case let .unknownTable(expected): return "未知的表（已忽略）；此文件含 \(expected)"
        case let .unexpected(text): return "意外错误：\(text)"
        case let .readingsZHCount(n, zh): return "有 \(zh) 种读法；`readings` 有 \(n) 种（每种读法一条中文）"
        }
    }
}

extension ValueProblem.Choice {
    /// `a mode`, `a list stage`, ...
    public var english: String {
        switch self {
        case .ruleKind: return "a rule kind"
        case .group: return "a group"
        case .status: return "a status"
        case .listStage: return "a list stage"
        case .mode: return "a mode"
        case .measure: return "a measure"
        }
    }

    /// 规则类型、对策组、名单阶段, ...
    public var chinese: String {
        switch self {
        case .ruleKind: return "规则类型"
        case .group: return "对策组"
        case .status: return "落实状态"
        case .listStage: return "名单阶段"
        case .mode: return "运营模式"
        case .measure: return "指标"
        }
    }
}

extension ValueProblem {
    /// The kinds of value problem, without their arguments: a test iterates them (a case added to
    /// `ValueProblem` must be added here: the `kind` switch does not compile else).
    public enum Kind: String, CaseIterable, Sendable {
        case monthlyFileRecords, notAMonth, notADataYear, periodIDMismatch, periodsOutOfOrder, notATypeNumber
        case duplicateType, onlyOneOf, readingsTooFew, noProvenance, notADate, dateYear
        case dateMonth, dateDay, notPinyin, syllableCount, notAnIdentifier, unknownCity
        case townListedTwice, notOneOf, missingForRule, unknownRecord, unknownBasis, typeNotInTypes
        case listsEntityTwice, sourcedNotFitted, duplicateFigure, duplicateTotal, takesNoPeriod, notAYear
        case missingYear, unknownPeriod, missingPeriod, noValue, shareAbove100, completionAboveTwice
        case notWholeProjects, unitNotSupported, unknownTable, unexpected, readingsZHCount, implausible
    }

    /// The problem's kind.
    public var kind: Kind {
        switch self {
        case .monthlyFileRecords: return .monthlyFileRecords
        case .notAMonth: return .notAMonth
        case .notADataYear: return .notADataYear
        case .periodIDMismatch: return .periodIDMismatch
        case .periodsOutOfOrder: return .periodsOutOfOrder
        case .notATypeNumber: return .notATypeNumber
        case .duplicateType: return .duplicateType
        case .onlyOneOf: return .onlyOneOf
        case .readingsTooFew: return .readingsTooFew
        case .noProvenance: return .noProvenance
        case .notADate: return .notADate
        case .dateYear: return .dateYear
        case .dateMonth: return .dateMonth
        case .dateDay: return .dateDay
        case .notPinyin: return .notPinyin
        case .syllableCount: return .syllableCount
        case .notAnIdentifier: return .notAnIdentifier
        case .unknownCity: return .unknownCity
        case .townListedTwice: return .townListedTwice
        case .notOneOf: return .notOneOf
        case .missingForRule: return .missingForRule
        case .unknownRecord: return .unknownRecord
        case .unknownBasis: return .unknownBasis
        case .typeNotInTypes: return .typeNotInTypes
        case .listsEntityTwice: return .listsEntityTwice
        case .sourcedNotFitted: return .sourcedNotFitted
        case .duplicateFigure: return .duplicateFigure
        case .duplicateTotal: return .duplicateTotal
        case .takesNoPeriod: return .takesNoPeriod
        case .notAYear: return .notAYear
        case .missingYear: return .missingYear
        case .unknownPeriod: return .unknownPeriod
        case .missingPeriod: return .missingPeriod
        case .noValue: return .noValue
        case .shareAbove100: return .shareAbove100
        case .completionAboveTwice: return .completionAboveTwice
        case .notWholeProjects: return .notWholeProjects
        case .implausible: return .implausible
        case .unitNotSupported: return .unitNotSupported
        case .unknownTable: return .unknownTable
        case .unexpected: return .unexpected
        case .readingsZHCount: return .readingsZHCount
        }
    }

    /// One problem of each kind, with made-up arguments (for tests of the words).
    public static func sample(_ kind: Kind) -> ValueProblem {
        switch kind {
        case .monthlyFileRecords: return .monthlyFileRecords
        case .notAMonth: return .notAMonth(13)
        case .notADataYear: return .notADataYear(1999, lower: 2015, upper: 2030)
        case .periodIDMismatch: return .periodIDMismatch(id: "2015-10", year: 2015, through: 9, expected: "2015-09")
        case .periodsOutOfOrder: return .periodsOutOfOrder(id: "2015-06", after: "2015-09")
        case .notATypeNumber: return .notATypeNumber(5)
        case .duplicateType: return .duplicateType(2)
        case .onlyOneOf: return .onlyOneOf(["source", "derived"])
        case .readingsTooFew: return .readingsTooFew
        case .noProvenance: return .noProvenance
        case .notADate: return .notADate("2015/09", full: false)
        case .dateYear: return .dateYear("1999-01-01", year: 1999, lower: 2015, upper: 2030)
        case .dateMonth: return .dateMonth("2015-13-01", month: 13)
        case .dateDay: return .dateDay("2015-02-30", yearMonth: "2015-02", days: 28)
        case .notPinyin: return .notPinyin("Wu Zhen")
        case .syllableCount: return .syllableCount(reading: "wu", syllables: 1, name: "乌镇", characters: 2)
        case .notAnIdentifier: return .notAnIdentifier("乌镇")
        case .unknownCity: return .unknownCity("北京")
        case .townListedTwice: return .townListedTwice("hz-01")
        case .notOneOf: return .notOneOf("solo", .mode, allowed: ["group-led", "joint"])
        case .missingForRule: return .missingForRule("minimum")
        case .unknownRecord: return .unknownRecord(.problem, "p9")
        case .unknownBasis: return .unknownBasis("gross")
        case .typeNotInTypes: return .typeNotInTypes(7)
        case .listsEntityTwice: return .listsEntityTwice
        case .sourcedNotFitted: return .sourcedNotFitted
        case .duplicateFigure:
            return .duplicateFigure(key: "completed 2015-09", town: "hz-01", firstAt: "figures.toml:12")
        case .duplicateTotal: return .duplicateTotal("completed 2015-09")
        case .takesNoPeriod: return .takesNoPeriod(measure: "planned")
        case .notAYear: return .notAYear("15")
        case .missingYear: return .missingYear(measure: "yearPlan")
        case .unknownPeriod: return .unknownPeriod("2015-13", known: ["2015-09"])
        case .missingPeriod: return .missingPeriod(measure: "completed")
        case .noValue: return .noValue
        case .shareAbove100: return .shareAbove100("120")
        case .completionAboveTwice: return .completionAboveTwice("720")
        case .notWholeProjects: return .notWholeProjects("2.5")
        case .implausible: return .implausible(.sample(.amount))
        case .unitNotSupported: return .unitNotSupported("万元")
        case .unknownTable: return .unknownTable(expected: "[[town]]")
        case .unexpected: return .unexpected("Input/output error")
        case .readingsZHCount: return .readingsZHCount(2, 1)
        }
    }
}
