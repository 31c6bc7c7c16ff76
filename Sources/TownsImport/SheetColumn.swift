import Foundation

/// A column of the monthly sheet, recognised by its header (Chinese or English name; case,
/// spaces and an underscore or a space between English words do not matter).
///
/// | column | header names | unit in the header |
/// |---|---|---|
/// | `town` | 小镇, 小镇名称, town | — |
/// | `period` | 期间, period | — |
/// | `completed` | 累计完成投资, completed | required: (亿元) or (万元), ASCII or full-width parentheses |
/// | `completionRate` | 完成率, completion_rate | optional: (%) |
/// | `projectsStarted` | 已开工项目, 已开工项目数, projects_started | optional: (个) |
public enum SheetColumn: String, CaseIterable, Sendable {
    case town
    case period
    /// Completed investment, cumulative from January (亿元 after conversion).
    case completed
    /// Completed / the year's plan, %.
    case completionRate = "completion_rate"
    /// Projects started by the period's end, count.
    case projectsStarted = "projects_started"

    /// The names a header may give this column (compared after `key(_:)`).
    public var names: [String] {
        switch self {
        case .town: return ["小镇", "小镇名称", "town"]
        case .period: return ["期间", "period"]
        case .completed: return ["累计完成投资", "completed"]
        case .completionRate: return ["完成率", "completion_rate"]
        case .projectsStarted: return ["已开工项目", "已开工项目数", "projects_started"]
        }
    }

    /// Whether the sheet must have this column.
    public var isRequired: Bool { self == .town || self == .period || self == .completed }

    /// How the header is written in messages: `小镇/town`.
    public var label: String { "\(names[0])/\(names.last!)" }

    /// The unit an amount column gives in its header.
    public enum AmountUnit: String, Sendable {
        /// 亿元 (100 million yuan): the dataset's unit.
        case yi = "亿元"
        /// 万元 (10 thousand yuan): divided by 10000 into 亿元.
        case wan = "万元"
    }

    /// A header cell read: the column it names (nil: not a column `towns` reads) and the unit
    /// written in parentheses, if any.
    public struct Header: Equatable, Sendable {
        public var column: SheetColumn?
        public var name: String
        public var unit: String?
    }

    /// Reads a header cell such as `累计完成投资（万元）` or `completed (亿元)`.
    public static func header(_ raw: String) -> Header {
        var text = SheetNumber.normalise(raw)
        var unit: String?
        if text.hasSuffix(")") || text.hasSuffix("）") {
            if let open = text.lastIndex(where: { $0 == "(" || $0 == "（" }) {
                unit = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
                    .trimmingCharacters(in: SheetNumber.spaces)
                text = String(text[..<open]).trimmingCharacters(in: SheetNumber.spaces)
            }
        }
        let k = key(text)
        let column = SheetColumn.allCases.first { $0.names.map(key).contains(k) }
        return Header(column: column, name: text, unit: unit)
    }

    /// A name compared without case, spaces or underscores.
    static func key(_ name: String) -> String {
        name.lowercased().filter { $0 != " " && $0 != "_" && $0 != "\u{3000}" }
    }
}
