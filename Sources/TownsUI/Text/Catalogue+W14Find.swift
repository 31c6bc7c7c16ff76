import Foundation
import TownsCore

/// Wave 14 (w14-find): words of a fresh user's findings (a flagged town's undecided verdict).
extension Catalogue {
    /// The verdict of a town whose readings disagree while a check fails on their figures
    /// (`ScheduleReadings.isUndecided`): neither behind nor ahead, `?` (`Mark.undetermined`).
    static let undecidedField = Bilingual("落后/超前", "Behind/ahead")

    /// One reading of being behind, worded: by the completion rate (`points`: schedule variance,
    /// percentage points, negative behind) or by the amount (`amount`: the shortfall in 亿元 as
    /// printed, positive behind, its sign dropped here). `flag`: "!" when a check fails on it.
    /// `digits`: after the point (1; fewer where a derived rate supports fewer).
    /// A variance of 0 at those digits (a reported 83.3% at Jan-Oct's 83.33) is neither: "进度差
    /// 0.0 个百分点". One point is "1 point" (wave 30's fresh user read `behind by 1 points`).
    static func rateReading(_ points: Decimal, flag: String, digits: Int = 1) -> Bilingual {
        let v = DecimalMath.text(abs(points), scale: digits)
        let unit = v == "1" ? "point" : "points"
        if DecimalMath.rounded(points, scale: digits) == 0 {
            return Bilingual("按完成率 进度差 \(v) 个百分点\(flag)", "by rate \(v) points from schedule\(flag)")
        }
        return points < 0
            ? Bilingual("按完成率 落后 \(v) 个百分点\(flag)", "by rate behind by \(v) \(unit)\(flag)")
            : Bilingual("按完成率 超前 \(v) 个百分点\(flag)", "by rate ahead by \(v) \(unit)\(flag)")
    }

    /// The amount's reading (`rateReading`): `shown` is the shortfall's size as printed (≈1.00).
    static func amountReading(behind: Bool, _ shown: String, unit: String, flag: String) -> Bilingual {
        behind
            ? Bilingual("按金额 落后 \(shown) \(unit)\(flag)", "by amount behind by \(shown) \(unit)\(flag)")
            : Bilingual("按金额 超前 \(shown) \(unit)\(flag)", "by amount ahead by \(shown) \(unit)\(flag)")
    }

    /// The overview's row of an undecided town (the figures column, short): "落后/超前 ?：完成率
    /// 落后 2.1 点!，金额 超前 ≈1.00!" / "behind/ahead ?: rate behind 2.1 pts!, amount ahead ≈1.00!".
    /// What it says is `readings` (`UndecidedRowReadings`); a rate reading of 0 at its digits is
    /// written `0.0`, neither behind nor ahead.
    static func undecidedRow(_ readings: UndecidedRowReadings) -> Bilingual {
        let rate = readings.rate
        let flag = readings.flagged ? "!" : ""
        let digits = readings.rateDigits ?? Metrics.varianceDigits(of: rate)
        // A variance worked out from a derived rate is marked `≈`, to the rate's digits, as the
        // towns view writes it (`≈-29?`, not `28.5`: wave 31's fresh user).
        let r = (readings.rateDerived ? "≈" : "") + DecimalMath.text(abs(rate), scale: digits)
        let atZero = DecimalMath.rounded(rate, scale: digits) == 0
        let (rz, re) = atZero ? ("进度差", "at") : rate < 0 ? ("落后", "behind") : ("超前", "ahead")
        // Within the rate's rounding and not 0 at its digits: its range, no direction (wave 32's
        // fresh user); a reported one at 0 keeps its `at 0.0` (its source prints no more). One
        // worked out from a derived rate gives its range at 0 too, as its page does: `at ≈0.0`
        // claimed a point the page said may be either side (session 27's fresh user, F7).
        let (zr, er) = (atZero && !readings.rateDerived ? nil : readings.rateRange.map(rateEitherWayShort))
            .map { ($0.zh, $0.en) }
            ?? ("\(rz) \(r)", "\(re) \(r)")
        // An amount reading unknown (no plan or no completed amount): no direction, only `—`
        // (it read `amount ahead —`).
        // One that reads 0 at its digits is neither (`amount at ≈0.0`, not `ahead by ≈0.0`).
        let (az, ae) = !readings.amountKnown ? ("", "") : readings.amountAtZero ? ("差 ", "at ")
            : readings.amountBehind ? ("落后 ", "behind ") : ("超前 ", "ahead ")
        let amount = readings.amount
        // One whose range holds both sides of 0 says neither: its range (wave 31's fresh user read
        // `amount ahead ≈0.02` where the shortfall may be -0.05 to +0.01).
        // One at 0 at its digits keeps its `at ≈0.0` (no direction either, and shorter).
        let range = readings.amountKnown && !readings.amountAtZero
            ? readings.amountRange.map(amountEitherWayShort) : nil
        let (za, ea) = range.map { ($0.zh, $0.en) } ?? (az + amount, ae + amount)
        return Bilingual(
            "落后/超前 ?：完成率 \(zr) 点\(flag)，金额 \(za)\(flag)"
                + (readings.laterPlan ? "，计划据以后期间" : "") + (readings.withinRounding ? roundingReasonShort.zh : ""),
            "behind/ahead ?: rate \(er) pts\(flag), amount \(ea)\(flag)"
                + (readings.laterPlan ? ", plan from a later period" : "")
                + (readings.withinRounding ? roundingReasonShort.en : ""))
    }

    /// The page's line under an undecided verdict resting on a plan first derivable from a later
    /// period (`ScheduleReadings.laterPlan`): which period, and why nothing is said as of the one shown.
    static func laterPlanVerdict(shown: Bilingual, from: Bilingual) -> Bilingual {
        Bilingual("年计划最早据\(from.zh)（以后的期间）推出：按\(shown.zh)及以前的报告不能判定落后或超前",
                  "the year's plan is first derivable from \(from.en), a later period: the reports up to"
                    + " \(shown.en) do not settle behind or ahead")
    }

    /// The overview's behind panel header's addition when towns are undecided, as a type counts
    /// them (`落后 0 ?1`): "落后 2 镇 ?1" (short: the panel column is 16 cells at 80 columns).
    static func undecidedCount(_ n: Int) -> Bilingual {
        Bilingual(" ?\(n)", " ?\(n)")
    }

    /// After the behind filter's count of towns: how many of them are undecided (`?`), which the
    /// filter keeps beside those behind: "（其中 ?2 未定）" / " (?2 of them undecided)".
    static func ofWhichUndecided(_ n: Int) -> Bilingual {
        Bilingual("（其中 ?\(n) 未定）", " (?\(n) of them undecided)")
    }

    /// The page's line naming the failing check (worded by `FindingWords`).
    static func failingCheck(_ zh: String, _ en: String) -> Bilingual {
        Bilingual("两种读法不一致，检查不符：\(zh)", "the two readings disagree; a check fails: \(en)")
    }

    /// The note under the towns table: the sum row's rate (`≈53%`) is a sum's, with no behind
    /// verdict (▼) of its own; each town carries its own in 进度差.
    static func sumRowNoVerdict(_ label: String) -> Bilingual {
        Bilingual("\(label)的完成率只是合计，不判定落后（不标 ▼）；各镇是否落后见其进度差",
                  "\(label): a sum's rate, with no behind verdict (no ▼); each town's is in its Sched. column")
    }

    // A theme file's problems (`Theme.parse`, towns' `ThemeFiles`), after "FILE:LINE: SECTION.KEY: "
    // or "theme: " (the setting's name, kept in both languages).

    /// A role the themes do not know; `roles`: the known ones, comma-separated.
    public static func themeUnknownRole(_ roles: String) -> Bilingual {
        Bilingual("未知的角色（已忽略）；可用的角色：\(roles)", "unknown role (ignored); roles: \(roles)")
    }
    public static let themeExpectedTable = Bilingual(
        "应为一个表，如 { fg = \"white\", bold = true }", "expected a table such as { fg = \"white\", bold = true }")
    /// `value`: the text given for fg or bg.
    public static func themeNotAColour(_ value: String) -> Bilingual {
        Bilingual("“\(value)”不是颜色（颜色名如 red、bright-blue、default，或 0-255）",
                  "'\(value)' is not a colour (a name such as red, bright-blue, default, or 0-255)")
    }
    public static let themeExpectedBool = Bilingual("应为 true 或 false", "expected true or false")
    public static let themeUnknownAttribute = Bilingual(
        "未知的属性（可用 fg、bg、bold、underline、reverse、dim）", "unknown attribute (fg, bg, bold, underline, reverse, dim)")
    public static let themeNoRoles = Bilingual("没有 [roles] 表；使用默认样式", "no [roles] table; using the default styles")
    /// `folder`: the themes folder searched.
    public static func themeNoDefault(_ folder: String) -> Bilingual {
        Bilingual("\(folder) 中没有 default.toml；使用内置的默认主题",
                  "no default.toml in \(folder); using the built-in default theme")
    }
    /// The default theme drawn is the one compiled in (no `Themes/default.toml` found): `:theme`
    /// and `t` say so after its name.
    /// `t` with the compiled-in default the only theme (no themes folder found).
    public static let onlyBuiltInTheme = Bilingual("主题：只有内置的 default（可用 --themes DIR 指定主题文件夹）",
                                                  "theme: only the built-in default (--themes DIR gives a themes folder)")
    public static let themeBuiltIn = Bilingual("（内置；可用 --themes DIR 指定主题文件夹）",
                                              " (built in; --themes DIR gives a themes folder)")
    /// `choice`: the theme asked for; `names`: the themes there are, comma-separated.
    public static func themeNoSuchTheme(_ choice: String, _ names: String) -> Bilingual {
        Bilingual("没有主题“\(choice)”（可用主题：\(names)）；使用默认主题",
                  "no theme '\(choice)' (themes: \(names)); using default")
    }

    /// The theme asked for is in the folder, but its file could not be read or parsed (its error
    /// is the notice before this one): said so, not "no theme" (wave 39's fresh user).
    public static func themeFileHasErrors(_ choice: String) -> Bilingual {
        Bilingual("主题“\(choice)”的文件有错（见上一条），未能使用；使用默认主题",
                  "theme '\(choice)' could not be used: its file has errors (the notice before this one); using default")
    }
}

extension Bilingual {
    /// The text in `language`.
    public func words(_ language: Language) -> String { language == .zh ? zh : en }
}

/// What the overview's row of an undecided town says (`Catalogue.undecidedRow`): its two readings
/// of being behind and why neither settles it.
struct UndecidedRowReadings: Equatable, Sendable {
    /// The schedule variance by the completion rate as shown, percentage points, negative behind
    /// (`Metrics.varianceShown`).
    var rate: Decimal
    /// Digits after the point of `rate`; nil: `Metrics.varianceDigits(of:)`.
    var rateDigits: Int? = nil
    /// `rate` worked out from a derived completion rate: written with `≈`.
    var rateDerived = false
    /// The amount's shortfall, its size as printed (`≈1.00`, `—`; 亿元 or the dataset's unit).
    var amount: String
    /// The shortfall is positive (behind by the amount).
    var amountBehind: Bool
    /// The amount's reading is known (a plan and a completed amount); else only `amount` (`—`), no direction.
    var amountKnown = true
    /// The amount reads 0 at its digits (`at ≈0.0`): neither behind nor ahead.
    var amountAtZero = false
    /// The shortfall's range (亿元) where it holds both sides of 0 (`ScheduleReadings.amountEitherWay`):
    /// the amount is written as that range, with no direction (`Catalogue.amountEitherWayShort`),
    /// unless it reads 0 at its digits (`amountAtZero` says no direction already). Nil: one side.
    var amountRange: Interval? = nil
    /// The schedule variance's range (points) where the rate's rounding holds the share elapsed
    /// (`ScheduleReadings.rateEitherWay`): the rate is written as that range, with no direction
    /// (`Catalogue.rateEitherWayShort`), unless `rate` reads 0 at its digits (`at 0.0`). Nil: none.
    var rateRange: Interval? = nil
    /// A check fails on the readings' figures: each reading carries `!`.
    var flagged = true
    /// The readings rest on a plan first derivable from a later period (`ScheduleReadings.laterPlan`).
    var laterPlan = false
    /// The rate's rounding holds the share elapsed (`ScheduleReadings.withinRounding`).
    var withinRounding = false
}
