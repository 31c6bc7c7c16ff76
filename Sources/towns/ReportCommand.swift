import ArgumentParser
import Foundation
import TownsCore
import TownsImport
import TownsUI

/// `towns report`: a view's table on stdout, as aligned text, CSV, Markdown or JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print a view's table (towns by default, with the city's totals) for a period to stdout.",
        discussion: """
            Formats: text (aligned by display width, with bars), csv (RFC 4180; --bom for spreadsheets), \
            md (a Markdown table for meeting minutes), json. Markers in cells: ≈ derived, † interpreted \
            (one reading of ambiguous words, not summed as known), ◇ another basis, → projected (never \
            reported), — unknown, >N lower bound, ! fails a consistency check (see towns check), ▼ behind \
            schedule, ✦ new since the previous period (Δ columns, the changes view), ▲N ▽N places gained or lost.
            """)

    enum View: String, ExpressibleByArgument, CaseIterable {
        case overview, towns, types, entities, assessment, province, reference, changes
        var kind: Screen.Kind {
            switch self {
            case .overview: return .overview
            case .reference: return .reference
            case .changes: return .changes
            case .towns: return .townList
            case .types: return .typeList
            case .entities: return .entityList
            case .assessment: return .assessment
            case .province: return .province
            }
        }
    }

    @OptionGroup var data: DataOptions
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Period id, e.g. 2015-09 (default: the latest with completed figures). --period list lists them.",
            valueName: "ID"))
    var period: String?
    @Option(name: .long, help: "What to print: \(View.allCases.map(\.rawValue).joined(separator: ", ")).")
    var view: View = .towns
    @Option(
        name: .long, help: "Output format: \(ExportRequest.Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ExportRequest.Format = .text
    @Flag(name: .long, help: "With --format csv: start with a UTF-8 byte-order mark (for spreadsheets).")
    var bom = false
    @Option(name: .long, help: "Width of the text table in columns (1-\(ReportCommand.maximumWidth)).")
    var width: Int = 120
    @Option(name: .long, help: ArgumentHelp("Write to FILE instead of standard output: a new file; an existing " +
        "regular file only with --force; never a link, FIFO, device, folder, read-only file or anything in the " +
        "dataset folder.", valueName: "FILE"))
    var output: String?
    @Flag(name: .long, help: "With --output: replace a regular file that is already there (atomically).")
    var force = false

    /// The widest text table `--width` asks for; a wider one is refused (exit 2) before any
    /// work: a grid of `width` x rows cells is built for it.
    static let maximumWidth = 1000

    func validate() throws {
        try NumberBounds.check(width, "--width", 1...ReportCommand.maximumWidth)
        if force && output == nil {
            throw ValidationError("--force replaces the file given by --output; give --output FILE")
        }
    }
    @Option(name: .long, help: "Language of labels: zh or en.")
    var lang: Language = .zh
    @Flag(name: .long, help: "ASCII only: ~ derived, * interpreted, & other basis, ^ projected, - unknown, # bars, n new, +N -N places.")
    var ascii = false

    func run() throws {
        let dataset = try loadDataset(try data.directory())
        var state = AppState(dataset: dataset, width: max(Renderer.minimumWidth, width), height: 200)
        state.language = lang
        if let period {
            if period == "list" {
                for p in dataset.periods {
                    printOut([p.id, p.labelZH, p.labelEN].map(TerminalText.sanitize).joined(separator: "\t"))
                }
                return
            }
            guard let i = dataset.periods.firstIndex(where: { $0.id == period }) else {
                throw ValidationFailure(
                    "no period '\(period)'; periods: \(dataset.periods.map(\.id).joined(separator: ", "))")
            }
            state.periodIndex = i
        }
        state.stack = [Screen(view.kind)]
        let glyphs: Glyphs = ascii ? .ascii : .unicode
        var text = ""
        if format == .text {
            text = ReportText.table(state, glyphs: glyphs, width: state.width)
            // The table is never narrower than the screen's least (60), and columns that cannot
            // shrink (numbers are never cut) may need more: say so rather than pass it over.
            let needed = ReportText.tableWidth(state, glyphs: glyphs, width: state.width)
            if width < Renderer.minimumWidth || needed > width {
                printError(
                    "towns report: the table is \(needed) columns wide, more than --width \(width)"
                        + " (\(Renderer.minimumWidth) at least; numbers are never cut)"
                )
            }
        } else {
            guard let content = state.content(for: state.screen) else { return }
            text = Export.render(content, format: format, title: ReportText.title(state),
                legend: ReportText.legend(state, glyphs),
                                 byteOrderMark: bom, glyphs: glyphs)
        }
        guard let output else {
            printOut(text, terminator: "")
            return
        }
        let outcome = SafeWrite.write(Array(text.utf8), to: output, replace: force, protecting: [dataset.directory])
        let message = outcome.message(replaceHint: ("要覆盖请加 --force", "add --force to replace it"))
        printError("towns report: \(lang == .zh ? message.zh : message.en)")
        if !outcome.isWritten { throw ExitCode(1) }
    }
}

extension ExportRequest.Format: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

/// A view's table as plain text: the same table the dashboard draws, rendered into a grid
/// as tall as it needs and printed line by line (no colours, no escape sequences).
enum ReportText {
    static func title(_ state: AppState) -> String {
        let p = state.period
        let view = Renderer.crumb(state.screen.kind, state)
        return
            "\(state.language == .zh ? state.dataset.nameZH : state.dataset.nameEN) — \(view) —"
                + " \(p?.labelZH ?? "") \(p?.labelEN ?? "") — \(state.tr("单位", "unit")) \(state.dataset.unit)"
                + shownAs(state)
    }

    /// The filter, narrowing search and sort the view is shown with, as the title's end
    /// (" — 筛选 filter: 落后 — 排序 sorted by: 进度差 ▼"); "" when the view is shown whole
    /// in the data's order. An export then says which rows it holds and in what order.
    static func shownAs(_ state: AppState) -> String {
        var out = ""
        if !state.filter.isEmpty { out += " — " + state.tr("筛选", "filter") + ": " + state.filter.summary(state.tr) }
        if let q = state.screen.narrow, !q.isEmpty { out += " — " + state.tr("只含匹配", "matching") + " /" + q }
        if let c = state.screen.sortColumn, let columns = state.listContent(state.screen.kind)?.columns,
            columns.indices.contains(c)
        {
            out += " — " + state.tr("排序", "sorted by") + ": " + columns[c].title
                + (state.screen.sortDescending ? " ▼" : " ▲")
        }
        return out
    }

    static func legend(_ state: AppState, _ glyphs: Glyphs) -> String {
        Renderer.legend(width: 200, glyphs: glyphs, unit: state.dataset.unit, language: state.language)
    }

    /// How wide `table` draws the view's table within `width` columns (more when its columns
    /// cannot shrink to fit).
    static func tableWidth(_ state: AppState, glyphs: Glyphs, width: Int) -> Int {
        guard let content = state.content(for: state.screen) else { return 0 }
        return TableLayout(columns: content.columns, rows: content.rows.all + content.summary, width: width).totalWidth
    }

    static func table(_ state: AppState, glyphs: Glyphs, width: Int) -> String {
        guard let content = state.content(for: state.screen) else { return "" }
        let table = TableRenderer(theme: .monochrome, glyphs: glyphs)
        let layout = TableLayout(columns: content.columns, rows: content.rows.all + content.summary, width: width)
        let height = 1 + content.rows.count + (content.summary.isEmpty ? 0 : content.summary.count + 1)
        var grid = Grid(width: layout.totalWidth, height: height)
        table.draw(
            into: &grid, rect: Rect(x: 0, y: 0, width: layout.totalWidth, height: height), columns: content.columns,
            layout: layout, rows: content.rows, selection: nil, scroll: 0, summary: content.summary)
        var out = [title(state), ""]
        out += grid.lines()
        out.append("")
        out += content.notes.map { $0.text(glyphs) }
        out.append(legend(state, glyphs))
        if state.screen.kind == .townList {
            out.append(
                state.tr(
                    "进度差 = 完成率 − 应完成（全年已过比例，百分点）；项目 = 已开工/计划；! 见 towns check",
                    "进度差 = completion − share of the year elapsed (pp); 项目 = started/planned; ! see `towns check`"))
        }
        // The grid's lines are sanitised already; the title (the dataset's name, the period's
        // labels) and the notes are data too.
        return TerminalText.sanitizeLines(out.joined(separator: "\n") + "\n")
    }
}

/// Problems of a dataset that does not load that the dashboard and `report` print (then how
/// many more); `towns check` prints every one.
let loadProblemsShown = 50

/// Loads a dataset or throws with its first `loadProblemsShown` problems printed
/// (file:line: field: problem) and the exit status of the first error's class
/// (`LoadFailure.exitCode`): `towns report` and the dashboard refuse a dataset with errors as
/// `towns check` does, with the same status.
func loadDataset(_ directory: String) throws -> Dataset {
    do {
        let loaded = try DatasetLoader.load(directory: directory)
        for w in loaded.warnings { printError(TerminalText.sanitize(w.description)) }
        return loaded.dataset
    } catch let failure as LoadFailure {
        // The first problems, in file order; `towns check` lists every one (a broken file at
        // province scale can hold 100,000).
        for issue in failure.issues.prefix(loadProblemsShown) { printError(TerminalText.sanitize(issue.description)) }
        if failure.issues.count > loadProblemsShown {
            printError(
                "... \(failure.issues.count - loadProblemsShown) more (towns check --data \(directory) lists every one)"
            )
        }
        printError(
            "towns: \(failure.errors.count) error(s) in \(directory); nothing loaded (exit \(failure.exitCode):"
                + " \(failure.errors.first?.kind.summary ?? "error")). Run `towns check --data \(directory)` after " +
                    "fixing."
        )
        throw ExitCode(failure.exitCode)
    }
}
