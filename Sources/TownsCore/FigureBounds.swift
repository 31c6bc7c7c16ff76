import Foundation

/// What a figure of the data can plausibly be (wave 43): a figure beyond these bounds is a slip
/// (万元 typed as 亿元, a pasted 15-digit number), refused by the loader (every command and the
/// live reload read through it) and by `towns import` with the file, line, field and the bound,
/// never loaded to give sums and rates no one can read (`≈2977963073257899%!`).
///
/// The scale (`../shared/notes/data-facts.md`): the province's 37 first-list towns completed
/// 477.9 亿元 in all in 2015 (12.9 each); the largest 3-year plan the paper prints is Haiyan's
/// 140 亿元; the five towns' revenue 268.24 亿元; a town plans about 3 km² and some dozens of
/// projects (the five: 89). The bounds are far beyond any of these, so no real figure meets them.
/// A period's amount (completed, a year's plan) has a lower bound, 1000 亿元, than the others
/// (10000): 万元 typed as 亿元 in a sheet's `累计完成投资（亿元）` (`8000` for 0.8) is under 10000 but no
/// town completes 1000 亿元 in a year (the 37 towns together: 477.9), wave 43's fresh user.
///
/// ```swift
/// FigureBounds.problem(.completed, value: 8000, decimals: 0, towns: nil)        // above 1000 亿元
/// FigureBounds.problem(.planTotal, value: 8000, decimals: 0, towns: nil)        // nil (3-year plan: 10000)
/// FigureBounds.problem(.completed, value: 13.56, decimals: 2, towns: nil)       // nil
/// ```
public enum FigureBounds {
    /// The largest amount (亿元) a town's figure may be: 10,000 亿元, one trillion yuan, more than
    /// twenty times what the province's 37 towns together completed in 2015 (477.9).
    public static let townAmount: Decimal = 10_000
    /// The largest amount (亿元) a town's figure of one period may be: its completed investment
    /// (of a year so far, or its featured industry's part) or a year's plan or minimum: 1,000 亿元,
    /// twice what the province's 37 towns together completed in 2015 (477.9) and seven times the
    /// largest 3-year plan the paper prints (Haiyan's 140). The synthetic data's largest is 80
    /// (a year's plan at most 0.4 of a 160 亿元 3-year plan, done to 125%). A 3-year plan and a
    /// revenue keep `townAmount`.
    public static let periodAmount: Decimal = 1_000
    /// The largest completion rate (%): ten times the year's plan (above twice it a warning says
    /// to check the figure; shares, start rates and plan shares stop at 100%).
    public static let completionRate: Decimal = 1_000
    /// The most projects one town may plan or start: 10,000 (the five towns plan 89 in all).
    public static let townProjects: Decimal = 10_000
    /// The largest area (km²) a town may plan or build: 1,000 km², a whole county's size (a town
    /// plans about 3 km², a tourism town somewhat more).
    public static let area: Decimal = 1_000
    /// The most significant digits a figure may have: 10 (the paper prints at most 5, `268.24`;
    /// a total of 100,000 towns' plans to the hundredth has 9, an amount imported from 万元 to
    /// the 万元's hundredth at most 8).
    public static let significantDigits = 10

    /// What a bound refuses, as data: worded by `english` and `chinese` where shown.
    public struct Problem: Hashable, Sendable, Codable {
        /// What was exceeded.
        public enum Limit: String, Hashable, Sendable, Codable, CaseIterable {
            /// An amount above the bound (亿元).
            case amount
            /// A period's amount (completed, a year's plan) above `periodAmount` (亿元).
            case periodAmount
            /// A completion rate above the bound (%).
            case rate
            /// A count of projects above the bound.
            case projects
            /// An area above the bound (km²).
            case area
            /// More significant digits than the bound.
            case digits
        }

        public var limit: Limit
        /// The figure as written (or as converted into 亿元).
        public var value: String
        /// The bound, as written (`10000`, `1000`, `10`).
        public var bound: String
        /// For a city's total: how many towns the bound was multiplied by; nil for a town's figure.
        public var towns: Int?
        /// For a sheet's cell in 万元 (`towns import`): the cell as typed (`152,100,000,000`); the
        /// words then show it, and an amount's bound, in 万元 (with the 亿元 beside), and ask whether
        /// 元 was typed as 万元. Nil for a figure in 亿元.
        public var typedInWan: String?

        public init(limit: Limit, value: String, bound: String, towns: Int? = nil, typedInWan: String? = nil) {
            self.limit = limit
            self.value = value
            self.bound = bound
            self.towns = towns
            self.typedInWan = typedInWan
        }

        /// This problem of a figure converted from a cell typed `typed` in 万元.
        public func inWan(typed: String) -> Problem {
            var copy = self
            copy.typedInWan = typed
            return copy
        }

        /// The bound in 万元 (an amount's bound × 10000), as written.
        var boundInWan: String {
            guard let b = Decimal(string: bound, locale: Locale(identifier: "en_US_POSIX")) else { return bound }
            return DecimalMath.text(b * 10_000, scale: 0)
        }

        /// The English words.
        public var english: String {
            let whose = towns.map { " (a total of \($0) towns: \(FigureBounds.townBoundText(limit)) each)" } ?? ""
            if let wan = typedInWan {
                switch limit {
                case .amount, .periodAmount:
                    let what = limit == .amount ? "any town's" : "any town's completed investment or year's plan"
                    return "\(wan) 万元 (\(value) 亿元) is beyond \(what): at most \(boundInWan) 万元 (\(bound) 亿元)"
                        + "\(whose) (the province's 37 towns completed 477.9 亿元 in all in 2015); 元 typed as 万元?"
                case .digits:
                    return "\(wan) 万元 has more significant digits than a report prints: at most \(bound)"
                default: break
                }
            }
            switch limit {
            case .amount:
                return "\(value) 亿元 is beyond any town's: at most \(bound) 亿元\(whose) (the province's 37 towns "
                    + "completed 477.9 in all in 2015); 万元 typed as 亿元?"
            case .periodAmount:
                return "\(value) 亿元 is beyond any town's completed investment or year's plan: at most \(bound) 亿元\(whose) "
                    + "(the province's 37 towns completed 477.9 in all in 2015; the largest 3-year plan printed is "
                    + "140); 万元 typed as 亿元?"
            case .rate:
                return "\(value)% is beyond any completion rate: at most \(bound)% (ten times the year's plan)"
            case .projects:
                return "\(value) projects is beyond any town's: at most \(bound)\(whose)"
            case .area:
                return "\(value) km² is beyond any town's: at most \(bound) km² (a county's size)"
            case .digits:
                return "\(value) has more significant digits than a report prints: at most \(bound)"
            }
        }

        /// The Chinese words.
        public var chinese: String {
            let whose = towns.map { "（\($0) 个小镇的合计：每镇 \(FigureBounds.townBoundText(limit))）" } ?? ""
            if let wan = typedInWan {
                switch limit {
                case .amount, .periodAmount:
                    let what = limit == .amount ? "任何小镇可能的数额" : "任何小镇可能的完成投资或年度计划"
                    return "\(wan) 万元（\(value) 亿元）超出\(what)：至多 \(boundInWan) 万元（\(bound) 亿元）\(whose)"
                        + "（2015 年全省 37 个小镇共完成 477.9 亿元）；是否把元写成了万元？"
                case .digits:
                    return "\(wan) 万元的有效数字多于报告所印：至多 \(bound) 位"
                default: break
                }
            }
            switch limit {
            case .amount:
                return "\(value) 亿元超出任何小镇可能的数额：至多 \(bound) 亿元\(whose)（2015 年全省 37 个小镇共完成 477.9）；"
                    + "是否把万元写成了亿元？"
            case .periodAmount:
                return "\(value) 亿元超出任何小镇可能的完成投资或年度计划：至多 \(bound) 亿元\(whose)"
                    + "（2015 年全省 37 个小镇共完成 477.9；文中最大的三年计划为 140）；是否把万元写成了亿元？"
            case .rate:
                return "\(value)% 超出任何完成率：至多 \(bound)%（年度计划的十倍）"
            case .projects:
                return "\(value) 个项目超出任何小镇可能的数目：至多 \(bound)\(whose)"
            case .area:
                return "\(value) 平方公里超出任何小镇可能的面积：至多 \(bound) 平方公里（一个县的大小）"
            case .digits:
                return "\(value) 的有效数字多于报告所印：至多 \(bound) 位"
            }
        }

        /// One of each limit, for tests of the words.
        public static func sample(_ limit: Limit) -> Problem {
            switch limit {
            case .amount: return Problem(limit: .amount, value: "1356000000", bound: "10000")
            case .periodAmount: return Problem(limit: .periodAmount, value: "8000", bound: "1000")
            case .rate: return Problem(limit: .rate, value: "2977963073257899", bound: "1000")
            case .projects: return Problem(limit: .projects, value: "50000", bound: "10000")
            case .area: return Problem(limit: .area, value: "3000", bound: "1000")
            case .digits: return Problem(limit: .digits, value: "0.123456789012345", bound: "10")
            }
        }
    }

    /// A town's bound for `limit` as written.
    static func townBoundText(_ limit: Problem.Limit) -> String {
        switch limit {
        case .amount: return DecimalMath.text(townAmount, scale: 0)
        case .periodAmount: return DecimalMath.text(periodAmount, scale: 0)
        case .projects: return DecimalMath.text(townProjects, scale: 0)
        case .rate: return DecimalMath.text(completionRate, scale: 0)
        case .area: return DecimalMath.text(area, scale: 0)
        case .digits: return "\(significantDigits)"
        }
    }

    /// The number of significant digits of `value` written with `decimals` digits after the point
    /// (13.56: 4; 0.05: 1; 13.560: 5; 1356000000: 10; 0: 1).
    public static func significantDigits(_ value: Decimal, decimals: Int) -> Int {
        let text = DecimalMath.text(value < 0 ? -value : value, scale: max(0, decimals))
        let digits = text.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let count = digits.drop { $0 == UInt8(ascii: "0") }.count
        return max(1, count)
    }

    /// Why `value` (written with `decimals` after the point) cannot be a figure of `measure`, or
    /// nil when it can. An amount is bounded by `periodAmount` for a period's completed
    /// investment (and its featured industry's part) and a year's plan or minimum, by
    /// `townAmount` otherwise (a 3-year plan, a revenue). `towns`: for a city's total, the number of towns it sums (the town's bound
    /// of an amount or a count is multiplied by it; at least 1); nil for a town's own figure. A
    /// share above 100% and a negative number are refused elsewhere (`ValueProblem.shareAbove100`,
    /// `LoadMessage.negative`).
    public static func problem(_ measure: Measure, value: Decimal, decimals: Int, towns: Int?) -> Problem? {
        let shown = DecimalMath.text(value, scale: max(0, decimals))
        let times = Decimal(max(1, towns ?? 1))
        func above(_ bound: Decimal, _ limit: Problem.Limit, scaled: Bool) -> Problem? {
            let b = scaled ? bound * times : bound
            guard value > b else { return nil }
            return Problem(limit: limit, value: shown, bound: DecimalMath.text(b, scale: 0),
                           towns: scaled ? towns.map { max(1, $0) } : nil)
        }
        let bounded: Problem?
        switch measure.unit {
        case .yi:
            switch measure {
            case .completed, .featuredInvestment, .planYear, .investmentMinimum:
                bounded = above(periodAmount, .periodAmount, scaled: true)
            default:
                bounded = above(townAmount, .amount, scaled: true)
            }
        case .percent: bounded = measure == .completionRate ? above(completionRate, .rate, scaled: false) : nil
        case .count: bounded = above(townProjects, .projects, scaled: true)
        case .squareKilometres: bounded = above(area, .area, scaled: false)
        case .mu: bounded = nil  // land quota: only its digits are bounded
        }
        if let bounded { return bounded }
        if significantDigits(value, decimals: decimals) > significantDigits {
            return Problem(limit: .digits, value: shown, bound: "\(significantDigits)")
        }
        return nil
    }
}
