import Foundation
import TownsCore

/// A monthly sheet checked against the dataset: the figures it would add, or every problem.
///
/// Each row is checked and every problem reported (`LoadIssue`, printed as
/// `FILE:LINE:COLUMN: field: problem`, COLUMN the 1-based field number):
/// - town: not a town of towns.toml (by id, Chinese or English name), or the same town twice;
///   a total row (合计, 总计, 小计, 全市, total) is skipped with a warning;
/// - period: not a month (see `SheetPeriod`), a month after the current one, or another month
///   than the sheet's first row (one sheet is one month);
/// - completed: blank, not a number, negative; above the town's 3-year plan (`plan_total`,
///   when exact); lower than the town's completed figure of an earlier period of the same
///   year (cumulative from January, so it cannot fall), higher than a later one's, or not
///   above an earlier period's lower bound;
/// - completion_rate: not a number or negative (a trailing % is allowed; blank is unknown); a
///   warning, the row imported all the same, when it is below an earlier period's rate of the
///   same year or above a later one's beyond the rounding of both (cumulative over one plan);
/// - projects_started: not a whole number, negative, above the town's planned projects (when
///   unknown, above the city's towns' planned projects in all, `totals.toml`), lower
///   than an earlier period's or higher than a later period's count;
/// - any figure the town already has for that month in another file (figures.toml is
///   hand-edited and never rewritten by an import).
public struct MonthlyImport: Sendable {
    /// One town's figures from one row, in 亿元, % and counts.
    public struct Entry: Sendable {
        public var town: Town
        /// Line of the row in the sheet.
        public var line: Int
        /// Completed investment, cumulative from January, 亿元.
        public var completed: Quantity
        /// The cell as written, when it was converted from 万元 (for the figure's note).
        public var completedAsWritten: String?
        /// Completion rate, %; nil when blank or absent.
        public var completionRate: Quantity?
        /// Projects started by the month's end; nil when blank or absent.
        public var projectsStarted: Quantity?
    }

    /// The month the sheet reports; nil when no row gives a valid month.
    public var period: SheetPeriod?
    /// The towns' figures, in sheet order (only rows without errors).
    public var entries: [Entry] = []
    /// The sheet's problems and the rows', errors and warnings, by line and column.
    public var issues: [LoadIssue]
    /// The errors among `issues`: when any, nothing may be written.
    public var errors: [LoadIssue] { issues.filter { $0.severity == .error } }

    /// Names of total rows, skipped with a warning (compared without case or spaces).
    public static let totalRowNames = ["合计", "总计", "小计", "全市", "全市合计", "total", "sum"]

    /// Checks `sheet` against `dataset` (which must not hold the month being replaced).
    /// - Parameter currentMonth: the month it is now; a later period is refused.
    /// - Parameter dryRun: the import writes nothing (`towns import --dry-run`): a warning about a
    ///   row that an import keeps says the row would be imported, not that it was.
    public init(sheet: MonthlySheet, dataset: Dataset, currentMonth: SheetPeriod, dryRun: Bool = false) {
        issues = sheet.issues
        let file = sheet.file
        guard sheet.headerLine != nil,
            !sheet.issues.contains(where: { $0.severity == .error
                && ($0.field == "header" || $0.field == "csv") }) else {
            sortIssues()
            return
        }
        var seenTowns: [String: Int] = [:]
        var firstPeriodLine: Int?
        for row in sheet.rows {
            var rowIssues: [LoadIssue] = []
            func error(_ column: SheetColumn, _ at: Int?, _ problem: SheetProblem) {
                rowIssues.append(LoadIssue(.error, .sheet, file: file, line: row.line, column: at,
                    field: column.rawValue, .sheet(problem)))
            }
            // town
            guard let townCell = sheet.cell(.town, in: row) else { continue }
            let townKey = SheetColumn.key(townCell.text)
            if MonthlyImport.totalRowNames.map(SheetColumn.key).contains(townKey) {
                issues.append(LoadIssue(.warning, .sheet, file: file, line: row.line, column: townCell.column,
                    field: "town",
                                        .sheet(.totalRow(townCell.text))))
                continue
            }
            var town: Town?
            if townCell.text.isEmpty {
                error(.town, townCell.column, .emptyTown)
            } else if let found = dataset.towns.first(where: { [$0.id, $0.nameZH,
                $0.nameEN].map(SheetColumn.key).contains(townKey) }) {
                if let first = seenTowns[found.id] {
                    error(.town, townCell.column, .townTwice(nameZH: found.nameZH, id: found.id, firstLine: first))
                } else {
                    seenTowns[found.id] = row.line
                    town = found
                }
            } else {
                error(.town, townCell.column,
                      .unknownTown(townCell.text, known: dataset.towns.map { "\($0.id) \($0.nameZH)" }))
            }
            // period
            var rowPeriod: SheetPeriod?
            if let cell = sheet.cell(.period, in: row) {
                switch SheetPeriod.parse(cell.text) {
                case let .failure(problem):
                    error(.period, cell.column, problem.message)
                case let .success(p):
                    if (p.year, p.month) > (currentMonth.year, currentMonth.month) {
                        error(.period, cell.column, .periodAfterNow(p.id, now: currentMonth.id))
                    } else if let sheetPeriod = period, sheetPeriod != p {
                        error(.period, cell.column,
                              .periodDiffers(p.id, first: sheetPeriod.id, line: firstPeriodLine ?? 0))
                    } else {
                        if period == nil { period = p; firstPeriodLine = row.line }
                        rowPeriod = p
                    }
                }
            }
            // values
            var completed: (Decimal, Int)?
            var completedWritten: String?
            if let cell = sheet.cell(.completed, in: row) {
                switch SheetNumber.parse(cell.text, percent: false) {
                case .blank:
                    error(.completed, cell.column, .emptyCompleted)
                case let .invalid(problem):
                    error(.completed, cell.column, problem)
                case let .value(v, d):
                    let inYi = sheet.unit == .wan ? MonthlyImport.fromWan(v, decimals: d) : (v, d)
                    // Beyond what any town's figure can be: refused as the loader refuses it (wave 43),
                    // in 亿元 as it would be written (with no unit, only the unit is reported); a cell in
                    // 万元 is shown as typed, in 万元 (wave 43's fresh user: not a converted number).
                    if sheet.unit != nil,
                       let problem = FigureBounds.problem(.completed, value: inYi.0, decimals: inYi.1, towns: nil) {
                        error(.completed, cell.column,
                              .implausible(sheet.unit == .wan ? problem.inWan(typed: cell.text) : problem))
                    } else if sheet.unit == .wan {
                        completed = inYi
                        completedWritten = "\(cell.text) 万元"
                    } else {
                        completed = inYi
                    }
                }
            }
            var rate: (Decimal, Int)?
            if let cell = sheet.cell(.completionRate, in: row) {
                switch SheetNumber.parse(cell.text, percent: true) {
                case .blank: break
                case let .invalid(problem): error(.completionRate, cell.column, problem)
                case let .value(v, d):
                    if let problem = FigureBounds.problem(.completionRate, value: v, decimals: d, towns: nil) {
                        error(.completionRate, cell.column, .implausible(problem))
                    } else {
                        rate = (v, d)
                    }
                }
            }
            var started: (Decimal, Int)?
            if let cell = sheet.cell(.projectsStarted, in: row) {
                switch SheetNumber.parse(cell.text, percent: false) {
                case .blank: break
                case let .invalid(problem): error(.projectsStarted, cell.column, problem)
                case let .value(v, d):
                    if d != 0 && DecimalMath.rounded(v, scale: 0) != v {
                        error(.projectsStarted, cell.column, .notWholeProjects(cell.text))
                    } else if let problem = FigureBounds.problem(.projectsStarted, value: v, decimals: 0, towns: nil) {
                        error(.projectsStarted, cell.column, .implausible(problem))
                    } else {
                        started = (v, 0)
                    }
                }
            }
            // against the dataset
            if let town, let p = rowPeriod {
                let id = p.id
                func already(_ measure: Measure, _ column: SheetColumn) {
                    guard let cell = sheet.cell(column, in: row),
                        let existing = town.figures[FigureKey(measure, id)] else {
                        return
                    }
                    // A figure on another basis (the 2016 notice's fixed-asset investment) still
                    // takes the town's one place for the measure and period: say so.
                    error(column, cell.column,
                          .alreadyHas(town: town.id, measure: measure.rawValue, period: id,
                                      at: MonthlyImport.at(existing),
                                      basis: existing.basis, completed: measure == .completed))
                }
                if completed != nil { already(.completed, .completed) }
                if rate != nil { already(.completionRate, .completionRate) }
                if started != nil { already(.projectsStarted, .projectsStarted) }
                // Compared with the dataset only when the unit is known (else 万元 would read as 亿元).
                if sheet.unit != nil, let (v, d) = completed, let column = sheet.cell(.completed, in: row)?.column {
                    let shown = DecimalMath.text(v, scale: d) + " 亿元" + (completedWritten.map { " (\($0))" } ?? "")
                    if let plan = town.figures[FigureKey(.planTotal)], let pv = plan.quantity.exactValue, v > pv {
                        error(.completed, column, .aboveThreeYearPlan(shown: shown, plan: MonthlyImport.show(plan),
                                                                 at: MonthlyImport.at(plan)))
                    }
                    for q in dataset.periods where q.year == p.year && q.through != p.month {
                        guard let f = town.figures[FigureKey(.completed, q.id)] else { continue }
                        switch f.quantity {
                        case let .exact(e, _) where q.through < p.month && v < e:
                            error(.completed, column, .completedFalls(shown: shown, earlier: MonthlyImport.show(f),
                                labelEN: q.labelEN, labelZH: q.labelZH, id: q.id, at: MonthlyImport.at(f)))
                        case let .exact(e, _) where q.through > p.month && v > e:
                            error(.completed, column, .completedAboveLater(shown: shown, later: MonthlyImport.show(f),
                                labelEN: q.labelEN, labelZH: q.labelZH, id: q.id, at: MonthlyImport.at(f)))
                        case let .moreThan(b) where q.through < p.month && v <= b:
                            error(.completed, column, .notAboveMoreThan(shown: shown, bound: "\(b)",
                                labelEN: q.labelEN, labelZH: q.labelZH, id: q.id, at: MonthlyImport.at(f)))
                        default: break
                        }
                    }
                }
                // A rate below an earlier period's (or above a later one's) beyond the rounding of both:
                // warned, not refused (a revised plan makes it possible), since the rate derives the
                // year's plan and every verdict on it (wave 24, fresh user F5).
                // The rule is `towns check`'s (`Checker.rateFalls`), which flags such a rate with `!`.
                if let (v, d) = rate, let column = sheet.cell(.completionRate, in: row)?.column {
                    for q in dataset.periods where q.year == p.year && q.through != p.month {
                        guard let f = town.figures[FigureKey(.completionRate, q.id)], !f.isDerived,
                              case let .exact(e, ed) = f.quantity else { continue }
                        let earlier = q.through < p.month
                        let falls = earlier ? Checker.rateFalls(earlier: (e, ed), later: (v, d))
                            : Checker.rateFalls(earlier: (v, d), later: (e, ed))
                        guard falls else { continue }
                        // In `issues`, not the row's: a warning does not keep the row out.
                        issues.append(LoadIssue(.warning, .sheet, file: file, line: row.line, column: column,
                            field: SheetColumn.completionRate.rawValue,
                            .sheet(.rateOutOfOrder(shown: DecimalMath.text(v, scale: d) + "%",
                                                   other: MonthlyImport.show(f) + "%", labelEN: q.labelEN,
                                                   labelZH: q.labelZH, id: q.id, at: MonthlyImport.at(f),
                                                   later: !earlier, dryRun: dryRun))))
                    }
                }
                if let (v, _) = started, let column = sheet.cell(.projectsStarted, in: row)?.column {
                    if let planned = town.figures[FigureKey(.projectsPlanned)], let pv = planned.quantity.exactValue,
                        v > pv {
                        error(.projectsStarted, column,
                              .startedAbovePlanned("\(v)", planned: MonthlyImport.show(planned),
                                                   at: MonthlyImport.at(planned)))
                    } else if let all = dataset.totals[FigureKey(.projectsPlanned)], let pv = all.quantity.exactValue,
                              v > pv {
                        // The town's own plan unknown (Haining's): the city's towns' plan in all bounds it.
                        error(.projectsStarted, column,
                              .startedAboveCityPlanned("\(v)", planned: MonthlyImport.show(all),
                                                       at: MonthlyImport.at(all)))
                    }
                    for q in dataset.periods where q.id != id {
                        guard let f = town.figures[FigureKey(.projectsStarted, q.id)],
                            let e = f.quantity.exactValue else {
                            continue
                        }
                        let earlier = (q.year, q.through) < (p.year, p.month)
                        if earlier && v < e {
                            error(.projectsStarted, column,
                                  .startedFalls("\(v)", earlier: "\(e)", id: q.id, at: MonthlyImport.at(f)))
                        } else if !earlier && v > e {
                            error(.projectsStarted, column, .startedAboveLater("\(v)", later: "\(e)", id: q.id,
                                                                          at: MonthlyImport.at(f)))
                        }
                    }
                }
            }
            issues += rowIssues
            if rowIssues.isEmpty, let town, rowPeriod != nil, let (v, d) = completed {
                entries.append(Entry(town: town, line: row.line, completed: .exact(v, decimals: d),
                    completedAsWritten: completedWritten,
                                     completionRate: rate.map { .exact($0.0, decimals: $0.1) },
                                     projectsStarted: started.map { .exact($0.0, decimals: 0) }))
            }
        }
        sortIssues()
    }

    private mutating func sortIssues() {
        issues = issues.enumerated().sorted { a, b in
            let ka = (a.element.line ?? 0, a.element.column ?? 0, a.offset),
                kb = (b.element.line ?? 0, b.element.column ?? 0, b.offset)
            return ka < kb
        }.map(\.element)
    }

    /// `value` 万元 in 亿元 (÷ 10000, exact), with the digits after the point it needs but
    /// at least 2, as amounts are shown (135600 万元 is 13.56 亿元, 124000 万元 12.40,
    /// 12345 万元 1.2345): the same figure a sheet in 亿元 with two decimals gives.
    public static func fromWan(_ value: Decimal, decimals: Int) -> (Decimal, Int) {
        let yi = value / 10000
        var d = decimals + 4
        while d > 2 && DecimalMath.rounded(yi, scale: d - 1) == yi { d -= 1 }
        return (yi, d)
    }

    static func show(_ figure: Figure) -> String {
        switch figure.quantity {
        case let .exact(v, d): return DecimalMath.text(v, scale: d)
        case let .moreThan(b): return ">\(b)"
        }
    }

    static func at(_ figure: Figure) -> String { figure.origin.map { " (\($0))" } ?? "" }
}
