import Foundation
import TownsCore

extension AppState {
    /// The lines of a town's detail page at `width` cells: every field with its source or
    /// formula, the progress of every period (the history), the figures of each period of the
    /// shown period's year (unknown ones shown as unknown; the other years named, with the keys
    /// that show them), the findings about the town, and the sources cited.
    public func townDetail(_ id: String, width: Int) -> [DetailLine] {
        pageLines(.townPage(id), width: width)
    }

    /// The town with this id (`Dataset.town`, through `Facts.townPosition`).
    func town(_ id: String) -> Town? {
        facts.townPosition(id).map { dataset.town(at: $0) }
    }

    func makeTownDetail(_ id: String, width: Int) -> [DetailLine] {
        guard let town = town(id) else { return [.text(tr(Catalogue.noTown2("\(id)")), .warning)] }
        // The town's year plans and plan agreements worked out once for the page: every figure
        // of every period asked for them again (`Metrics.remembering`, `Checker.remembering`).
        let metrics = self.metrics.remembering(town), checker = self.checker.remembering(town)
        let ft = FigureText()
        // The page's lines, its fields wrapped at the end on every core (`PageParts`).
        var out = PageParts()
        let labelWidth = 20
        let amount = tr(Catalogue.amountUnit(dataset.unit))  // after a figure: 亿元, "100M yuan"
        let valueWidth = Self.valueColumn(base: 14, amount: amount)  // 14 in Chinese, 18 in English
        var cited: [String] = []
        // Every check about the town, once for the page (`Checker.findings(flagging:town:)` per
        // figure worked them all out again: 300 figures at 60 periods, 24 ms for a first visit).
        let townFindings = checker.findings(for: town)
        // Only an inconsistency flags a figure (`Finding.flags`): the page's 300 figures at 60
        // periods look through these, not through every confirmation and fit of the town's.
        let inconsistencies = townFindings.filter { $0.kind == .inconsistency }
        // The completed amounts and rates of every period, worked out once for the history and
        // the periods' sections below it (each asked `Metrics.figure` for them).
        var periodFigures: [FigureKey: Figure?] = [:]
        func figure(_ key: FigureKey) -> Figure? {
            if let known = periodFigures[key] { return known }
            let f = metrics.figure(town, key)
            periodFigures[key] = f
            return f
        }

        /// The data file and line of a figure or rule, on a line of its own under the note (the
        /// note's paragraphs are split at "\n" by `field`), never mid-sentence.
        func sourceLine(_ origin: SourceLocation) -> String {
            "\n" + tr(Catalogue.dataFileLine) + "\(dataset.dataPath(origin.file)):\(origin.line)"
        }

        /// A source or formula with its data file and line on a line of its own (`pageNote`).
        func cite(_ p: Provenance, origin: SourceLocation?) -> (String, Role) {
            pageNote(p, origin: origin, cited: &cited)
        }

        /// A field of the page (`pageField`): label, value and its source or formula beside or under it.
        func field(_ label: CellText, _ value: CellText, _ valueRole: Role?, _ note: (String, Role)?) {
            out.field(label, value, valueRole, note, width: width, labelWidth: labelWidth, valueWidth: valueWidth)
        }

        /// A figure with its source or formula; `key` names it for the checks: every check that
        /// fails on it marks it `!` and is named under it, with why.
        /// `flaggedAlso`: worked out from a figure a check casts doubt on (a Δ), so marked `!` too.
        func figureField(
            _ label: String, _ figure: Figure?, unit: String, key: FigureKey? = nil, unknownWhy: Bilingual? = nil,
            flaggedAlso: Bool = false, signed: Bool = false, laterPlan: Bool = false
        ) {
            let failing = figure == nil ? [] : key.map { key in inconsistencies.filter { $0.flags(key) } } ?? []
            // A figure worked out from a flagged one (a derived plan) carries its `!` (`Checker.isFlagged`;
            // a year's plan as of the period shown: a later month's disagreement does not reach back).
            let flagged = !failing.isEmpty || (figure != nil
                && (flaggedAlso || key.map { checker.isFlagged($0, town: town, asOf: period) } ?? false))
            // A change is signed as the list signs it (`DeltaColumns.cell`: `≈+20.7`, not `≈20.7`).
            let cell = signed ? DeltaColumns.cell(figure, flagged: flagged)
                : unit == "%" ? ft.percent(figure, flagged: flagged) : ft.value(figure, flagged: flagged)
            // A plan from a later period than the one shown: `?`, as the towns list, report and
            // CSV mark it (`markedLater`: Nanhu's Jan-Aug plan `≈15.0?`; wave 43's fresh user saw
            // `≈15.0` here without it, one figure more certain on the page than in the list).
            guard case let .text(value, role) = markedLater(cell, when: laterPlan) else { return }
            let shown = figure == nil ? value : value + CellText(unit == "%" ? "" : " \(unit)")
            let note =
                figure.map { f in
                    // A derivation worded in the reader's language (`explain`), else the source or formula.
                    f.explanation.map { (tr(Catalogue.derived) + explain($0) + restsOnInterpretation(f), Role.derived) }
                        ?? cite(f.provenance, origin: f.origin)
                } ?? (tr(unknownWhy ?? Catalogue.unknownNoSourceGivesIt2), .unknown)
            field(CellText(label), shown, role, note)
            if let id = figure?.basis {
                let basis = dataset.bases[id]
                field(
                    "", CellText(.basis), .derived,
                    (tr(Catalogue.basisIs(basis?.nameZH ?? id, basis?.nameEN ?? id)), .derived))
            }
            for finding in failing {
                let at = findingWords.sources(finding).map { "\n" + $0 }.joined()
                field("", "!", .warning, (tr(Catalogue.failsCheck) + findingWords.message(finding) + at, .warning))
            }
        }

        out.append(
            language == .zh
                ? DetailLine([(town.nameZH, .title), ("  " + town.nameEN, .label)])
                // Under `LANG=C` without the Chinese name, which the terminal draws as `?` (`drawable`).
                : DetailLine([(town.nameEN, .title)] + (drawable(town.nameZH).isEmpty ? [] : [("  " + drawable(town.nameZH), .label)])))
        out.append(.text(""))
        field(
            CellText(tr(Catalogue.county2)), CellText(county(town)), nil,
            town.countyFrom == "name"
                ? (tr(Catalogue.countyReadFromName), .derived) : nil)
        let typeName = dataset.type(town.type).map { tr($0.nameZH, $0.nameEN) } ?? "?"
        field(
            CellText(tr(Catalogue.type)), "\(town.type) \(typeName)", nil,
            town.typeAt.map { (tr(Catalogue.reported2) + sectionsText($0), .source) })
        if let industry = town.industry {
            field(
                CellText(tr(Catalogue.industry)), CellText(tr(ShownFactsIndustry.name(industry).zh, ShownFactsIndustry.name(industry).en)), nil, town.industryNote.map { (drawable(sectionsText(tr(town.industryNoteZH ?? $0, $0))), .source) })
        } else {
            field(CellText(tr(Catalogue.industry)), CellText(.unknown), .unknown, nil)
        }
        let listName: String = {
            switch town.list {
            case .cultivation: return tr(Catalogue.cultivationList);
            case .creation: return tr(Catalogue.creationList);
            case .named: return tr(Catalogue.named)
            }
        }()
        field(
            CellText(tr(Catalogue.list)), CellText(listName + (town.listDate.map { " \($0)" } ?? "")), nil,
            town.listSource.map { (tr(Catalogue.reported2) + $0, .source) })
        if town.entityIDs.isEmpty {
            field(
                CellText(tr(Catalogue.entities)), CellText(.unknown), .unknown,
                (
                    tr(Catalogue.unknownTheSourceNamesNo), .unknown
                ))
        }
        for (i, eid) in town.entityIDs.enumerated() {
            let entity = dataset.entity(eid)
            field(
                CellText(i == 0 ? tr(Catalogue.entities2) : ""),
                CellText(entity.map { tr($0.nameZH, $0.nameEN) } ?? eid), nil,
                entity.map { cite($0.provenance, origin: nil) })
        }
        field(
            CellText(tr(Catalogue.mode2)),
            town.mode.map { CellText(tr(Self.modeName($0), $0.rawValue)) } ?? CellText(.unknown),
            town.mode == nil ? .unknown : nil,
            town.mode == nil
                ? (tr(Catalogue.unknownTheSourceDoesNot), .unknown)
                : town.modeAt.map { (tr(Catalogue.reported2) + sectionsText($0), .source) })
        out.append(.text(""))
        out.append(
            .text(
                tr(Catalogue.investmentAndProjectsMillionYuan("\(dataset.unit)")), .header))
        figureField(
            tr(Catalogue.yearPlan), metrics.figure(town, FigureKey(.planTotal)), unit: amount,
            key: FigureKey(.planTotal))
        figureField(
            tr(Catalogue.yearProjects), metrics.figure(town, FigureKey(.projectsPlanned)), unit: tr(Catalogue.text2)
        )
        if let area = metrics.figure(town, FigureKey(.areaPlanned)) {
            figureField(tr(Catalogue.plannedArea2), area, unit: "km²")
        }
        var years: [Int] = []
        for p in dataset.periods where !years.contains(p.year) { years.append(p.year) }
        for y in years {
            figureField(
                // The shown period's year: its plan as known at that period (`Metrics.yearPlan(_:asOf:)`).
                tr(Catalogue.plan("\(y)")),
                period.flatMap { $0.year == y ? metrics.yearPlan(town, asOf: $0) : nil }
                    ?? metrics.figure(town, FigureKey(.planYear, String(y))),
                unit: amount, key: FigureKey(.planYear, String(y)),
                laterPlan: period.map { $0.year == y && metrics.planFromLaterPeriod(town, asOf: $0) != nil } ?? false)
        }
        out.append(.text(""))
        // The history (a row per period: ~a quarter of a town's first open at 10,000 x 60, wave 41's
        // `perf`) is made on the other core while this one makes the rest of the page below it: the
        // two share nothing the page changes (the history asks the figures itself, not the page's memo).
        let head = out
        out = PageParts()
        let state = self
        let historyLines = alongside({ state.history(town, width: width, metrics: metrics, checker: checker) }) {
            if let period {
                // Where the town stands in the period shown and where it heads: worked out, formulas beside.
                let section = progressSection(town, period: period, amount: amount)
                // Since the previous period of the same year (issue 14 point 2): Δ with formulas, the place;
                // shown whenever the towns view shows them, with or without a plan-based expectation.
                let change = changeFields(town, period: period)
                drawProgressSection(
                    section, period: period, width: width, hasMore: !change.figures.isEmpty || change.place != nil,
                    line: { out.append($0) }, figure: { figureField($0, $1, unit: $2, flaggedAlso: $3) },
                    after: {
                        for (name, figure, unit, flagged) in change.figures {
                            figureField(name, figure, unit: unit, flaggedAlso: flagged, signed: true)
                        }
                        if let place = change.place {
                            field(CellText(tr(Catalogue.placeField)), CellText(place), nil, nil)
                        }
                    })
            }
            // The periods of the shown period's year, each with its figures, sources and checks; the
            // other years' periods are rows of the history above (at 60 periods the page made ~600
            // lines for the 24 shown, issue 17 point 3) and listed here when one of theirs is shown.
            let detailed = period.map { shown in dataset.periods.filter { $0.year == shown.year } } ?? dataset.periods
            for p in detailed {
                out.append(.text(""))
                out.append(
                    .cell(CellText(tr(p.labelZH, p.labelEN)) + shownPeriodMark(p), .header))
                figureField(
                    tr(Catalogue.completed2), figure(FigureKey(.completed, p.id)), unit: amount,
                    key: FigureKey(.completed, p.id))
                figureField(
                    tr(Catalogue.ofPlan), figure(FigureKey(.completionRate, p.id)), unit: "%",
                    key: FigureKey(.completionRate, p.id),
                    unknownWhy: metrics.comparesWithPlan(town, period: p) ? nil : Catalogue.rateNotAgainstPlan)
                figureField(
                    tr(Catalogue.started), metrics.figure(town, FigureKey(.projectsStarted, p.id)),
                    unit: tr(Catalogue.text2), key: FigureKey(.projectsStarted, p.id))
                figureField(
                    tr(Catalogue.startRate2), metrics.figure(town, FigureKey(.startRate, p.id)), unit: "%",
                    key: FigureKey(.startRate, p.id))
                for m in [Measure.featuredInvestment, .featuredShare, .revenue] {
                    if let f = metrics.figure(town, FigureKey(m, p.id)) {
                        figureField(measureLabel(m), f, unit: m.unit == .percent ? "%" : amount, key: FigureKey(m, p.id))
                    }
                }
            }
            let otherYears = years.filter { y in !detailed.contains { $0.year == y } }
            if !otherYears.isEmpty {
                out.append(.text(""))
                let years = otherYears.map(String.init).joined(separator: " ")
                // Read away from the screen (a report, an export, a copy): the period option, not keys.
                let text = tr(printed ? Catalogue.otherYearsPeriodsPrinted(years)
                    : Catalogue.otherYearsPeriods(years, previous: keyName(.previousPeriod), next: keyName(.nextPeriod)))
                for l in TextWrap.wrap(text, width: width) { out.append(.text(l, .legend)) }
            }
            if !dataset.rules.isEmpty {
                out.append(.text(""))
                out.append(
                    .text(
                        tr(Catalogue.assessmentAgainstTheProvinceS),
                        .header))
                let assessment = Assessment(metrics: metrics)
                for rule in dataset.rules {
                    let r = assessment.evaluate(rule, town, asOf: period)
                    // The assessment table's cell, as it draws it (`ruleMark`, `fittedTerm`): Haining's
                    // term is `≈3年` here as there (was `期限 ·`, a mark no legend lists).
                    let cell = rule.kind == .creationPeriod ? Self.fittedTerm(ruleMark(r), town) : ruleMark(r)
                    let mark: (CellText, Role?) = {
                        if case let .text(t, role) = cell { return (t, role) }
                        return (CellText(.neutral), .legend)
                    }()
                    var note = ruleNote(r)
                    // Its ≈ explained where it is drawn, as the assessment's notes do: fitted, not derived.
                    if rule.kind == .creationPeriod, town.acceleratedCounty != nil, town.acceleratedCountyFitted {
                        note += tr(Catalogue.fittedTermShort)
                    }
                    var (src, _) = cite(rule.provenance, origin: rule.origin)
                    // The figures the result uses, each on a sources line of its own (never mid-sentence).
                    for origin in r.sources { src += sourceLine(origin) }
                    // The English title is too long for the value column: it leads the note instead.
                    field(
                        "\(language == .zh ? rule.shortZH : Self.ruleShortEN(rule)) \(mark.0)",
                        CellText(language == .zh ? rule.titleZH : ""), mark.1,
                        ((language == .zh ? "" : rule.titleEN + ": ") + note + "\n" + src,
                         r.status == .unknown ? .unknown : .source))
                    if let stake = assessment.stake(rule, town, asOf: period) { stakeField(stake, field) }
                }
            }
            if let catalogue = dataset.problems {
                out.append(.text(""))
                out.append(.text(sectionsText(tr(Catalogue.problemsPaperSection)), .header))
                let flags = catalogue.flags(of: town.id)
                if flags.isEmpty {
                    for l in TextWrap.wrap(
                        tr(Catalogue.unknown2) + tr(Catalogue.noSourceAttributesProblems),
                        width: width)
                    {
                        out.append(.text(l, .unknown))
                    }
                }
                for problem in catalogue.problems {
                    let flag = flags.first { $0.problemID == problem.id }
                    let mark: CellText = flag != nil ? "!" : (flags.isEmpty ? "?" : CellText(.neutral))
                    let note =
                        flag.map { cite($0.provenance, origin: nil) }
                        ?? (problem.causeZH.map { (tr(Catalogue.cause) + tr($0, problem.causeEN ?? $0), Role.legend) } ?? ("", Role.legend))
                    field(
                        "\(problem.number) \(mark)", CellText(tr(problem.nameZH, problem.nameEN)),
                        flag != nil ? .warning : (flags.isEmpty ? .unknown : nil), note)
                }
                if !catalogue.countermeasures.isEmpty {
                    out.append(.text(""))
                    out.append(
                        .text(
                            sectionsText(tr(Catalogue.countermeasuresChecklistPaperSection)),
                            .header))
                    for group in ProblemCatalogue.Countermeasure.Group.allCases {
                        let items = catalogue.countermeasures.filter { $0.group == group }
                        guard !items.isEmpty else { continue }
                        out.append(.text(tr(group.nameZH, group.nameEN), .label))
                        for item in items {
                            let progress = catalogue.progress(of: town.id, item.id)
                            let box: String
                            switch progress?.status {
                            case .done?: box = "[x]"
                            case .inProgress?: box = "[~]"
                            case .notStarted?: box = "[ ]"
                            case nil: box = "[?]"
                            }
                            let note =
                                progress.map { cite($0.provenance, origin: nil) } ?? (tr(Catalogue.unknown), .unknown)
                            field(
                                "  \(box)", CellText(tr(item.nameZH, item.nameEN)), progress == nil ? .unknown : nil, note)
                        }
                    }
                }
            }
            // `findings` about this town: its own rate checks and its plan derivations.
            let mine = townFindings.filter { $0.kind != .shortfall }  // worked out once above
            if !mine.isEmpty {
                out.append(.text(""))
                out.append(.text(tr(Catalogue.checks), .header))
                for f in mine {
                    // Only a confirmation is ✓; a fit is consistent (·), ambiguous words ?, a failure !.
                    let mark: CellText, role: Role
                    switch f.kind {
                    case .confirmed: (mark, role) = (CellText(.met), .legend)
                    case .consistent: (mark, role) = (CellText(.neutral), .legend)
                    case .ambiguous: (mark, role) = (CellText(.undetermined), .unknown)
                    case .inconsistency, .shortfall: (mark, role) = ("!", .warning)
                    }
                    out += DetailLine.wrapped(mark, findingWords.message(f), width: width, role: role)
                    for at in findingWords.sources(f) { out += DetailLine.wrapped(" ", at, width: width, role: .source) }
                }
            }
        }
        var page = head
        page += historyLines
        page += out
        page += sourceLines(cited, width: width)
        return page.lines()
    }
}

extension AppState {
    /// `history(_:width:metrics:checker:)` with the facts' metrics and checker.
    func history(_ town: Town, width: Int) -> [DetailLine] {
        history(town, width: width, metrics: metrics, checker: checker)
    }

    /// The town's progress across periods: a table (completed, completion, expected by now,
    /// schedule variance) with a bar per period carrying the expected-by-now mark. `metrics` and
    /// `checker`: the page's, which may remember the town's year plans (`Metrics.remembering`);
    /// `figure`: the town's figure for a key, `metrics.figure` unless the page keeps them.
    func history(
        _ town: Town, width: Int, metrics: Metrics, checker: Checker, figure: ((FigureKey) -> Figure?)? = nil
    ) -> [DetailLine] {
        let figure = figure ?? { metrics.figure(town, $0) }
        let ft = FigureText()
        let cols = [18, 9, 8, 9, 8]  // each wider than its title: "Done%" "Expected" never run together
        func pad(_ s: String, _ w: Int, right: Bool = true) -> String {
            let n = max(0, w - DisplayWidth.of(s))
            return right ? String(repeating: " ", count: n) + s : s + String(repeating: " ", count: n)
        }
        var out: [DetailLine] = [
            DetailLine([
                (pad(tr(Catalogue.history), cols[0], right: false), .header),
                (pad(tr(Catalogue.done), cols[1]), .header),
                (pad(tr(Catalogue.done2), cols[2]), .header), (pad(tr(Catalogue.expected), cols[3]), .header),
                (pad(tr(Catalogue.sched), cols[4]), .header),
            ])
        ]
        let barWidth = max(0, min(30, width - cols.reduce(0, +) - 2))
        // The share of the year elapsed, as text, by months through (12 values for 60 periods).
        var elapsedTexts: [Int: String] = [:]
        for p in dataset.periods {
            let done = figure(FigureKey(.completed, p.id))
            let rate = figure(FigureKey(.completionRate, p.id))
            // Whether the verdict is undecided, asked once for the period's variance and bar, with
            // the rate the row shows (`Checker.scheduleReadings(_:period:rate:)`: a clean period is
            // answered without looking the rate up or deriving it again: ~4% of a town's page at
            // 10,000 x 60, wave 33's `perf`; any other asked in full; `W33PageScheduleTests`).
            var readingsOnce: ScheduleReadings?
            func readings() -> ScheduleReadings {
                if let known = readingsOnce { return known }
                let r = checker.scheduleReadings(town, period: p, rate: ShownFigure(rate))
                readingsOnce = r
                return r
            }
            func undecided() -> Bool { readings().isUndecided }
            let v = metrics.scheduleVariance(rate, period: p)
            func cellText(_ c: TableCell) -> (CellText, Role?) {
                if case let .text(s, r) = c { return (s, r) }
                return ("", nil)
            }
            var d = cellText(ft.value(done)), r = cellText(ft.percent(rate))
            // A rate worked out over a plan from a later period (`Metrics.planFromLaterPeriod`): `?`, as
            // the towns list writes it (`≈13%?`) and its variance here (`≈-53?`; wave 25b's G5).
            if rate?.isDerived == true, metrics.planFromLaterPeriod(town, asOf: p) != nil {
                r = (r.0 + CellText(.undetermined), .warning)
            }
            // A figure a consistency check fails on carries its `!` here as in the tables
            // (`Checker.isFlagged`: `9.3!`, `72.9%!`).
            if done != nil, checker.isFlagged(FigureKey(.completed, p.id), town: town) { d = (d.0 + "!", .warning) }
            if rate != nil, checker.isFlagged(FigureKey(.completionRate, p.id), town: town) {
                r = (r.0 + "!", .warning)
            }
            let elapsed = elapsedTexts[p.through] ?? {
                let text = DecimalMath.text(Decimal(p.through) / 12 * 100, scale: 1) + "%"
                elapsedTexts[p.through] = text
                return text
            }()
            var variance: (CellText, Role?) = (CellText(.unknown), .unknown)
            if var x = v?.quantity.exactValue {
                // The digits the rate supports, as the towns list (`ShownFacts.varianceShown`, F4).
                let digits: Int
                (x, digits) = Metrics.varianceShown(x, rateDecimals: rate?.isDerived == true ? rate?.supportedDecimals : nil,
                                                    rate: rate?.quantity.exactValue, period: p,
                                                    rateRange: rate?.interval)
                // Worked out from a derived rate: `≈`, as the towns list and the page's headline write it
                // (wave 25's second fresh user, G5: `-53▼` here beside `≈30%`, `≈-53▼` everywhere else).
                let worked: CellText = rate?.isDerived == true ? "\(Mark.derived)" : ""
                variance =
                    x < 0
                    ? (worked + "\(DecimalMath.text(x, scale: digits))\(Mark.behind)", .behind)
                    : (worked + CellText((x > 0 ? "+" : "") + DecimalMath.text(x, scale: digits)), nil)
                // Worked out from a flagged rate (or the figures it rests on): `!` as in the tables.
                if undecided() {
                    // Undecided (`ScheduleReadings`): `?` in the place of ▼, as the towns list.
                    variance = (worked + CellText((x > 0 ? "+" : "") + DecimalMath.text(x, scale: digits)) + "\(Mark.undetermined)"
                                    + (readings().flagged ? "!" : ""), .warning)
                } else if checker.isFlagged(workedFrom: [.completionRate], town: town, period: p) {
                    variance = (variance.0 + "!", .warning)
                }
            }
            var runs: [DetailLine.Piece] = [
                .text(CellText(pad(label(p), cols[0], right: false)), .label), .text(d.0.padded(cols[1]), d.1),
                .text(r.0.padded(cols[2]), r.1), .text(CellText(pad(elapsed, cols[3])), .legend),
                .text(variance.0.padded(cols[4]), variance.1),
            ]
            if barWidth >= 5, let value = rate?.quantity.exactValue {
                // Undecided (`ScheduleReadings`): the neutral `.unknown` style, as the towns list.
                let isUndecided = undecided()
                let behind = DecimalMath.double(value) < p.elapsedPercent && !isUndecided
                runs += [
                    .text("  ", nil),
                    .bar(
                        fraction: DecimalMath.double(value) / 100, width: barWidth, marker: Double(p.through) / 12,
                        role: isUndecided ? .unknown : behind ? .behind : (rate!.isDerived ? .derived : .barFill)),
                ]
            }
            out.append(DetailLine(pieces: runs))
        }
        return out
    }
}
