import Foundation
import TownsCore

/// One line of a detail page: runs of text, each in a role.
public struct DetailLine: Sendable {
    public var runs: [(String, Role?)]
    public init(_ runs: [(String, Role?)]) { self.runs = runs }
    public static func text(_ s: String, _ role: Role? = nil) -> DetailLine { DetailLine([(s, role)]) }
}

extension AppState {
    /// The lines of a town's detail page at `width` cells: every field with its source or
    /// formula, the figures of every period (unknown ones shown as unknown), the findings
    /// about the town, and the sources cited.
    public func townDetail(_ id: String, width: Int, glyphs: Glyphs = .unicode) -> [DetailLine] {
        cache.detail(ViewCache.DetailKey(town: id, width: width, period: periodIndex, glyphs: glyphs, language: language)) {
            makeTownDetail(id, width: width, glyphs: glyphs)
        }
    }

    /// The town with this id (`Dataset.town`, through an index).
    func town(_ id: String) -> Town? {
        cache.townIndex(dataset)[id].map { dataset.towns[$0] }
    }

    func makeTownDetail(_ id: String, width: Int, glyphs: Glyphs) -> [DetailLine] {
        guard let town = town(id) else { return [.text(tr("没有这个小镇 no town '\(id)'", "no town '\(id)'"), .warning)] }
        let ft = FigureText(glyphs: glyphs)
        var out: [DetailLine] = []
        let labelWidth = 20
        let valueWidth = 14
        let wide = width >= 64
        var cited: [String] = []

        func cite(_ p: Provenance, origin: SourceLocation?) -> (String, Role) {
            switch p {
            case let .reported(source, at, quote, note):
                if !cited.contains(source) { cited.append(source) }
                var s = tr("报告 reported: ", "reported: ") + source
                if let at { s += " \(at)" }
                if let quote { s += " “\(quote)”" }
                if let note { s += " — \(note)" }
                if let origin { s += " [\(fileName(origin.file)):\(origin.line)]" }
                return (s, .source)
            case let .derived(formula):
                var s = tr("推算 derived: ", "derived: ") + formula
                if let origin { s += " [\(fileName(origin.file)):\(origin.line)]" }
                return (s, .derived)
            case let .interpreted(reasoning, readings):
                var s = tr("解读 interpreted: ", "interpreted: ") + reasoning
                if !readings.isEmpty { s += tr(" 各种读法 readings: ", " readings: ") + readings.joined(separator: "; ") }
                if let origin { s += " [\(fileName(origin.file)):\(origin.line)]" }
                return (s, .derived)
            }
        }

        func field(_ label: String, _ value: String, _ valueRole: Role?, _ note: (String, Role)?) {
            let labelText = TableRenderer(theme: .monochrome, glyphs: glyphs).fit(label, width: labelWidth - 1)
            let pad = String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(labelText)))
            let valueFit = value
            if wide, let note {
                let vpad = String(repeating: " ", count: max(1, valueWidth - DisplayWidth.of(valueFit)))
                let noteWidth = max(10, width - labelWidth - max(valueWidth, DisplayWidth.of(valueFit) + 1))
                let wrapped = TextWrap.wrap(note.0, width: noteWidth)
                out.append(DetailLine([(labelText + pad, .label), (valueFit + vpad, valueRole), (wrapped.first ?? "", note.1)]))
                let indent = String(repeating: " ", count: width - noteWidth)
                for more in wrapped.dropFirst() { out.append(DetailLine([(indent + more, note.1)])) }
            } else {
                out.append(DetailLine([(labelText + pad, .label), (valueFit, valueRole)]))
                if let note {
                    for more in TextWrap.wrap(note.0, width: max(10, width - 4)) { out.append(DetailLine([("    " + more, note.1)])) }
                }
            }
        }

        func figureField(_ label: String, _ figure: Figure?, unit: String, flagged: Bool = false) {
            let cell = unit == "%" ? ft.percent(figure, flagged: flagged) : ft.value(figure, flagged: flagged)
            guard case let .text(value, role) = cell else { return }
            let shown = figure == nil ? value : value + (unit == "%" ? "" : " \(unit)")
            let note = figure.map { cite($0.provenance, origin: $0.origin) } ?? (tr("未知 unknown: no source gives it", "unknown: no source gives it"), .unknown)
            field(label, shown, role, note)
        }

        out.append(language == .zh ? DetailLine([(town.nameZH, .title), ("  " + town.nameEN, .label)])
                                   : DetailLine([(town.nameEN, .title), ("  " + town.nameZH, .label)]))
        out.append(.text(""))
        field(tr("县(市、区)", "County"), county(town), nil,
              town.countyFrom == "name" ? ("read from the town's name (the source prints no county column)", .derived) : nil)
        let typeName = dataset.type(town.type).map { tr($0.nameZH, $0.nameEN) } ?? "?"
        field(tr("类型 type", "Type"), "\(town.type) \(typeName)", nil, town.typeAt.map { (tr("报告 reported: ", "reported: ") + $0, .source) })
        if let industry = town.industry {
            field(tr("产业 industry", "Industry"), industry, nil, town.industryNote.map { ("\($0)", .source) })
        } else {
            field(tr("产业 industry", "Industry"), glyphs.unknown, .unknown, nil)
        }
        let listName: String = { switch town.list { case .cultivation: return tr("培育名单 cultivation", "cultivation list"); case .creation: return tr("创建名单 creation", "creation list"); case .named: return tr("已命名 named", "named") } }()
        field(tr("名单 list", "List"), listName + (town.listDate.map { " \($0)" } ?? ""), nil, town.listSource.map { (tr("报告 reported: ", "reported: ") + $0, .source) })
        if town.entityIDs.isEmpty {
            field(tr("运营主体", "Entities"), glyphs.unknown, .unknown, (tr("未知 unknown: the source names no operating entity", "unknown: the source names no operating entity"), .unknown))
        }
        for (i, eid) in town.entityIDs.enumerated() {
            let entity = dataset.entity(eid)
            field(i == 0 ? tr("运营主体 entities", "Entities") : "", entity.map { tr($0.nameZH, $0.nameEN) } ?? eid, nil, entity.map { cite($0.provenance, origin: nil) })
        }
        field(tr("模式 mode", "Mode"), town.mode.map { tr("\(Self.modeName($0)) \($0.rawValue)", $0.rawValue) } ?? glyphs.unknown, town.mode == nil ? .unknown : nil,
              town.mode == nil ? (tr("未知 unknown: the source does not say", "unknown: the source does not say"), .unknown) : town.modeAt.map { (tr("报告 reported: ", "reported: ") + $0, .source) })
        out.append(.text(""))
        out.append(.text(tr("投资与项目 Investment and projects (\(dataset.unit))", "Investment and projects (\(dataset.unit) = 100 million yuan)"), .header))
        figureField(tr("3年计划 plan", "3-year plan"), metrics.figure(town, FigureKey(.planTotal)), unit: dataset.unit)
        figureField(tr("3年项目 projects", "3-year projects"), metrics.figure(town, FigureKey(.projectsPlanned)), unit: tr("个", ""))
        if let area = metrics.figure(town, FigureKey(.areaPlanned)) {
            figureField(tr("规划面积 area", "Planned area"), area, unit: "km²")
        }
        var years: [Int] = []
        for p in dataset.periods where !years.contains(p.year) { years.append(p.year) }
        for y in years {
            figureField(tr("\(y)计划 plan", "\(y) plan"), metrics.figure(town, FigureKey(.planYear, String(y))), unit: dataset.unit)
        }
        out.append(.text(""))
        out += history(town, width: width, glyphs: glyphs)
        for p in dataset.periods {
            out.append(.text(""))
            out.append(.text(tr(p.labelZH + "  " + p.labelEN, p.labelEN) + (p.id == period?.id ? tr("  ◀ 当前期间 shown period", "  ◀ shown period") : ""), .header))
            figureField(tr("完成 completed", "Completed"), metrics.figure(town, FigureKey(.completed, p.id)), unit: dataset.unit)
            figureField(tr("完成率 of plan", "% of plan"), metrics.figure(town, FigureKey(.completionRate, p.id)), unit: "%",
                        flagged: flagged(town, FigureKey(.completionRate, p.id)))
            figureField(tr("已开工 started", "Started"), metrics.figure(town, FigureKey(.projectsStarted, p.id)), unit: tr("个", ""))
            figureField(tr("开工率 start rate", "Start rate"), metrics.figure(town, FigureKey(.startRate, p.id)), unit: "%",
                        flagged: flagged(town, FigureKey(.startRate, p.id)))
            for m in [Measure.featuredInvestment, .featuredShare, .revenue] {
                if let f = metrics.figure(town, FigureKey(m, p.id)) {
                    figureField(m.rawValue, f, unit: m.unit == .percent ? "%" : dataset.unit)
                }
            }
        }
        if !dataset.rules.isEmpty {
            out.append(.text(""))
            out.append(.text(tr("省级规则考核 Assessment against the province's rules", "Assessment against the province's rules"), .header))
            let assessment = Assessment(metrics: metrics)
            for rule in dataset.rules {
                let r = assessment.evaluate(rule, town)
                let mark: (String, Role?) = {
                    switch r.status {
                    case .met: return (glyphs.met, nil)
                    case .notMet: return (glyphs.notMet, .behind)
                    case .unknown: return (glyphs.undetermined, .unknown)
                    case .info: return ("·", .legend)
                    }
                }()
                var note = r.detail
                if !r.missing.isEmpty { note += tr("; 缺 missing: ", "; missing: ") + r.missing.joined(separator: ", ") }
                let (src, _) = cite(rule.provenance, origin: rule.origin)
                field(rule.shortZH + " " + mark.0, rule.titleZH, mark.1, (note + " — " + src, r.status == .unknown ? .unknown : .source))
            }
        }
        if let catalogue = dataset.problems {
            out.append(.text(""))
            out.append(.text(tr("问题 Problems (paper 三)", "Problems (paper, section 三)"), .header))
            let flags = catalogue.flags(of: town.id)
            if flags.isEmpty {
                for l in TextWrap.wrap(tr("未知 unknown: ", "unknown: ") + "no source attributes any of these problems to this town (the paper names them for the towns as a group).", width: width) {
                    out.append(.text(l, .unknown))
                }
            }
            for problem in catalogue.problems {
                let flag = flags.first { $0.problemID == problem.id }
                let mark = flag != nil ? "!" : (flags.isEmpty ? "?" : "·")
                let note = flag.map { cite($0.provenance, origin: nil) } ?? (problem.causeZH.map { (tr("原因 cause: ", "cause: ") + $0, Role.legend) } ?? ("", Role.legend))
                field("\(problem.number) \(mark)", tr(problem.nameZH, problem.nameEN), flag != nil ? .warning : (flags.isEmpty ? .unknown : nil), note)
            }
            if !catalogue.countermeasures.isEmpty {
                out.append(.text(""))
                out.append(.text(tr("对策清单 Countermeasures checklist (paper 四)", "Countermeasures checklist (paper, section 四)"), .header))
                for group in ProblemCatalogue.Countermeasure.Group.allCases {
                    let items = catalogue.countermeasures.filter { $0.group == group }
                    guard !items.isEmpty else { continue }
                    out.append(.text(tr(group.nameZH, group.rawValue), .label))
                    for item in items {
                        let progress = catalogue.progress(of: town.id, item.id)
                        let box: String
                        switch progress?.status {
                        case .done?: box = "[x]"
                        case .inProgress?: box = "[~]"
                        case .notStarted?: box = "[ ]"
                        case nil: box = "[?]"
                        }
                        let note = progress.map { cite($0.provenance, origin: nil) } ?? (tr("未知 unknown", "unknown"), .unknown)
                        field("  \(box)", tr(item.nameZH, item.nameEN), progress == nil ? .unknown : nil, note)
                    }
                }
            }
        }
        // `findings` about this town: its own rate checks and its plan derivations.
        let mine = checker.findings(for: town).filter { $0.kind != .shortfall }
        if !mine.isEmpty {
            out.append(.text(""))
            out.append(.text(tr("核对 Checks", "Checks"), .header))
            for f in mine {
                for l in TextWrap.wrap("\(f.kind == .confirmed ? "✓" : "!") \(f.message)", width: width) {
                    out.append(.text(l, f.kind == .confirmed ? .legend : .warning))
                }
            }
        }
        out += sourceLines(cited, width: width)
        return out
    }
}

extension AppState {
    /// The town's progress across periods: a table (completed, completion, expected by now,
    /// schedule variance) with a bar per period carrying the expected-by-now mark.
    func history(_ town: Town, width: Int, glyphs: Glyphs) -> [DetailLine] {
        let ft = FigureText(glyphs: glyphs)
        let cols = [18, 9, 8, 8, 8]
        func pad(_ s: String, _ w: Int, right: Bool = true) -> String {
            let n = max(0, w - DisplayWidth.of(s))
            return right ? String(repeating: " ", count: n) + s : s + String(repeating: " ", count: n)
        }
        var out: [DetailLine] = [DetailLine([
            (pad(tr("进度历史 History", "History"), cols[0], right: false), .header), (pad(tr("完成", "Done"), cols[1]), .header),
            (pad(tr("完成率", "Done%"), cols[2]), .header), (pad(tr("应完成", "Expected"), cols[3]), .header), (pad(tr("进度差", "Sched."), cols[4]), .header),
        ])]
        let barWidth = max(0, min(30, width - cols.reduce(0, +) - 2))
        for p in dataset.periods {
            let done = metrics.figure(town, FigureKey(.completed, p.id))
            let rate = metrics.figure(town, FigureKey(.completionRate, p.id))
            let v = metrics.scheduleVariance(rate, period: p)
            func cellText(_ c: TableCell) -> (String, Role?) {
                if case let .text(s, r) = c { return (s, r) }
                return ("", nil)
            }
            let d = cellText(ft.value(done)), r = cellText(ft.percent(rate))
            let elapsed = DecimalMath.text(Decimal(p.through) / 12 * 100, scale: 1) + "%"
            var variance: (String, Role?) = (glyphs.unknown, .unknown)
            if let x = v?.quantity.exactValue {
                variance = x < 0 ? (DecimalMath.text(x, scale: 1) + glyphs.behind, .behind) : ((x > 0 ? "+" : "") + DecimalMath.text(x, scale: 1), nil)
            }
            var runs: [(String, Role?)] = [(pad(label(p), cols[0], right: false), .label), (pad(d.0, cols[1]), d.1),
                                           (pad(r.0, cols[2]), r.1), (pad(elapsed, cols[3]), .legend), (pad(variance.0, cols[4]), variance.1)]
            if barWidth >= 5, let value = rate?.quantity.exactValue {
                let behind = DecimalMath.double(value) < p.elapsedPercent
                runs.append(("  " + glyphs.bar(fraction: DecimalMath.double(value) / 100, width: barWidth, marker: Double(p.through) / 12),
                             behind ? .behind : (rate!.isDerived ? .derived : .barFill)))
            }
            out.append(DetailLine(runs))
        }
        return out
    }
}

/// The last component of a path ("Data/figures.toml" -> "figures.toml").
func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}

extension AppState {
    /// The lines of a page screen (a town's, or the city's totals), at `width` cells.
    public func pageLines(_ kind: Screen.Kind, width: Int, glyphs: Glyphs = .unicode) -> [DetailLine] {
        switch kind {
        case let .town(id): return townDetail(id, width: width, glyphs: glyphs)
        case .cityTotals: return cityTotalsDetail(width: width, glyphs: glyphs)
        default: return []
        }
    }

    /// The "Sources" block of a page: each source cited, with its author, address and note.
    func sourceLines(_ cited: [String], width: Int) -> [DetailLine] {
        guard !cited.isEmpty else { return [] }
        var out: [DetailLine] = [.text(""), .text(tr("来源 Sources", "Sources"), .header)]
        for id in cited {
            guard let s = dataset.sources[id] else { continue }
            var text = "\(id): \(s.title)"
            if let a = s.author { text += "，\(a)" }
            if let u = s.url { text += " \(u)" }
            if let n = s.note { text += " — \(n)" }
            for l in TextWrap.wrap(text, width: width) { out.append(.text(l, .source)) }
        }
        return out
    }

    /// A measure's name in the interface language.
    func measureLabel(_ m: Measure) -> String {
        switch m {
        case .planTotal: return tr("3年计划投资 3-year plan", "3-year planned investment")
        case .planYear: return tr("年度计划投资 year plan", "year's planned investment")
        case .planShare: return tr("年度计划占比 plan share", "year plan / 3-year plan")
        case .completed: return tr("完成投资 completed", "completed investment")
        case .completionRate: return tr("完成率 of plan", "% of the year's plan")
        case .projectsPlanned: return tr("3年计划项目 projects", "projects planned (3 years)")
        case .projectsStarted: return tr("已开工项目 started", "projects started")
        case .startRate: return tr("开工率 start rate", "start rate")
        case .featuredInvestment: return tr("特色产业投资 featured", "featured-industry investment")
        case .featuredShare: return tr("特色产业占比 featured %", "featured-industry share")
        case .revenue: return tr("营业收入 revenue", "revenue")
        case .areaPlanned: return tr("规划面积 area", "planned area")
        case .areaBuilt: return tr("建成面积 built", "built area")
        case .investmentMinimum: return tr("最低投资要求 minimum", "required minimum investment")
        }
    }

    /// The city's reported totals, each with its source (or the formula of one derived from
    /// other totals), then the consistency checks on them (the paper's 42.5% against
    /// 45.06 / 106.8, what the towns' known figures leave unaccounted for, ...).
    func cityTotalsDetail(width: Int, glyphs: Glyphs) -> [DetailLine] {
        let ft = FigureText(glyphs: glyphs)
        var out: [DetailLine] = [DetailLine([(tr("全市报告 \(dataset.regionZH)", "\(dataset.regionEN): reported totals"), .title),
                                             ("  " + tr(dataset.nameEN, dataset.nameZH), .label)]), .text("")]
        var cited: [String] = []
        func line(_ label: String, _ figure: Figure?, unit: String, key: FigureKey? = nil) {
            let flag = key.map { flagged(nil, $0) } ?? false
            let cell = unit == "%" ? ft.percent(figure, flagged: flag) : ft.value(figure, flagged: flag, suffix: unit.isEmpty || unit == "%" ? "" : " " + unit)
            guard case let .text(value, role) = cell else { return }
            var note: (String, Role)
            switch figure?.provenance {
            case let .reported(source, at, quote, n)?:
                if !cited.contains(source) { cited.append(source) }
                var t = tr("报告 reported: ", "reported: ") + source
                if let at { t += " \(at)" }
                if let quote { t += " “\(quote)”" }
                if let n { t += " — \(n)" }
                if let o = figure?.origin { t += " [\(fileName(o.file)):\(o.line)]" }
                note = (t, .source)
            case let .derived(formula)?:
                note = (tr("推算 derived: ", "derived: ") + formula, .derived)
            case let .interpreted(reasoning, readings)?:
                note = (tr("解读 interpreted: ", "interpreted: ") + reasoning + " " + readings.joined(separator: "; "),
                        .derived)
            case nil:
                note = (tr("未知 unknown", "unknown"), .unknown)
            }
            let labelWidth = 24, valueWidth = 12
            let l = TableRenderer(theme: .monochrome, glyphs: glyphs).fit(label, width: labelWidth - 1)
            let lpad = String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(l)))
            let vpad = String(repeating: " ", count: max(1, valueWidth - DisplayWidth.of(value)))
            let noteWidth = max(10, width - labelWidth - valueWidth)
            let wrapped = TextWrap.wrap(note.0, width: noteWidth)
            out.append(DetailLine([(l + lpad, .label), (value + vpad, role), (wrapped.first ?? "", note.1)]))
            for more in wrapped.dropFirst() { out.append(DetailLine([(String(repeating: " ", count: labelWidth + valueWidth) + more, note.1)])) }
        }
        func unit(_ m: Measure) -> String {
            switch m.unit {
            case .yi: return dataset.unit
            case .percent: return "%"
            case .count: return ""
            case .squareKilometres: return "km²"
            }
        }
        for m in Measure.allCases where m.periodKind == .none {
            if let f = metrics.total(FigureKey(m)) { line(measureLabel(m), f, unit: unit(m)) }
        }
        var years: [Int] = []
        for p in dataset.periods where !years.contains(p.year) { years.append(p.year) }
        for y in years {
            for m in Measure.allCases where m.periodKind == .year {
                if let f = metrics.total(FigureKey(m, String(y))) { line("\(y) " + measureLabel(m), f, unit: unit(m)) }
            }
        }
        for p in dataset.periods {
            out.append(.text(""))
            out.append(.text(label(p) + (p.id == period?.id ? tr("  ◀ 当前期间 shown period", "  ◀ shown period") : ""), .header))
            for m in Measure.allCases where m.periodKind == .cumulative {
                let f = metrics.total(FigureKey(m, p.id))
                if f != nil || [.completed, .completionRate].contains(m) { line(measureLabel(m), f, unit: unit(m), key: FigureKey(m, p.id)) }
            }
        }
        let mine = checker.run().filter { $0.townID == nil }
        if !mine.isEmpty {
            out.append(.text(""))
            out.append(.text(tr("核对 Checks (towns check)", "Checks (towns check)"), .header))
            for f in mine {
                let mark = f.kind == .confirmed ? "✓" : (f.kind == .inconsistency ? "!" : "…")
                for l in TextWrap.wrap("\(mark) \(f.subject): \(f.message)", width: width) {
                    out.append(.text(l, f.kind == .confirmed ? .legend : (f.kind == .inconsistency ? .warning : .row)))
                }
            }
        }
        out += sourceLines(cited, width: width)
        return out
    }
}
