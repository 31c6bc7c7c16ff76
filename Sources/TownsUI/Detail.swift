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
        cache.detail(ViewCache.DetailKey(town: id, width: width, period: periodIndex, glyphs: glyphs)) {
            makeTownDetail(id, width: width, glyphs: glyphs)
        }
    }

    /// The town with this id (`Dataset.town`, through an index).
    func town(_ id: String) -> Town? {
        cache.townIndex(dataset)[id].map { dataset.towns[$0] }
    }

    func makeTownDetail(_ id: String, width: Int, glyphs: Glyphs) -> [DetailLine] {
        guard let town = town(id) else { return [.text("没有这个小镇 no town '\(id)'", .warning)] }
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
                var s = "报告 reported: \(source)"
                if let at { s += " \(at)" }
                if let quote { s += " “\(quote)”" }
                if let note { s += " — \(note)" }
                if let origin { s += " [\(fileName(origin.file)):\(origin.line)]" }
                return (s, .source)
            case let .derived(formula):
                var s = "推算 derived: \(formula)"
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
            let note = figure.map { cite($0.provenance, origin: $0.origin) } ?? ("未知 unknown: no source gives it", .unknown)
            field(label, shown, role, note)
        }

        out.append(DetailLine([(town.nameZH, .title), ("  " + town.nameEN, .label)]))
        out.append(.text(""))
        field("县(市、区)", town.countyZH, nil,
              town.countyFrom == "name" ? ("read from the town's name (the source prints no county column)", .derived) : nil)
        let typeName = dataset.type(town.type)?.nameZH ?? "?"
        field("类型 type", "\(town.type) \(typeName)", nil, town.typeAt.map { ("报告 reported: \($0)", .source) })
        if let industry = town.industry {
            field("产业 industry", industry, nil, town.industryNote.map { ("\($0)", .source) })
        } else {
            field("产业 industry", glyphs.unknown, .unknown, nil)
        }
        let listName: String = { switch town.list { case .cultivation: return "培育名单 cultivation"; case .creation: return "创建名单 creation"; case .named: return "已命名 named" } }()
        field("名单 list", listName + (town.listDate.map { " \($0)" } ?? ""), nil, town.listSource.map { ("报告 reported: \($0)", .source) })
        if town.entityIDs.isEmpty {
            field("运营主体", glyphs.unknown, .unknown, ("未知 unknown: the source names no operating entity", .unknown))
        }
        for (i, eid) in town.entityIDs.enumerated() {
            let entity = dataset.entity(eid)
            field(i == 0 ? "运营主体 entities" : "", entity?.nameZH ?? eid, nil, entity.map { cite($0.provenance, origin: nil) })
        }
        field("模式 mode", town.mode.map { "\(Self.modeName($0)) \($0.rawValue)" } ?? glyphs.unknown, town.mode == nil ? .unknown : nil,
              town.mode == nil ? ("未知 unknown: the source does not say", .unknown) : town.modeAt.map { ("报告 reported: \($0)", .source) })
        out.append(.text(""))
        out.append(.text("投资与项目 Investment and projects (\(dataset.unit))", .header))
        figureField("3年计划 plan", metrics.figure(town, FigureKey(.planTotal)), unit: dataset.unit)
        figureField("3年项目 projects", metrics.figure(town, FigureKey(.projectsPlanned)), unit: "个")
        var years: [Int] = []
        for p in dataset.periods where !years.contains(p.year) { years.append(p.year) }
        for y in years {
            figureField("\(y)计划 plan", metrics.figure(town, FigureKey(.planYear, String(y))), unit: dataset.unit)
        }
        out.append(.text(""))
        out += history(town, width: width, glyphs: glyphs)
        for p in dataset.periods {
            out.append(.text(""))
            out.append(.text(p.labelZH + "  " + p.labelEN + (p.id == period?.id ? "  ◀ 当前期间 shown period" : ""), .header))
            figureField("完成 completed", metrics.figure(town, FigureKey(.completed, p.id)), unit: dataset.unit)
            figureField("完成率 of plan", metrics.figure(town, FigureKey(.completionRate, p.id)), unit: "%",
                        flagged: flagged(town, FigureKey(.completionRate, p.id)))
            figureField("已开工 started", metrics.figure(town, FigureKey(.projectsStarted, p.id)), unit: "个")
            figureField("开工率 start rate", metrics.figure(town, FigureKey(.startRate, p.id)), unit: "%",
                        flagged: flagged(town, FigureKey(.startRate, p.id)))
            for m in [Measure.featuredInvestment, .featuredShare, .revenue] {
                if let f = metrics.figure(town, FigureKey(m, p.id)) {
                    figureField(m.rawValue, f, unit: m.unit == .percent ? "%" : dataset.unit)
                }
            }
        }
        if !dataset.rules.isEmpty {
            out.append(.text(""))
            out.append(.text("省级规则考核 Assessment against the province's rules", .header))
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
                if !r.missing.isEmpty { note += "; 缺 missing: " + r.missing.joined(separator: ", ") }
                let (src, _) = cite(rule.provenance, origin: rule.origin)
                field(rule.shortZH + " " + mark.0, rule.titleZH, mark.1, (note + " — " + src, r.status == .unknown ? .unknown : .source))
            }
        }
        // `findings` about this town: only its own rate checks carry its id.
        let mine = checker.ratioFindings(for: town).filter { $0.townID == town.id && $0.kind != .shortfall }
        if !mine.isEmpty {
            out.append(.text(""))
            out.append(.text("核对 Checks", .header))
            for f in mine {
                for l in TextWrap.wrap("\(f.kind == .confirmed ? "✓" : "!") \(f.message)", width: width) {
                    out.append(.text(l, f.kind == .confirmed ? .legend : .warning))
                }
            }
        }
        if !cited.isEmpty {
            out.append(.text(""))
            out.append(.text("来源 Sources", .header))
            for id in cited {
                guard let s = dataset.sources[id] else { continue }
                var text = "\(id): \(s.title)"
                if let a = s.author { text += "，\(a)" }
                if let u = s.url { text += " \(u)" }
                if let n = s.note { text += " — \(n)" }
                for l in TextWrap.wrap(text, width: width) { out.append(.text(l, .source)) }
            }
        }
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
            (pad("进度历史 History", cols[0], right: false), .header), (pad("完成", cols[1]), .header),
            (pad("完成率", cols[2]), .header), (pad("应完成", cols[3]), .header), (pad("进度差", cols[4]), .header),
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
            var runs: [(String, Role?)] = [(pad(p.labelZH, cols[0], right: false), .label), (pad(d.0, cols[1]), d.1),
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
