import TownsCore

/// Every fixed bilingual text the dashboard shows, Chinese and English side by side, in one
/// place (so a translation is reviewed, and changed, here). A text with values in it is a
/// function of them, given as text. `tr(_:)` picks the half of the interface language.
///
/// ```swift
/// state.tr(Catalogue.nothingToExportOnThis)   // "此页不能导出" or "nothing to export on this page"
/// ```
public enum Catalogue {
    static let aConsistencyCheckFailsTowns = Bilingual(
        "核对不符：有一项一致性核对不通过（towns check）",
        "a consistency check fails (towns check)")
    static func aSearchHoldsAtMost(_ maximumLength: String) -> Bilingual {
        Bilingual(
            "搜索最多 \(maximumLength) 个字",
            "a search holds at most \(maximumLength) characters")
    }
    static func andMore(_ n: String) -> Bilingual {
        Bilingual(
            "… 另 \(n) 个",
            "… and \(n) more")
    }
    /// After `sortedBy`: `按「小镇」升序` (no blank after 」, wave 33's fresh user), `sorted by "Town" ascending`.
    static let ascending = Bilingual(
        "升序",
        " ascending")
    static let assessment = Bilingual(
        "考核",
        "Assessment")
    static let assessmentAgainstTheProvinceS = Bilingual(
        "省级规则考核",
        "Assessment against the province's rules")
    static func atTheTopQuits(_ quit: String) -> Bilingual {
        Bilingual(
            "已在顶层 — \(quit) 退出",
            "at the top — \(quit) quits")
    }
    static let behindScheduleCompletionBelowThe = Bilingual(
        "落后：完成率低于全年已过比例",
        "behind schedule: completion below the share of the year elapsed")
    static let builtArea = Bilingual(
        "建成面积",
        "built area")
    /// A filter of no kind the dashboard has (`:filter nosuch`, `--filter nosuch`): the kinds it
    /// has follow, as `usageFilterCountyTypeStage` gives them (wave 36's fresh user: it named none).
    static func cannotFilterBy(_ what: String) -> Bilingual {
        Bilingual(
            "不能按「\(what)」筛选：可用 county|type|stage|behind|problem|clear …",
            "cannot filter by \"\(what)\": use county|type|stage|behind|problem|clear ...")
    }
    static let cause = Bilingual(
        "原因：",
        "cause: ")
    static let centralSoe = Bilingual(
        "央企",
        "central SOE")
    static let checks = Bilingual(
        "核对",
        "Checks")
    static let checksTownsCheck = Bilingual(
        "核对（towns check）",
        "Checks (towns check)")
    static let city = Bilingual(
        "城市",
        "City")
    static let city2 = Bilingual(
        "城市",
        "City")
    static let clears = Bilingual(
        "清除",
        "clears")
    static let closeHelp = Bilingual(
        "关闭帮助",
        "close help")
    static let completed2 = Bilingual(
        "完成",
        "Completed")
    static let completedInvestment = Bilingual(
        "完成投资",
        "completed investment")
    static let count = Bilingual(
        "数量",
        "Count")
    static let countermeasuresChecklistPaperSection = Bilingual(
        "对策清单（论文 四）",
        "Countermeasures checklist (paper, section 四)")
    static let county = Bilingual(
        "县市区",
        "County")
    static let county2 = Bilingual(
        "县(市、区)",
        "County")
    static let creationList = Bilingual(
        "创建名单",
        "creation list")
    static let cultivationList = Bilingual(
        "培育名单",
        "cultivation list")
    /// When the dashboard loaded the data it shows (not a file's modification time).
    static let dataChanged = Bilingual(
        "数据载入 ",
        "data loaded ")
    static let dataOrder = Bilingual(
        "原始顺序",
        "data order")
    static func periodGone(_ gone: String, _ shown: String) -> Bilingual {
        Bilingual("；期间「\(gone)」已不在数据中，现显示「\(shown)」", "; period \(gone) is no longer in the data, showing \(shown)")
    }
    /// After "data reloaded": how many warnings the new data's checks gave (`towns check` lists them).
    static func reloadWarnings(_ n: String) -> Bilingual {
        Bilingual(
            "（\(n) 条警告：towns check）",
            " (" + EnglishCount.of(n, "warning") + ": towns check)")
    }
    static let reloadedRecordsGone = Bilingual(
        "数据已更新，但有记录消失：",
        "reloaded, records gone: ")
    static let dataReloaded = Bilingual(
        "数据已更新",
        "data reloaded")
    static let derived = Bilingual(
        "推算：",
        "derived: ")
    static let interpreted = Bilingual(
        "解读：",
        "interpreted: ")
    /// After the arithmetic of a figure worked out from an interpretation (`≈†`), before its readings.
    static let restsOnInterpretation = Bilingual(
        "；所用数字为解读（一种读法，不计入已知合计），各种读法：",
        "; rests on an interpretation (one reading, not summed as known), readings: ")
    static let readings = Bilingual(
        "；各种读法：",
        " readings: ")
    static let derivedFromReportedFiguresFormula = Bilingual(
        "推算：由报告数算出（公式见小镇页）",
        "derived from reported figures (formula on the town's page)")
    static let descending = Bilingual(
        "降序",
        " descending")
    static let done = Bilingual(
        "完成",
        "Done")
    static let done2 = Bilingual(
        "完成率",
        "Done%")
    static let enterKeepsEscCancelsPrevious = Bilingual(
        "Enter 确定  Esc 取消  ↑↓ 上/下一个",
        "Enter keeps  Esc cancels  ↑↓ previous/next")
    /// The search prompt's hint for Ctrl-F: while `/` jumps to matches, it keeps only them (`&`).
    static let ctrlFKeepsOnlyMatches = Bilingual("Ctrl-F 只留匹配", "Ctrl-F keeps only matches")
    /// The narrowing prompt's (`&`) hint for Ctrl-F: it jumps to the matches instead (`/`).
    static let ctrlFJumpsInstead = Bilingual("Ctrl-F 改为跳转", "Ctrl-F jumps instead")
    static let entities = Bilingual(
        "运营主体",
        "Entities")
    static let entities2 = Bilingual(
        "运营主体",
        "Entities")
    static let entityNotNamed = Bilingual(
        "未载明运营主体",
        "entity not named")
    static let expected = Bilingual(
        "应完成",
        "Expected")
    static let expectedByNowTheShare = Bilingual(
        "应完成：全年已过的比例（1-9月：75%）",
        "expected by now: the share of the year elapsed (Jan-Sep: 75%)")
    static let featuredIndustryInvestment = Bilingual(
        "特色产业投资",
        "featured-industry investment")
    static let featuredIndustryShare = Bilingual(
        "特色产业占比",
        "featured-industry share")
    static let figures = Bilingual(
        "数据",
        "Figures")
    static let filter = Bilingual(
        "筛选",
        "filter")
    static let filterAndSearchCleared = Bilingual(
        "已清除筛选和搜索",
        "filter and search cleared")
    static let filterCleared = Bilingual(
        "已清除筛选",
        "filter cleared")
    static let helpKeys = Bilingual(
        " 帮助：按键 ",
        " Help: keys ")
    static let history = Bilingual(
        "进度历史",
        "History")
    static let industry = Bilingual(
        "产业",
        "Industry")
    static func investmentAndProjectsMillionYuan(_ unit: String) -> Bilingual {
        Bilingual(
            "投资与项目（\(unit)）",
            "Investment and projects (\(unit) = 100 million yuan)")
    }
    static func keyDoesNothingForHelp(_ key: String, _ toggleHelp: String) -> Bilingual {
        Bilingual(
            "未绑定的键 \(key)；\(toggleHelp) 查看帮助",
            "key \(key) does nothing; \(toggleHelp) for help")
    }
    static let kind = Bilingual(
        "性质",
        "Kind")
    /// A live reload reading changed files (`Action.reloading`), said before it has loaded.
    static let dataReloading = Bilingual(
        "数据文件已更改，正在重新载入…（全国规模约需几分钟，载入前仍显示原数据）",
        "Data files changed: reloading… (minutes at national scale; the data shown stays until then)")
    /// What `L` did, the same in both languages (a log entry is reworded by the language of the
    /// moment: wave 40's fresh user read a switch to English logged as `界面语言：中文`).
    static func languageSwitched(toEnglish: Bool) -> Bilingual {
        toEnglish ? Bilingual("界面语言：英文", "Language: English") : Bilingual("界面语言：中文", "Language: Chinese")
    }
    static let list = Bilingual(
        "名单",
        "List")
    static func match(_ n: String, _ matches: String, _ query: String) -> Bilingual {
        Bilingual(
            "匹配 \(n)/\(matches)「\(query)」",
            "match \(n)/\(matches) \"\(query)\"")
    }
    static let mode = Bilingual(
        "模式",
        "Mode")
    static let mode2 = Bilingual(
        "模式",
        "Mode")
    static let name = Bilingual(
        "名称",
        "Name")
    static let named = Bilingual(
        "已命名",
        "named")
    /// The "terminal too small" screen's second line: the terminal's size, and the smallest drawn
    /// (wave 23, F5: the Chinese line read `40x12, 至少需要 need 60x14`).
    static func needAtLeast(_ size: String, _ minimum: String) -> Bilingual {
        Bilingual(
            "\(size)，至少需要 \(minimum)",
            "\(size), need \(minimum)")
    }
    static let noCityInProvinceToml = Bilingual(
        "province.toml 中没有城市（[[city]]）",
        "no [[city]] in province.toml")
    static func noColumn(_ column: String) -> Bilingual {
        Bilingual(
            "没有列「\(column)」",
            "no column \"\(column)\"")
    }
    static let noCompletion = Bilingual(
        "没有补全",
        "no completion")
    static let noDevelopmentTypesInTypes = Bilingual(
        "没有类型（types.toml 中无开发类型）",
        "no development types in types.toml")
    static func noExportFormatTextCsv(_ a: String) -> Bilingual {
        Bilingual(
            "没有导出格式「\(a)」：text csv md json",
            "no export format \"\(a)\": text csv md json")
    }
    static let noFiguresForThisTown = Bilingual(
        "本数据集没有该小镇的数字",
        "no figures for this town in the dataset")
    static let noFiguresInThisDataset = Bilingual(
        "无数据：本数据集没有其数字",
        "no figures in this dataset")
    static let noFilter = Bilingual(
        "没有筛选",
        "no filter")
    static func noMatchFor(_ query: String) -> Bilingual {
        Bilingual(
            "没有匹配「\(query)」",
            "no match for \"\(query)\"")
    }
    static let noOperatingEntitiesInEntities = Bilingual(
        "没有运营主体（entities.toml 中无记录）",
        "no operating entities in entities.toml")
    /// No county of that name; `near`: the counties whose names start with it ("" for none).
    static func noCounty(_ value: String, _ near: String) -> Bilingual {
        Bilingual(
            "没有县「\(value)」" + (near.isEmpty ? "" : "：" + near),
            "no county \"\(value)\"" + (near.isEmpty ? "" : ": " + near))
    }
    static func noPeriod(_ rest: String, _ id: String) -> Bilingual {
        Bilingual(
            "没有期间「\(rest)」：\(id)",
            "no period \"\(rest)\": \(id)")
    }
    static let noPeriodsInTheData = Bilingual(
        "没有期间（数据中无期间）",
        "no periods in the data")
    /// `:filter problem X` for no problem of the data: `known` lists each as `NUMBER id`.
    static func noProblem(_ value: String, known: [String] = []) -> Bilingual {
        guard !known.isEmpty else { return Bilingual("没有问题「\(value)」", "no problem \"\(value)\"") }
        return Bilingual(
            "没有问题「\(value)」（可用编号或名称：\(known.joined(separator: "、"))）",
            "no problem \"\(value)\" (a number or id: \(known.joined(separator: ", ")))")
    }
    static let noProvinceTomlInThe = Bilingual(
        "没有全省名单（数据中无 province.toml）",
        "no province.toml in the dataset")
    static let noRulesTomlInThe = Bilingual(
        "没有规则（数据中无 rules.toml）",
        "no rules.toml in the dataset")
    static func noSearchToSearch(_ startSearch: String) -> Bilingual {
        Bilingual(
            "没有搜索；\(startSearch) 开始搜索",
            "no search; \(startSearch) to search")
    }
    static func noTheme(_ rest: String, _ themeNames: String) -> Bilingual {
        Bilingual(
            "没有主题「\(rest)」：\(themeNames)",
            "no theme \"\(rest)\": \(themeNames)")
    }
    static func noTown(_ rest: String) -> Bilingual {
        Bilingual(
            "没有小镇「\(rest)」",
            "no town \"\(rest)\"")
    }
    static func noTown2(_ id: String) -> Bilingual {
        Bilingual(
            "没有这个小镇 no town '\(id)'",
            "no town '\(id)'")
    }
    static let noTowns = Bilingual(
        "没有小镇",
        "no towns")
    static func noTownsOnTheList(_ name: String) -> Bilingual {
        Bilingual(
            "\(name)：名单中没有小镇",
            "\(name): no towns on the list")
    }
    static let none = Bilingual(
        "无",
        "none")
    static let notReloaded = Bilingual(
        "数据未更新：",
        "not reloaded: ")
    static let nothingToExportOnThis = Bilingual(
        "此页不能导出",
        "nothing to export on this page")
    static let nothingToSearchOnThis = Bilingual(
        "此页不能搜索",
        "nothing to search on this page")
    static let nothingToSortOnThis = Bilingual(
        "此页不能排序",
        "nothing to sort on this page")
    static let ofPlan = Bilingual(
        "完成率",
        "% of plan")
    static let ofTheYearSPlan = Bilingual(
        "完成率",
        "% of the year's plan")
    static let operatingEntities = Bilingual(
        "运营主体",
        "Operating entities")
    static let operatingEntity = Bilingual(
        "运营主体",
        "Operating entity")
    /// The status message of a period switch, each language alone (`期间：2015年全年`).
    static func period(_ labelZH: String, _ labelEN: String) -> Bilingual {
        Bilingual(
            "期间：\(labelZH)",
            "period: \(labelEN)")
    }
    static let period2 = Bilingual(
        "期间",
        "period")
    static func plan(_ y: String) -> Bilingual {
        Bilingual(
            "\(y)计划",
            "\(y) plan")
    }
    static let plan2 = Bilingual(
        "年计划",
        "Plan")
    static let plannedArea = Bilingual(
        "规划面积",
        "planned area")
    static let plannedArea2 = Bilingual(
        "规划面积",
        "Planned area")
    static let problemsPaperSection = Bilingual(
        "问题（论文 三）",
        "Problems (paper, section 三)")
    static let progress = Bilingual(
        "进度",
        "Progress")
    static let projects = Bilingual(
        "项目",
        "Projects")
    static let projectsPlannedYears = Bilingual(
        "3年计划项目",
        "projects planned (3 years)")
    static let projectsStarted = Bilingual(
        "已开工项目",
        "projects started")
    static let province = Bilingual(
        "全省",
        "Province")
    static let quit = Bilingual(
        "退出",
        "quit")
    static func quits(_ quit: String) -> Bilingual {
        Bilingual(
            "\(quit) 退出",
            "\(quit) quits")
    }
    static let redrawTheScreen = Bilingual(
        "重绘屏幕",
        "redraw the screen")
    static let reported2 = Bilingual(
        "报告：",
        "reported: ")
    static let reported3 = Bilingual(
        "报告",
        "Reported")
    static func reported4(_ regionZH: String, _ regionEN: String) -> Bilingual {
        Bilingual(
            "\(whole(regionZH))报告 \(regionZH)",
            "\(regionEN) reported")
    }
    static func reportedTotals(_ regionZH: String, _ regionEN: String) -> Bilingual {
        Bilingual(
            "\(whole(regionZH))报告 \(regionZH)",
            "\(regionEN): reported totals")
    }
    static let requiredMinimumInvestment = Bilingual(
        "最低投资要求",
        "required minimum investment")
    static let revenue = Bilingual(
        "营业收入",
        "revenue")
    static let sched = Bilingual(
        "进度差",
        "Sched.")
    static let shownPeriod = Bilingual(
        "当前期间",
        "shown period")
    static func sortedBy(_ title: String) -> Bilingual {
        Bilingual(
            "按「\(title)」",
            "sorted by \"\(title)\"")
    }
    static let sources = Bilingual(
        "来源",
        "Sources")
    static let stageCultivationCreationNamed = Bilingual(
        "名单：cultivation creation named",
        "stage: cultivation creation named")
    static let start = Bilingual(
        "开工率",
        "Start%")
    static let startRate = Bilingual(
        "开工率",
        "start rate")
    static let startRate2 = Bilingual(
        "开工率",
        "Start rate")
    static let started = Bilingual(
        "已开工",
        "Started")
    static let subtotalFilteredKnown = Bilingual(
        "筛选后已知合计",
        "Sum of known (filtered)")
    static let subtotalKnown = Bilingual(
        "小计（已知）",
        "Subtotal (known)")
    static let sumOfKnown = Bilingual(
        "已知小镇合计",
        "Sum of known")
    static let syntheticData = Bilingual(
        "[合成数据] ",
        "[SYNTHETIC DATA] ")
    /// Keys pressed below the smallest screen (60x14), first pressed first: refused, whatever
    /// they are bound to. Up to 8 named, then how many more ("j k Enter … 另 3 个").
    static func keysRefusedWhileTooSmall(_ keys: [String]) -> Bilingual {
        let shown = keys.prefix(8).joined(separator: " ")
        let more = keys.count - min(keys.count, 8)
        if keys.count == 1 {
            return Bilingual("终端太小，按键 \(shown) 未执行", "terminal too small: key \(shown) not acted on")
        }
        return Bilingual(
            "终端太小，按键 \(shown)\(more > 0 ? " … 另 \(more) 个" : "") 均未执行",
            "terminal too small: keys \(shown)\(more > 0 ? " … and \(more) more" : "") not acted on")
    }
    /// The too-small screen's last line (below 60x14, `Renderer.drawTooSmall`): what still acts
    /// there (`route`: only the quit key; a resize redraws), before any key was refused.
    static func onlyQuitActsHere(_ quit: String) -> Bilingual {
        Bilingual(
            "此时只有 \(quit)（退出）可用",
            "only \(quit) (quit) acts here")
    }
    /// The too-small screen's last line once keys were refused there (`AppState.keysRefusedWhileTooSmall`,
    /// first pressed first, each once): said at once on that screen, with what still acts. Up to 8
    /// named, then how many more.
    static func keysRefusedHere(_ keys: [String], quit: String) -> Bilingual {
        let shown = keys.prefix(8).joined(separator: " ")
        let more = keys.count - min(keys.count, 8)
        if keys.count == 1 {
            return Bilingual("按键 \(shown) 未执行；只有 \(quit)（退出）可用",
                             "key \(shown) not acted on; only \(quit) (quit) acts")
        }
        return Bilingual(
            "按键 \(shown)\(more > 0 ? " … 另 \(more) 个" : "") 均未执行；只有 \(quit)（退出）可用",
            "keys \(shown)\(more > 0 ? " … and \(more) more" : "") not acted on; only \(quit) (quit) acts")
    }
    /// The first frame's notice where the terminal says it has more colours (`COLORTERM`,
    /// `truecolor` or `24bit`) than its terminfo entry (`TERM`) allows: 8, so the themes are drawn
    /// with their `[roles8]` colours. Values as the environment gives them. What to set first (wave 34:
    /// at 80 columns, a pointer to more notices after it, the status line cut it before the advice).
    public static func colortermButEightColours(_ colorterm: String, term: String) -> Bilingual {
        Bilingual(
            "要用完整的主题，请设 TERM=xterm-256color（COLORTERM=\(colorterm)，但 TERM=\(term) 只有 8 色）",
            "set TERM=xterm-256color for the full themes (COLORTERM=\(colorterm) but TERM=\(term) has 8 colours)")
    }
    static let terminalTooSmall = Bilingual(
        "终端太小",
        "terminal too small")
    static let text = Bilingual(
        "、",
        ", ")
    static let text2 = Bilingual(
        "个",
        "")
    static let theSourceGivesOnlyA = Bilingual(
        "下限：来源只给出下限",
        "the source gives only a lower bound")
    static let theSourceNamesNoEntity = Bilingual(
        "（来源未载明运营主体）",
        "(the source names no entity)")
    static let theme = Bilingual(
        "主题：",
        "theme: ")
    static let theme2 = Bilingual(
        "主题：",
        "theme: ")
    static func totals(_ regionZH: String, _ regionEN: String) -> Bilingual {
        Bilingual(
            "\(whole(regionZH))报告 \(regionZH)",
            "\(regionEN) totals")
    }
    static let town = Bilingual(
        "小镇",
        "Town")
    static let townList = Bilingual(
        "小镇名单",
        "Town list")
    static func towns(_ n: String) -> Bilingual {
        Bilingual(
            "\(n) 个小镇",
            townsEN(n))
    }
    static let towns2 = Bilingual(
        "小镇",
        "Towns")
    static let towns3 = Bilingual(
        "小镇",
        "Towns")
    static let type = Bilingual(
        "类型",
        "Type")
    static let type2 = Bilingual(
        "类型",
        "Type")
    static let typeMustBe = Bilingual(
        "类型应为 1-4",
        "type must be 1-4")
    static let types = Bilingual(
        "类型",
        "Types")
    static let unknown = Bilingual(
        "未知",
        "unknown")
    static let unknown2 = Bilingual(
        "未知：",
        "unknown: ")
    static func unknownCommandCommands(_ name: String, _ names: String) -> Bilingual {
        Bilingual(
            "未知命令「\(name)」；命令：\(names)",
            "unknown command \"\(name)\"; commands: \(names)")
    }
    static let unknownNoSourceGivesIt = Bilingual(
        "未知：没有来源给出（不记作 0）",
        "unknown: no source gives it (never 0)")
    static let unknownNoSourceGivesIt2 = Bilingual(
        "未知：没有来源给出",
        "unknown: no source gives it")
    static let unknownTheSourceDoesNot = Bilingual(
        "未知：来源未说明",
        "unknown: the source does not say")
    static let unknownTheSourceNamesNo = Bilingual(
        "未知：来源未指明运营主体",
        "unknown: the source names no operating entity")
    static let usageFilterCountyName = Bilingual(
        "用法：filter county 县名",
        "usage: filter county NAME")
    static let usageFilterCountyTypeStage = Bilingual(
        "用法：filter county|type|stage|behind|problem|clear …",
        "usage: filter county|type|stage|behind|problem|clear ...")
    static let usageLangZhEn = Bilingual(
        "用法：lang zh|en",
        "usage: lang zh|en")
    static let usageSortColumnAscDesc = Bilingual(
        "用法：sort 列 [asc|desc]",
        "usage: sort COLUMN [asc|desc]")
    static let usageTownName = Bilingual(
        "用法：town 名称",
        "usage: town NAME")
    static let withFigures = Bilingual(
        "有数据",
        "With figures")
    static let wrappedToTheFirst = Bilingual(
        "（已回到第一期）",
        " (wrapped to the first)")
    static let wrappedToTheLast = Bilingual(
        "（已回到最后一期）",
        " (wrapped to the last)")
    static let yearPlan = Bilingual(
        "3年计划",
        "3-year plan")
    static let yearPlanYearPlan = Bilingual(
        "年度计划占比",
        "year plan / 3-year plan")
    static let yearPlannedInvestment = Bilingual(
        "3年计划投资",
        "3-year planned investment")
    static let yearProjects = Bilingual(
        "3年项目",
        "3-year projects")
    static let yearSPlannedInvestment = Bilingual(
        "年度计划投资",
        "year's planned investment")
    static let yesEnterOpens = Bilingual(
        "有 — Enter 打开",
        "yes — Enter opens")
}

/// A text in Chinese and in English.
public struct Bilingual: Hashable, Sendable, Codable {
    public let zh: String
    public let en: String
    public init(_ zh: String, _ en: String) { self.zh = zh; self.en = en }
}
