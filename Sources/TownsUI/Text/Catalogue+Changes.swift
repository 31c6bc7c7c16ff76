import TownsCore

/// The catalogue's texts for what changed since the previous period (issue 14 point 2): the
/// towns view's Δ and rank columns and the changes view, kept apart from the shared catalogue
/// files so that helpers changing them can merge.
extension Catalogue {
    static let deltaDone = Bilingual("Δ完成", "ΔDone")
    static let deltaRate = Bilingual("Δ完成率", "ΔRate")
    static let rankMove = Bilingual("名次", "Rank")
    static let changes = Bilingual("变化", "Changes")
    static let measureColumn = Bilingual("指标", "Measure")
    static let changeColumn = Bilingual("变化", "Change")
    static let beforeColumn = Bilingual("之前", "Before")
    static let afterColumn = Bilingual("之后", "Now")
    static let sourceColumn = Bilingual("来源", "Source")
    static func changesBetween(_ from: String, _ to: String) -> Bilingual {
        // Not an arrow: → is the projection's mark (the ASCII set draws it p).
        Bilingual("从 \(from) 到 \(to)", "from \(from) to \(to)")
    }
    static func noChangesBefore(_ period: String) -> Bilingual {
        Bilingual(
            "\(period) 是该年数据中的第一个期间：没有可比的上一期间",
            "\(period) is the year's first period in the data: nothing to compare with")
    }
    static let nothingChanged = Bilingual("两期间之间没有数据变化", "no figure changed between the two periods")
    /// How many more figures did not change ("另有 3 个数字未变" / "3 more figures unchanged",
    /// "1 more figure unchanged"); nil at 0, where nothing is said.
    static func unchangedCount(_ n: Int) -> Bilingual? {
        guard n > 0 else { return nil }
        return Bilingual("另有 \(n) 个数字未变", "\(n) more \(n == 1 ? "figure" : "figures") unchanged")
    }
    static let changesNote = Bilingual(
        "只比较数据文件中的数字（报告值、解读值），不比较推算值；Δ = 之后 − 之前（推算），完成率的 Δ 为百分点；"
            + "按 Δ 排序时按单位分组；"
            + "不再报告：现为未知，不是 0；口径不同：不相减；更正：从 1 月累计的数比上期小；方向不明：有下限",
        "Only figures in the data files (reported, interpreted) are compared, not derived ones; Δ = now − before"
            + " (derived), in points for a rate; Δ sorts by unit first; not reported: unknown now, not 0; other"
            + " basis: not subtracted;"
            + " corrected: a January-to-date figure below the last one; unclear: a lower bound")
    /// After `changesNote` where a row says `featured inv.` (`measureColumnName`): what it stands for.
    static let featuredInvNote = Bilingual("", "; featured inv.: featured-industry investment")
    static let cityLeftOutFiltered = Bilingual(
        "筛选时不列全市合计的变化（合计不属于任何小镇）",
        "with a filter on, the city's totals are not listed (they belong to no town)")

    /// A change's kind in words.
    static func kind(_ kind: Changes.Kind) -> Bilingual {
        switch kind {
        case .appeared: return Bilingual("新增", "new")
        case .rose: return Bilingual("上升", "rose")
        case .fell: return Bilingual("下降", "fell")
        case .corrected: return Bilingual("更正", "corrected")
        case .otherBasis: return Bilingual("口径不同", "other basis")
        case .undetermined: return Bilingual("方向不明", "unclear")
        case .gone: return Bilingual("不再报告", "not reported")
        }
    }

    /// A measure's name in the changes view's measure column (16 cells): `measureName`, but
    /// `featured inv.` where `featured investment` was cut to `featured invest…` (wave 36's fresh
    /// user, at 100 columns); the view's note spells it out. Exports and `y` name it whole.
    static func measureColumnName(_ m: Measure) -> Bilingual {
        m == .featuredInvestment ? Bilingual(measureName(m).zh, "featured inv.") : measureName(m)
    }

    /// A measure's name, as a column or a change names it.
    static func measureName(_ m: Measure) -> Bilingual {
        switch m {
        case .completed: return Bilingual("完成投资", "completed")
        case .completionRate: return Bilingual("完成率", "completion rate")
        case .projectsStarted: return Bilingual("开工项目", "projects started")
        case .startRate: return Bilingual("开工率", "start rate")
        case .featuredInvestment: return Bilingual("特色产业投资", "featured investment")
        case .featuredShare: return Bilingual("特色产业占比", "featured share")
        case .revenue: return Bilingual("营业收入", "revenue")
        case .planTotal: return Bilingual("三年计划", "3-year plan")
        case .planYear: return Bilingual("年计划", "year's plan")
        case .planShare: return Bilingual("年计划占比", "plan share")
        case .projectsPlanned: return Bilingual("计划项目", "projects planned")
        case .areaPlanned: return Bilingual("规划面积", "planned area")
        case .areaBuilt: return Bilingual("建成面积", "built area")
        case .investmentMinimum: return Bilingual("年度最低投资", "year's minimum")
        case .landQuotaUsed: return Bilingual("实际使用用地指标", "land quota used")
        }
    }
}

extension Catalogue {
    static let deltaDoneField = Bilingual("完成变化 Δ", "Δ completed")
    static let deltaRateField = Bilingual("完成率变化 Δ", "Δ rate")
    static let placeField = Bilingual("完成率名次", "Place by rate")
}

extension Catalogue {
    static func noSuchPeriodToCompare(_ word: String, _ ids: String) -> Bilingual {
        Bilingual("没有期间「\(word)」：\(ids)（或 prev）", "no period “\(word)”: \(ids) (or prev)")
    }
    static func chosenPeriodIgnored(_ id: String) -> Bilingual {
        Bilingual(
            "所选期间 \(id) 不在当前期间之前的同一年内（数字从 1 月累计），改比上一期间",
            "the chosen period \(id) is not earlier in the same year as the one shown (figures run from January):"
                + " the previous period is compared")
    }
}

extension Catalogue {
    static let helpChanges = Bilingual(
        "变化视图比较期间 FROM 与当前期间（:changes prev 恢复上一期间）",
        "the changes view compares period FROM with the one shown (:changes prev: the previous one)")
    static let helpNewSince = Bilingual(
        "上一期间（同年）没有、本期新增的数字（Δ 列、变化视图）",
        "a figure new since the previous period of the same year (Δ columns, changes view)")
    static let helpRankMove = Bilingual(
        "按完成率的名次升降（名次列）；▽ 不是落后标记 ▼；只在两期都有完成率的镇之间比",
        "places gained or lost by completion rate (Rank); ▽ is not the behind mark ▼; among the towns with a rate in both periods")
}

extension Catalogue {
    /// Key 7's label in the key map and the help.
    static let keyChangesView = Bilingual("变化视图：与上一期间比较", "changes since the previous period")
}

extension Catalogue {
    // The export legend's lines for the marks of changes (`ExportMarker`).
    static let exportMeansNewSince = Bilingual(
        "新：上一期间（同年）没有、本期新增的数字", "new: a figure the previous period of the same year did not have")
    static let exportMeansRankUp = Bilingual(
        "按完成率的名次上升的位数（推算）", "places gained by completion rate since the previous period (derived)")
    static let exportMeansRankDown = Bilingual(
        "按完成率的名次下降的位数（推算；不是落后标记）",
        "places lost by completion rate since the previous period (derived; not the behind mark)")
}
