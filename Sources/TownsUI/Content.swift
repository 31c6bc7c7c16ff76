import TownsCore

/// The rows of a list screen, computed from state: what the table shows and what Enter
/// opens on each row. `update` and the views both use it, so they agree on row counts.
public struct ListContent: Sendable {
    public var columns: [Column]
    public var rows: [TableRow]
    /// What Enter opens on each row (same count as `rows`); nil where there is nothing to open.
    public var targets: [Screen.Kind?]
    /// Rows pinned under the table (totals); not selectable.
    public var summary: [TableRow]
    /// Shown when `rows` is empty.
    public var emptyText: String
    /// Lines of explanation drawn under the table.
    public var notes: [String] = []
}

extension AppState {
    /// Whether a consistency check casts doubt on the rate `key` of `town` (nil: the city's
    /// totals): an inconsistency among `findings` flagging it, found by checking that rate alone.
    func flagged(_ town: Town?, _ key: FigureKey) -> Bool {
        checker.isFlagged(key, town: town)
    }

    /// The list shown by `kind`, or nil for a detail page. Made once per view, period and
    /// glyphs and kept (`ViewCache`) while the view is in use.
    public func listContent(_ kind: Screen.Kind, glyphs: Glyphs = .unicode) -> ListContent? {
        cachedList(kind, glyphs: glyphs)?.content
    }

    /// The cached list with its natural column widths.
    func cachedList(_ kind: Screen.Kind, glyphs: Glyphs) -> ViewCache.List? {
        if case .town = kind { return nil }
        return cache.list(ViewCache.ListKey(kind: kind, period: periodIndex, glyphs: glyphs)) { makeListContent(kind, glyphs: glyphs) }
    }

    func makeListContent(_ kind: Screen.Kind, glyphs: Glyphs) -> ListContent? {
        switch kind {
        case .towns:
            return townsTable(dataset.towns, withCity: true, glyphs: glyphs)
        case let .type(n):
            return townsTable(dataset.towns(ofType: n), withCity: false, glyphs: glyphs)
        case let .entity(id):
            let towns = id.map { cache.townsByEntity(dataset)[$0] ?? [] } ?? dataset.towns.filter { $0.entityIDs.isEmpty }
            return townsTable(towns, withCity: false, glyphs: glyphs)
        case .types:
            return typesTable(glyphs: glyphs)
        case .entities:
            return entitiesTable(glyphs: glyphs)
        case .assessment:
            return assessmentTable(glyphs: glyphs)
        case .province:
            return provinceTable(glyphs: glyphs)
        case let .city(name):
            return cityTable(name, glyphs: glyphs)
        case .town:
            return nil
        }
    }

    /// The provincial list by city: towns listed, the count reported, a bar, and how many
    /// of the city's towns have figures in this dataset.
    func provinceTable(glyphs: Glyphs) -> ListContent {
        guard let list = dataset.province else {
            return ListContent(columns: [Column("城市")], rows: [], targets: [], summary: [],
                               emptyText: "没有全省名单 no province.toml in the dataset")
        }
        let columns = [
            Column("城市 city", priority: 100, minWidth: 8, maxWidth: 20),
            Column("小镇", .right, priority: 100),
            Column("报告", .right, priority: 50),
            Column("", priority: 60, flexible: true, minWidth: 6),
            Column("有数据", .right, priority: 80),
        ]
        let maxCount = max(1, list.cities.map { list.towns(in: $0.nameZH).count }.max() ?? 1)
        var rows: [TableRow] = []
        for city in list.cities {
            let towns = list.towns(in: city.nameZH)
            let withFigures = towns.filter { $0.townID != nil }.count
            let reported: TableCell = city.reportedCount.map { n in
                n == towns.count ? .plain(String(n)) : .text("\(n)!", .warning)
            } ?? .text(glyphs.unknown, .unknown)
            rows.append(TableRow([
                .plain("\(city.nameZH) \(city.nameEN)"), .plain(String(towns.count)), reported,
                .bar(fraction: Double(towns.count) / Double(maxCount), role: .barFill, marker: nil),
                withFigures == 0 ? .text(towns.isEmpty ? "" : "无 none", .unknown) : .plain(String(withFigures)),
            ]))
        }
        let total = TableRow([
            .plain("全省 Province"), .plain(String(list.listed.count)),
            list.reportedCount.map { .plain(String($0)) } ?? .text(glyphs.unknown, .unknown),
            .plain(""), .plain(String(list.listed.filter { $0.townID != nil }.count)),
        ], role: .totals)
        var note = "\(list.nameZH) \(list.nameEN)"
        if let d = list.date { note += " (\(d))" }
        note += ": 小镇 = towns listed in province.toml; 报告 = the count a source reports per city; 有数据 = towns with figures in this dataset."
        return ListContent(columns: columns, rows: rows, targets: list.cities.map { .city($0.nameZH) }, summary: [total],
                           emptyText: "没有城市 no [[city]] in province.toml", notes: [note])
    }

    /// The listed towns of one city; towns with figures open their pages.
    func cityTable(_ name: String, glyphs: Glyphs) -> ListContent {
        let listed = dataset.province?.towns(in: name) ?? []
        let columns = [
            Column("小镇", priority: 100, minWidth: 8, maxWidth: 30),
            Column("县市区", priority: 60),
            Column("数据 figures", priority: 90, maxWidth: 40),
        ]
        let rows = listed.map { t in
            TableRow([.plain(t.nameZH), t.countyZH.map { .plain($0) } ?? .text(glyphs.unknown, .unknown),
                      t.townID != nil ? .plain("有 — Enter 打开 open") : .text("无数据 no figures in this dataset", .unknown)])
        }
        return ListContent(columns: columns, rows: rows, targets: listed.map { $0.townID.map { .town($0) } }, summary: [],
                           emptyText: "\(name): 名单中没有小镇 no towns on the list")
    }

    /// Every town against every rule, with the city's first-year test under the table.
    func assessmentTable(glyphs: Glyphs) -> ListContent {
        let assessment = Assessment(metrics: metrics)
        let rules = dataset.rules
        var columns = [Column("小镇", priority: 100, minWidth: 8, maxWidth: 30)]
        for (i, rule) in rules.enumerated() {
            columns.append(Column(rule.shortZH, priority: 90 - i))
        }
        func mark(_ r: RuleResult) -> TableCell {
            switch r.status {
            case .met: return .text(glyphs.met, nil)
            case .notMet: return .text(glyphs.notMet, .behind)
            case .unknown: return .text(glyphs.undetermined, .unknown)
            case .info: return .text(r.short ?? "·", .legend)
            }
        }
        let rows = dataset.towns.map { town in
            TableRow([.plain(town.nameZH)] + rules.map { mark(assessment.evaluate($0, town)) })
        }
        var summary: [TableRow] = []
        var notes: [String] = []
        if let city = assessment.cityYearOne() {
            var cells: [TableCell] = [.plain("全市 \(dataset.regionZH)")]
            for rule in rules {
                switch rule.kind {
                case .yearOneMinimum:
                    if let margin = city.margin { cells.append(.text(margin >= 0 ? glyphs.met : glyphs.notMet, margin >= 0 ? nil : .behind)) }
                    else { cells.append(.text(glyphs.undetermined, .unknown)) }
                case .featuredShare:
                    let share = dataset.periods.reversed().compactMap { metrics.total(FigureKey(.featuredShare, $0.id))?.quantity.exactValue }.first
                    if let share { cells.append(.text(share >= rule.number("percent") ? glyphs.met : glyphs.notMet, nil)) }
                    else { cells.append(.text(glyphs.undetermined, .unknown)) }
                default:
                    cells.append(.plain(""))
                }
            }
            summary.append(TableRow(cells, role: .totals))
            var line = "全市 \(city.year) 首年最低投资 minimum: \(city.formula)"
            if let required = city.required { line += " = \(DecimalMath.text(required, scale: 0))" }
            if let reported = city.reported { line += " (报告 reported \(FigureText(glyphs: glyphs).text(reported)))" }
            if let completed = city.completed { line += "; 完成 completed \(FigureText(glyphs: glyphs).text(completed))" }
            if let margin = city.margin { line += "; \(margin >= 0 ? "超出 above by" : "不足 short by") \(DecimalMath.text(abs(margin), scale: 2))" }
            notes.append(line)
        }
        notes.append("\(glyphs.met) 达标 met  \(glyphs.notMet) 未达标 not met  \(glyphs.undetermined) 未知 unknown (the town's page names the missing figure)")
        return ListContent(columns: columns, rows: rows, targets: dataset.towns.map { .town($0.id) }, summary: summary,
                           emptyText: rules.isEmpty ? "没有规则 no rules.toml in the dataset" : "没有小镇 no towns", notes: notes)
    }

    /// The towns table: a row per town, then totals.
    func townsTable(_ towns: [Town], withCity: Bool, glyphs: Glyphs) -> ListContent {
        let ft = FigureText(glyphs: glyphs)
        let p = period?.id ?? ""
        let year = period.map { String($0.year) } ?? ""
        let columns = [
            Column("小镇", priority: 100, minWidth: 8, maxWidth: 30),
            Column("县市区", priority: 40, maxWidth: 12),
            Column("类型", .right, priority: 30),
            Column("年计划", .right, priority: 90),
            Column("完成", .right, priority: 95),
            Column("完成率", .right, priority: 95),
            Column("进度", priority: 60, flexible: true, minWidth: 5),
            Column("进度差", .right, priority: 65),
            Column("项目", .right, priority: 70),
            Column("开工率", .right, priority: 50),
        ]
        // Each town's figures looked up once, for its row and for the sums below; the rows
        // are made on every core (each row depends on its own town only).
        let (figures, rows) = concurrentMap(towns) { town -> (Metrics.PeriodFigures, TableRow) in
            let f = metrics.periodFigures(town, period: p, year: year)
            let rate = f.completionRate
            return (f, TableRow([
                .plain(town.nameZH),
                .plain(town.countyZH),
                .plain(String(town.type)),
                ft.value(f.planYear),
                ft.value(f.completed),
                ft.percent(rate, flagged: flagged(town, FigureKey(.completionRate, p))),
                bar(rate),
                variance(rate, glyphs: glyphs),
                projects(f.projectsStarted, f.projectsPlanned, ft),
                ft.percent(f.startRate, flagged: flagged(town, FigureKey(.startRate, p))),
            ]))
        }
        var summary: [TableRow] = []
        if withCity {
            let rate = metrics.total(FigureKey(.completionRate, p))
            summary.append(TableRow([
                .plain("全市报告 \(dataset.regionZH)"), .plain(""), .plain(""),
                ft.value(metrics.total(FigureKey(.planYear, year))),
                ft.value(metrics.total(FigureKey(.completed, p))),
                ft.percent(rate, flagged: flagged(nil, FigureKey(.completionRate, p))),
                bar(rate),
                variance(rate, glyphs: glyphs),
                projects(metrics.total(FigureKey(.projectsStarted, p)), metrics.total(FigureKey(.projectsPlanned)), ft),
                ft.percent(metrics.total(FigureKey(.startRate, p)), flagged: flagged(nil, FigureKey(.startRate, p))),
            ], role: .totals))
        }
        func known(_ pick: (Metrics.PeriodFigures) -> Figure?) -> Metrics.KnownSum {
            metrics.knownSum(zip(towns, figures).map { ($0, pick($1)) })
        }
        let sums: [Metrics.KnownSum?] = [nil, nil, nil, known(\.planYear), known(\.completed), nil, nil, nil, nil, nil]
        let startedSum = known(\.projectsStarted)
        let plannedSum = known(\.projectsPlanned)
        func sumCell(_ s: Metrics.KnownSum?) -> TableCell {
            guard let s else { return .plain("") }
            if s.known.isEmpty { return .text(glyphs.unknown, .unknown) }
            let text = DecimalMath.text(s.sum, scale: s.decimals)
            return s.derived.isEmpty ? .plain(text) : .text(glyphs.derived + text, .derived)
        }
        func countCell(_ s: Metrics.KnownSum?) -> TableCell {
            guard let s else { return .plain("") }
            return .text("\(s.known.count)/\(s.count)", .legend)
        }
        func projectSum(_ a: Metrics.KnownSum, _ b: Metrics.KnownSum) -> TableCell {
            let left = a.known.isEmpty ? glyphs.unknown : (a.derived.isEmpty ? "" : glyphs.derived) + DecimalMath.text(a.sum, scale: 0)
            let right = b.known.isEmpty ? glyphs.unknown : (b.derived.isEmpty ? "" : glyphs.derived) + DecimalMath.text(b.sum, scale: 0)
            return .text("\(left)/\(right)", (a.derived.isEmpty && b.derived.isEmpty) ? nil : .derived)
        }
        summary.append(TableRow([.plain(withCity ? "已知小镇合计" : "小计（已知）")] + sums.dropFirst().map(sumCell).prefix(7)
                                + [projectSum(startedSum, plannedSum), .plain("")], role: .totals))
        summary.append(TableRow([.text("  有数据的小镇", .legend)] + sums.dropFirst().map(countCell).prefix(7)
                                + [.plain(""), .plain("")], role: .legend))
        return ListContent(columns: columns, rows: rows, targets: towns.map { .town($0.id) }, summary: summary,
                           emptyText: "没有小镇 no towns")
    }

    /// A completion bar with the expected-by-now mark at the share of the year elapsed.
    func bar(_ rate: Figure?) -> TableCell {
        let marker = period.map { Double($0.through) / 12 }
        guard let v = rate?.quantity.exactValue else { return .bar(fraction: nil, role: .barFill, marker: nil) }
        let behind = period.map { DecimalMath.double(v) < $0.elapsedPercent } ?? false
        return .bar(fraction: DecimalMath.double(v) / 100, role: behind ? .behind : (rate!.isDerived ? .derived : .barFill), marker: marker)
    }

    /// Schedule variance in percentage points, "+17.7" or "-2.1▼" (behind schedule).
    func variance(_ rate: Figure?, glyphs: Glyphs) -> TableCell {
        guard let period, let x = metrics.scheduleVarianceValue(rate, period: period) else {
            return .text(glyphs.unknown + " ", .unknown)
        }
        let text = DecimalMath.text(x, scale: 1)
        if x < 0 { return .text(text + glyphs.behind, .behind) }
        return .text((x > 0 ? "+" : "") + text + " ", nil)
    }

    func projects(_ started: Figure?, _ planned: Figure?, _ ft: FigureText) -> TableCell {
        func t(_ f: Figure?) -> String { ft.text(f) }
        let derived = (started?.isDerived ?? false) || (planned?.isDerived ?? false)
        let role: Role? = derived ? .derived : (started == nil && planned == nil ? .unknown : nil)
        return .text("\(t(started))/\(t(planned))", role)
    }

    /// The four development types, each with its towns and subtotals of known figures.
    func typesTable(glyphs: Glyphs) -> ListContent {
        let p = period?.id ?? ""
        let year = period.map { String($0.year) } ?? ""
        let columns = [
            Column("类型", .right, priority: 100),
            Column("名称", priority: 100, minWidth: 8, maxWidth: 34),
            Column("小镇", .right, priority: 90),
            Column("\(year)计划(已知)", .right, priority: 80),
            Column("完成(已知)", .right, priority: 80),
            Column("小镇名单", priority: 50, minWidth: 8, maxWidth: 60),
        ]
        var rows: [TableRow] = []
        for type in dataset.types {
            let towns = dataset.towns(ofType: type.number)
            rows.append(TableRow([
                .plain(String(type.number)), .plain(type.nameZH), .plain(String(towns.count)),
                subtotal(FigureKey(.planYear, year), towns, glyphs), subtotal(FigureKey(.completed, p), towns, glyphs),
                .plain(towns.map(\.nameZH).joined(separator: "、")),
            ]))
        }
        return ListContent(columns: columns, rows: rows, targets: dataset.types.map { .type($0.number) }, summary: [],
                           emptyText: "没有类型 no development types in types.toml")
    }

    /// "Σ 9.3 (1/2)": the sum of the towns' known figures and how many are known.
    func subtotal(_ key: FigureKey, _ towns: [Town], _ glyphs: Glyphs) -> TableCell {
        let s = metrics.knownSum(key, over: towns)
        if s.known.isEmpty { return .text("\(glyphs.unknown) (0/\(s.count))", .unknown) }
        let text = "\(s.derived.isEmpty ? "" : glyphs.derived)\(DecimalMath.text(s.sum, scale: s.decimals)) (\(s.known.count)/\(s.count))"
        return .text(text, s.derived.isEmpty ? nil : .derived)
    }

    /// The operating entities, each with its mode and towns; a last row for towns whose
    /// source names no entity.
    func entitiesTable(glyphs: Glyphs) -> ListContent {
        let columns = [
            Column("运营主体", priority: 100, minWidth: 8, maxWidth: 34),
            Column("性质", priority: 40, maxWidth: 16),
            Column("模式", priority: 60),
            Column("小镇", priority: 90, minWidth: 8, maxWidth: 60),
        ]
        var rows: [TableRow] = []
        var targets: [Screen.Kind] = []
        let byEntity = cache.townsByEntity(dataset)
        for entity in dataset.entities {
            let towns = byEntity[entity.id] ?? []
            let modes = Set(towns.compactMap(\.mode)).sorted { $0.rawValue < $1.rawValue }
            rows.append(TableRow([
                .plain(entity.nameZH),
                entity.kind.map { .plain($0 == "central state-owned enterprise" ? "央企" : $0) } ?? .text(glyphs.unknown, .unknown),
                modes.isEmpty ? .text(glyphs.unknown, .unknown) : .plain(modes.map(Self.modeName).joined(separator: "/")),
                towns.isEmpty ? .text(glyphs.unknown, .unknown) : .plain(towns.map(\.nameZH).joined(separator: "、")),
            ]))
            targets.append(.entity(entity.id))
        }
        let unnamed = dataset.towns.filter { $0.entityIDs.isEmpty }
        if !unnamed.isEmpty {
            rows.append(TableRow([.text("（来源未载明运营主体）", .unknown), .text(glyphs.unknown, .unknown),
                                  .text(glyphs.unknown, .unknown), .plain(unnamed.map(\.nameZH).joined(separator: "、"))]))
            targets.append(.entity(nil))
        }
        return ListContent(columns: columns, rows: rows, targets: targets, summary: [],
                           emptyText: "没有运营主体 no operating entities in entities.toml")
    }

    static func modeName(_ mode: OperatingMode) -> String {
        switch mode {
        case .groupLed: return "集团引领"
        case .joint: return "联合投资"
        }
    }
}

