import Foundation
import TownsCore

extension AppState {
    /// Every town against every rule, with the city's first-year test under the table.
    /// `wholeNames`: the notes name every town at stake (the notes page, which wraps), as print
    /// does, and without the table's Enter hint (the page is what it opens).
    func assessmentTable(wholeNames: Bool = false) -> ListContent {
        let assessment = Assessment(metrics: metrics)
        let rules = dataset.rules
        let positions = filtered(Array(dataset.townIndices))
        let table = assessmentRows(positions)
        let (columns, rows) = (table.columns, table.rows)
        var summary: [TableRow] = []
        var notes: [CellText] = []
        // Each town's tier as the snapshot stores it: no town read for the city's line (issue 17).
        if let city = assessment.cityYearOne(tiers: facts.storedCityYearOneTiers) {
            let region = tr(Catalogue.regionRow(dataset.regionZH, dataset.regionEN))
            var cells: [TableCell] = [.plain(region)]
            // Only periods up to the one shown are evidence (a full year's figure is not, in September).
            let shownPeriods = period.map { p in
                dataset.periods.filter { ($0.year, $0.through) <= (p.year, p.through) }
            }
                ?? dataset.periods
            let yearDone = period.map { $0.year > city.year || ($0.year == city.year && $0.through == 12) } ?? true
            for rule in rules {
                switch rule.kind {
                case .yearOneMinimum:
                    if yearDone, let margin = city.margin {
                        cells.append(.mark(margin >= 0 ? .met : .notMet, margin >= 0 ? nil : .behind))
                    } else if !yearDone {
                        cells.append(.mark(.notYetDue, .legend))  // judged at the year's end
                    } else {
                        cells.append(.mark(.undetermined, .unknown))
                    }
                case .featuredShare:
                    // The share of the period shown only (another month's share says nothing certain of it).
                    let share = (period.map { [$0] } ?? shownPeriods.suffix(1)).compactMap {
                        metrics.total(FigureKey(.featuredShare, $0.id))?.quantity.exactValue
                    }.first
                    if let share {
                        cells.append(.mark(share >= rule.number("percent") ? .met : .notMet, nil))
                    } else {
                        cells.append(.mark(.undetermined, .unknown))
                    }
                default:
                    cells.append(.plain(""))
                }
            }
            summary.append(TableRow(cells, role: .totals))
            let first = Catalogue.cityFirstYear("\(city.year)", dataset.regionZH, dataset.regionEN)
            // The formula's unknown towns in the reader's language (the core writes ` + N unknown`:
            // a fresh user of wave 29 read `+ 241 unknown` in Chinese).
            let unknownTiers = city.tiers.filter { $0 == nil }.count
            let formula = unknownTiers == 0 ? city.formula
                : String(city.formula.dropLast(" + \(unknownTiers) unknown".count))
                    + tr(Catalogue.cityUnknownTiers(unknownTiers))
            var line = CellText(tr(first) + formula)
            if let required = city.required { line += " = \(DecimalMath.text(required, scale: 0))" }
            if let reported = city.reported {
                line += "\(tr(Catalogue.cityReported))\(FigureText().value(reported).cellText)"
                    + CellText(tr(Catalogue.cityReportedEnd))
            }
            if !yearDone, let shown = period {
                // The full year's figure is dated after the period shown: not yet known there.
                line += CellText(tr(Catalogue.cityCompletedNotYetKnown(city.year, label(shown))))
            } else if let completed = city.completed {
                // The full year's figure, named as such: shown beside any period, it is not the
                // period's (a fresh user read Jan-Sep's ? beside a full-year "above by").
                let fullYear = dataset.periods.last { $0.year == city.year && $0.through == 12 }
                line += "\(tr(Catalogue.cityCompleted))\(fullYear.map { label($0) + " " } ?? "")"
                    + "\(FigureText().value(completed).cellText)"
            }
            if yearDone, let margin = city.margin {
                line += CellText(
                    tr(margin >= 0 ? Catalogue.cityAboveBy : Catalogue.cityShortBy)
                        + DecimalMath.text(abs(margin), scale: 2))
            }
            notes.append(line)
        }
        // The towns read in place, once (`dataset` is worked out per use: not twice per town).
        let towns = dataset.towns
        let anyFitted = rules.contains { $0.kind == .creationPeriod } && positions.contains {
            towns[$0].acceleratedCounty != nil && towns[$0].acceleratedCountyFitted
        }
        let fittedLegend: CellText = anyFitted ? "  \(Mark.derived)" + CellText(tr(Catalogue.fittedTermLegend)) : ""
        // Where Enter leads, on the table only: the notes page is those notes (it said "on the
        // last row: these notes in full" of itself).
        let enterHint: CellText = wholeNames ? "" : CellText(screenHint(Catalogue.assessmentEnterHint))
        // No rules: said, and no legend of marks no cell draws (wave 29's fresh user: a dataset
        // without rules.toml showed the towns, no rule's column and the marks' legend, unsaid).
        if rules.isEmpty {
            notes.append(CellText(tr(Catalogue.noRulesNothingJudged)))
        } else {
            // Only the verdicts a cell draws (wave 33: at Jan-Sep `✓ 达标 ✗ 未达标` were listed
            // though no cell drew either), as the legend line lists only the marks shown.
            // The city's row only where it is drawn (with a filter on, the notes' row takes its place).
            let drawn = verdictMarksDrawn(positions, summary: filter.isEmpty ? summary : [])
            let words: [(Mark, Bilingual)] = [
                (.met, Bilingual("达标", "met")), (.notMet, Bilingual("未达标", "not met")),
                (.undetermined, Bilingual("不能判定", "cannot be judged")),
                (.notYetDue, Bilingual("未到期", "not yet due")),
            ]
            var legend: CellText = ""
            for (mark, word) in words where drawn.contains(mark) {
                legend += (legend == "" ? "" : "  ") + "\(mark) " + CellText(tr(word))
            }
            notes.append(
                legend + (legend == "" ? "" : "  ")
                    + CellText(tr(Bilingual("3年 期限=创建期年数，不考核", "3y term: the creation period's years, not judged")))
                    + fittedLegend + enterHint)
        }
        notes += assessmentStakeNotes(positions, wholeNames: wholeNames)
        // The last row opens these notes as a page (none cut on a short screen): the city's row,
        // or with a filter on (the city's marks do not follow it) a row of its own.
        if !filter.isEmpty || summary.isEmpty {
            summary = [TableRow([.plain(tr(Catalogue.assessmentNotesRow))] + rules.map { _ in .plain("") },
                                role: .totals)]
        }
        var content = ListContent(
            columns: columns, rows: rows, targets: townTargets(positions),
            summary: summary,
            emptyText: rules.isEmpty
                ? tr(Catalogue.noRulesTomlInThe)
                : tr(Catalogue.noTowns),
            notes: notes, summaryTarget: .assessmentNotes)
        // The sampled rows' widths as the snapshot stores them (`storedViewSample`): none made.
        content.sampleMeasure = storedViewSample(.assessment, columns: columns.count)
        // A rule's column sorts by its verdict, `✗ ? ○ ✓` smallest first (wave 23, F16: `?` read as
        // an unknown value was last both ways, so a meeting could not bring the undecided to the top).
        let made = rows
        let terms = Set(rules.indices.filter { rules[$0].kind == .creationPeriod }.map { $0 + 1 })
        content.sortKey = { row, column in
            guard column > 0, !terms.contains(column) else { return nil }
            let cells = made[row].cells
            return column < cells.count ? Self.verdictKey(cells[column]) : nil
        }
        let texts = townSearchTexts()  // decoded by the first search, not by this list (issue 17)
        content.searchText = {
            let text = texts()
            return { i in text(positions[i]) }
        }
        content.searchTowns = self.facts.storedSearchTowns.map { (positions, $0) }
        return content
    }

    /// The assessment's columns and its rows of the towns at `positions` (the town, then its
    /// mark by each rule), each row made when first read: what `assessmentTable` adds its
    /// summary and notes to, and what a snapshot measures its width sample on (`viewSampleMeasures`).
    func assessmentRows(_ positions: [Int]) -> ListContent {
        let assessment = Assessment(metrics: metrics)
        let rules = dataset.rules
        var columns = [Column(tr(Catalogue.town), priority: 100, minWidth: 8, maxWidth: 30)]
        // The rules that state what is at stake (the land reward and its deduction) go last on a
        // narrow screen: the other rules' columns give way first (a fresh user at 60x14 saw
        // every column but the stakes).
        var stakesSeen = 0
        for (i, rule) in rules.enumerated() {
            let priority = Self.statesStake(rule) ? 99 - stakesSeen : 90 - i
            if Self.statesStake(rule) { stakesSeen += 1 }
            columns.append(Column(language == .zh ? rule.shortZH : Self.ruleShortEN(rule), priority: priority))
        }
        let rowState = rowContext
        // The entities' index asked for by a row's search terms when a search needs them, not by
        // the list (its first visit at 10,000 towns built the index: a sixth of the key), as the
        // towns view's rows do.
        let sharedFacts = facts
        let rows = Rows(count: positions.count) { i in
            let town = rowState.dataset.town(at: positions[i])
            return TableRow(
                [.plain(rowState.name(town))]
                    + rules.map { rule in
                        let cell = rowState.ruleMark(assessment.evaluate(rule, town, asOf: rowState.period))
                        return rule.kind == .creationPeriod ? Self.fittedTerm(cell, town) : cell
                    },
                searchTermsMadeBy: { rowState.townTerms(town, entities: sharedFacts.entitiesByID) })
        }
        return ListContent(columns: columns, rows: rows, targets: townTargets(positions), summary: [], emptyText: "")
    }

    /// The verdict marks (✓ ✗ ? ○) the assessment's cells draw for the towns at `positions` in
    /// the period shown, and its `summary` rows (the city's): the marks its legend lists. A
    /// verdict's mark follows its status (`ruleMark`; a doubted one is `.unknown`, drawn `?!`).
    /// The whole city's counts stored in a snapshot (`DerivedOverview.rules`) are read where the
    /// list is every town unfiltered; otherwise each town is judged by each rule.
    func verdictMarksDrawn(_ positions: [Int], summary: [TableRow]) -> Set<Mark> {
        var drawn = Set<Mark>()
        for row in summary {
            for cell in row.cells {
                if case let .text(t, _) = cell, case let .mark(m)? = t.parts.first { drawn.insert(m) }
            }
        }
        let rules = dataset.rules
        let everyTown = filter.isEmpty && positions.count == dataset.townCount
        if everyTown, let p = period, let counts = facts.derived?.overview(p.id)?.rules, counts.count == rules.count {
            for c in counts {
                if c.met > 0 { drawn.insert(.met) }
                if c.notMet > 0 { drawn.insert(.notMet) }
                if c.unknown > 0 { drawn.insert(.undetermined) }
                if c.due > 0 { drawn.insert(.notYetDue) }
            }
            return drawn
        }
        let assessment = Assessment(metrics: metrics)
        let towns = dataset.towns
        let all: Set<Mark> = [.met, .notMet, .undetermined, .notYetDue]
        for rule in rules {
            for i in positions {
                switch assessment.evaluate(rule, towns[i], asOf: period).status {
                case .met: drawn.insert(.met)
                case .notMet: drawn.insert(.notMet)
                case .unknown: drawn.insert(.undetermined)
                case .notYetDue: drawn.insert(.notYetDue)
                case .info: break
                }
                if drawn == all { return drawn }
            }
        }
        return drawn
    }

    /// The sort key of a rule's verdict cell (`ruleMark`): ✗ 0, ? 1 (`?!` too), ○ 2, ✓ 3; nil for
    /// any other cell (sorted as shown).
    static func verdictKey(_ cell: TableCell) -> SortKey? {
        guard case let .text(t, _) = cell, case let .mark(m)? = t.parts.first,
              t.parts.dropFirst().allSatisfy({ if case .text("!") = $0 { return true } else { return false } })
        else { return nil }
        switch m {
        case .notMet: return .number(0)
        case .undetermined: return .number(1)
        case .notYetDue: return .number(2)
        case .met: return .number(3)
        default: return nil
        }
    }

    /// The creation period's term (`3年`) of a town whose county's status was fitted to a total
    /// (`Town.acceleratedCountyFitted`, as the stakes' 期限依拟合值): marked fitted, `≈3年`.
    static func fittedTerm(_ cell: TableCell, _ town: Town) -> TableCell {
        guard town.acceleratedCounty != nil, town.acceleratedCountyFitted, case let .text(t, role) = cell else {
            return cell
        }
        return .text("\(Mark.derived)" + t, role)
    }

    /// Whether `rule` states a consequence of its own (`Stake.Consequence`): the land-quota
    /// reward and its deduction (rules.toml), whose columns a narrow screen keeps longest.
    static func statesStake(_ rule: Rule) -> Bool {
        rule.kind == .landReward || rule.kind == .landDeduction
    }

    /// A rule's column title in English (a few letters).
    static func ruleShortEN(_ rule: Rule) -> String {
        switch rule.kind {
        case .yearOneMinimum: return "Yr1"
        case .creationMinimum: return "3yr"
        case .creationPeriod: return "Term"
        case .featuredShare: return "Feat"
        case .plannedArea: return "Area"
        case .builtArea: return "Built"
        case .scenicRating: return "Scenic"
        case .visitors: return "Visit"
        case .landReward: return "Land+"
        case .landDeduction: return "Land-"
        }
    }
}
