import ArgumentParser
import Foundation
import TownsCore
import TownsUI

/// `towns report`: the towns table, aligned by display width, on stdout.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the towns table (with the city's totals) for a period, aligned, to stdout.",
        discussion: "Markers: ≈ derived, — unknown, >N lower bound, ! fails a consistency check (see towns check).")

    @OptionGroup var data: DataOptions
    @Option(name: .long, help: ArgumentHelp("Period id, e.g. 2015-09 (default: the latest with completed figures). Use --period list to list them.", valueName: "ID"))
    var period: String?
    @Option(name: .long, help: "Width of the table in columns.")
    var width: Int = 120
    @Flag(name: .long, help: "ASCII only: ~ for derived, - for unknown, # bars.")
    var ascii = false

    func run() throws {
        let dataset = try loadDataset(try data.directory())
        var state = AppState(dataset: dataset, width: max(Renderer.minimumWidth, width), height: 200)
        if let period {
            if period == "list" {
                for p in dataset.periods { print("\(p.id)\t\(p.labelZH)\t\(p.labelEN)") }
                return
            }
            guard let i = dataset.periods.firstIndex(where: { $0.id == period }) else {
                throw ValidationFailure("no period '\(period)'; periods: \(dataset.periods.map(\.id).joined(separator: ", "))")
            }
            state.periodIndex = i
        }
        print(ReportText.towns(state, glyphs: ascii ? .ascii : .unicode, width: state.width))
    }
}

/// The towns table as plain text: the same table the dashboard draws, rendered into a grid
/// as tall as it needs and printed line by line (no colours, no escape sequences).
enum ReportText {
    static func towns(_ state: AppState, glyphs: Glyphs, width: Int) -> String {
        guard let content = state.listContent(.towns, glyphs: glyphs) else { return "" }
        let table = TableRenderer(theme: .monochrome, glyphs: glyphs)
        let layout = TableLayout(columns: content.columns, rows: content.rows + content.summary, width: width)
        let height = 1 + content.rows.count + content.summary.count + 1
        var grid = Grid(width: layout.totalWidth, height: height)
        table.draw(into: &grid, rect: Rect(x: 0, y: 0, width: layout.totalWidth, height: height), columns: content.columns,
                   layout: layout, rows: content.rows, selection: nil, scroll: 0, summary: content.summary)
        var out: [String] = []
        let p = state.period
        out.append("\(state.dataset.nameZH) — \(p?.labelZH ?? "") \(p?.labelEN ?? "") — 单位 \(state.dataset.unit)")
        out.append("")
        out += grid.lines()
        out.append("")
        out.append(Renderer.legend(width: 200, glyphs: glyphs, unit: state.dataset.unit))
        out.append("进度差 = completion − share of the year elapsed (pp); 项目 = started/planned; ! see `towns check`")
        return out.joined(separator: "\n")
    }
}

/// Loads a dataset or throws with every error printed (file:line: field: problem).
func loadDataset(_ directory: String) throws -> Dataset {
    do {
        let loaded = try DatasetLoader.load(directory: directory)
        for w in loaded.warnings { printError(TerminalText.sanitize(w.description)) }
        return loaded.dataset
    } catch let failure as LoadFailure {
        for issue in failure.issues { printError(TerminalText.sanitize(issue.description)) }
        printError("towns: \(failure.errors.count) error(s) in \(directory); nothing loaded. Run `towns check --data \(directory)` after fixing.")
        throw ExitCode(1)
    }
}
