import ArgumentParser
import Foundation
import TownsCore
import TownsImport
import TownsTerminal
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
        name: .long,
        help: ArgumentHelp(
            "With --view changes: the earlier period to compare with, a period of the same year before --period's "
                + "(as the dashboard's :changes ID; default: the previous period of that year).",
            valueName: "ID"))
    var since: String?
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
    @Option(name: .long, help: ArgumentHelp(
        "A town's page instead of a view (text, md or json): its every field with its source or formula. A "
            + "town's id or name; the city's name (the bundled data's 嘉兴市 or jiaxing) gives its totals page.",
        valueName: "ID"))
    var town: String?
    @Flag(name: .long, help: ArgumentHelp(
        "With --format csv --output NAME.csv: also write NAME.meta.txt, the lines a CSV has no room for: title, "
            + "dataset, period, unit, filter, sort, the markers used and the sources cited."))
    var meta = false
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only the towns a filter keeps, as the dashboard's :filter and --filter (county NAME, type N, "
                + "stage S, behind, problem ID); repeatable; the sums, counts and title follow it.",
            valueName: "WHAT VALUE"))
    var filter: [String] = []

    /// The widest text table `--width` asks for; a wider one is refused (exit 2) before any
    /// work: a grid of `width` x rows cells is built for it.
    static let maximumWidth = 1000

    func validate() throws {
        try NumberBounds.check(width, "--width", 1...ReportCommand.maximumWidth)
        if force && output == nil {
            throw ValidationError(refusal("--force 替换 --output 给出的文件：请给出 --output 文件",
                                          "--force replaces the file given by --output; give --output FILE"))
        }
        if since != nil && (view != .changes || town != nil) {
            let words = Catalogue.sinceOnlyChanges
            throw ValidationError(refusal(words.zh, words.en))
        }
        if meta && (format != .csv || output == nil) {
            throw ValidationError(refusal(
                "--meta 在 CSV 文件旁写 NAME.meta.txt：请给出 --format csv --output NAME.csv（text、md 和 json 自带这些行）",
                "--meta writes NAME.meta.txt beside a CSV file: give --format csv --output NAME.csv"
                    + " (text, md and json hold those lines themselves)"))
        }
    }
    @OptionGroup var display: DisplayOptions
    /// The language of labels (`--lang`, before or after `report`), else the config's `language`, else
    /// zh, or en under a locale that is not UTF-8 (as the dashboard; `DisplayOptions.wordsLanguage`).
    var lang: Language { display.wordsLanguage(config: Config(path: nil).language) }
    /// ASCII marks: `--ascii`, or a report in English by default under a locale that is not
    /// UTF-8 (LANG=C), where the dashboard draws ASCII too and a UTF-8 mark would print as bytes the
    /// terminal cannot show; `--lang zh` there keeps the marks, as the Chinese words need UTF-8 anyway.
    /// Every format (wave 21: a CSV kept `—`, `▼`, `≈`): the dashboard's own export (`e`) there
    /// writes the ASCII set in every format, and a report is the same table.
    var ascii: Bool {
        display.ascii || display.asciiByDefault(lang)
    }

    func run() throws {
        let dataset = try loadDataset(try data.directory(), chinese: lang == .zh)
        var state = AppState(dataset: dataset, width: max(Renderer.minimumWidth, width), height: 200)
        state.language = lang
        // As the dashboard under a locale that is not UTF-8 (LANG=C): a section number of Chinese
        // numerals is printed `sec. 2(1)` in English (`AppState.sectionText`); a printed page kept
        // `二(一)`, which such a terminal cannot show (wave 30's fresh user).
        state.chineseUnavailable = !Terminal.environmentIsUTF8
        if let period {
            if period == "list" {
                for p in dataset.periods {
                    printOut([p.id, p.labelZH, p.labelEN].map(TerminalText.sanitize).joined(separator: "\t"))
                }
                return
            }
            guard let i = dataset.periods.firstIndex(where: { $0.id == period }) else {
                // In the report's language (as --filter's refusal below), not ArgumentParser's "Error:".
                let ids = dataset.periods.map(\.id).joined(separator: " ")
                printError("towns report: " + TerminalText.sanitize(state.tr(Catalogue.notAPeriodOption(period, ids))))
                throw ExitCode(2)
            }
            state.periodIndex = i
        }
        if let since {
            // The changes view's earlier period, as `:changes ID` chooses it; one that does not fit is
            // refused, named (exit 2), rather than compared with the previous period instead.
            guard let from = dataset.period(since) else {
                let ids = dataset.periods.map(\.id).joined(separator: " ")
                printError("towns report: " + TerminalText.sanitize(state.tr(Catalogue.sinceNotAPeriod(since, ids))))
                throw ExitCode(2)
            }
            if let to = state.period, !(from.year == to.year && from.through < to.through) {
                let fits = dataset.periods.filter { $0.year == to.year && $0.through < to.through }.map(\.id)
                printError("towns report: " + TerminalText.sanitize(
                    state.tr(Catalogue.sinceNotEarlier(since, to.id, fits.joined(separator: " ")))))
                throw ExitCode(2)
            }
            state.session.changesFrom = from.id
        }
        state.stack = [Screen(view.kind)]
        // As the dashboard's --filter: each added as `:filter` adds it; one that does not apply is
        // refused, named (exit 2), rather than printing every town as if filtered.
        for f in filter {
            let (filtered, failure) = state.applyingFilter(f)
            if let failure {
                // Worded as the dashboard and --period's refusal (not ArgumentParser's English "Error:").
                printError("towns report: " + TerminalText.sanitize("--filter \(f): " + state.tr(failure)))
                throw ExitCode(2)
            }
            state = filtered
        }
        state.message = nil
        if let town {
            // A town by id or name, else the city (嘉兴市, jiaxing): its totals page.
            if let t = dataset.towns.first(where: { $0.id == town })
                ?? dataset.towns.first(where: { [$0.nameZH, $0.nameEN.lowercased()].contains(town.lowercased()) }) {
                state.stack.append(Screen(.townPage(t.id)))
            } else if state.namesTheCity(town) {
                state.stack.append(Screen(.cityTotals))
            } else {
                let ids = dataset.towns.prefix(20).map(\.id).joined(separator: ", ")
                let more = dataset.townCount > 20 ? ", ..." : ""
                throw ValidationFailure(refusal(
                    "没有小镇 '\(town)'，也没有这个名称的市；小镇：\(ids)\(more)；市：\(dataset.regionZH)"
                        + "（\(dataset.regionEN.lowercased())）",
                    "no town '\(town)', nor a city of that name; towns: \(ids)\(more)"
                        + "; the city: \(dataset.regionZH) (\(dataset.regionEN.lowercased()))"))
            }
        }
        let glyphs: Glyphs = ascii ? .ascii : .unicode
        if var refusal = state.exportRefusal(format) {
            // Worded for the shell (`--format`), not the dashboard's `:export` (wave 22, F7).
            if refusal == Catalogue.exportPageNotCSV { refusal = Catalogue.reportPageNotCSV }
            throw ValidationFailure(lang == .zh ? refusal.zh : refusal.en)
        }
        guard let export = state.exportOutput(format, glyphs: glyphs, byteOrderMark: bom, width: state.width,
                                              notes: ReportText.notes(state), fits: true) else { return }
        if format == .text && town == nil {
            // The table is never narrower than the screen's least (60), columns that cannot shrink
            // (numbers and names are never cut) may need more, and the heading's lines are not
            // wrapped: say so rather than pass it over, with the widest line as printed (wave 28:
            // the table's width was said, where the heading's dataset line was wider).
            let widest = ReportText.widestLine(export.text)
            if width < Renderer.minimumWidth || widest > width {
                // In the report's language, as its other words (English alone until wave 28).
                printError("towns report: " + state.tr(
                    Catalogue.reportWiderThanWidth(widest, width, Renderer.minimumWidth)))
            }
        }
        guard let output else {
            printOut(export.text, terminator: "")
            return
        }
        let outcome = SafeWrite.write(
            Array(export.text.utf8), to: output, replace: force, protecting: [dataset.directory])
        let message = outcome.message(replaceHint: ("要覆盖请加 --force", "add --force to replace it"))
        printError("towns report: \(lang == .zh ? message.zh : message.en)")
        if !outcome.isWritten { throw ExitCode(1) }
        if meta, let text = export.meta {
            let path = ExportFile.metaPath(output)
            let written = SafeWrite.write(Array(text.utf8), to: path, replace: force, protecting: [dataset.directory])
            let m = written.message(replaceHint: ("要覆盖请加 --force", "add --force to replace it"))
            printError("towns report: \(lang == .zh ? m.zh : m.en)")
            if !written.isWritten { throw ExitCode(1) }
        }
    }
}

extension ExportRequest.Format: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

/// What a report adds to an export of the view (`AppState.exportOutput`), which draws the
/// text form's table as the dashboard does (bars included; no colours, no escape sequences).
enum ReportText {
    /// The display width of the widest line of `text` (a report as printed), in terminal
    /// columns (`DisplayWidth`: 海 two, ≈ one).
    static func widestLine(_ text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayWidth.of(String($0)) }.max() ?? 0
    }

    /// The lines a report and a text export add under a view's table: what its columns mean
    /// (`AppState.columnNotes`, which a copy holds too).
    static func notes(_ state: AppState) -> [String] { state.columnNotes() }
}

/// Problems of a dataset that does not load that the dashboard and `report` print (then how
/// many more); `towns check` prints every one.
let loadProblemsShown = 50

/// Loads a dataset or throws with its first `loadProblemsShown` problems printed
/// (file:line: field: problem) and the exit status of the first error's class
/// (`LoadFailure.exitCode`): `towns report` and the dashboard refuse a dataset with errors as
/// `towns check` does, with the same status. The problems are worded in Chinese (`chinese`) or
/// English; file, line and field alike in both.
func loadDataset(_ directory: String, chinese: Bool = false) throws -> Dataset {
    try loadDatasetAndWarnings(directory, chinese: chinese).dataset
}

/// `loadDataset`, also returning the warnings it printed (the dashboard shows them: wave 31).
func loadDatasetAndWarnings(_ directory: String, chinese: Bool = false) throws
    -> (dataset: Dataset, warnings: [LoadIssue])
{
    do {
        let loaded = try DatasetLoader.load(directory: directory)
        for w in loaded.warnings { printErrorAtWords(TerminalText.sanitize(w.description(chinese: chinese))) }
        return loaded
    } catch let failure as LoadFailure {
        // The first problems, in file order; `towns check` lists every one (a broken file at
        // province scale can hold 100,000).
        for issue in failure.issues.prefix(loadProblemsShown) {
            printErrorAtWords(TerminalText.sanitize(issue.description(chinese: chinese)))
        }
        if failure.issues.count > loadProblemsShown {
            let more = failure.issues.count - loadProblemsShown
            printErrorAtWords(chinese ? "…… 另有 \(more) 个（towns check --data \(directory) 列出全部）"
                : "... \(more) more (towns check --data \(directory) lists every one)")
        }
        printErrorAtWords(loadFailureSummary(failure, directory: directory, chinese: chinese)
            + (chinese ? "修正后请运行 `towns check --data \(directory)`。"
                : " Run `towns check --data \(directory)` after fixing."))
        throw ExitCode(failure.exitCode)
    }
}

/// `towns: 2 errors in Data; nothing loaded (exit 12: ...).` in English, or its Chinese: the
/// count of errors, the folder, and the exit status with its class (`LoadIssue.Kind`).
func loadFailureSummary(_ failure: LoadFailure, directory: String, chinese: Bool) -> String {
    let first = failure.errors.first?.kind
    if chinese {
        return "towns：\(directory) 中有 \(failure.errors.count) 个错误，未载入任何数据"
            + "（退出码 \(failure.exitCode)：\(first?.summaryZH ?? "错误")）。"
    }
    return "towns: " + EnglishCount.of(failure.errors.count, "error") + " in \(directory); nothing loaded (exit \(failure.exitCode):"
        + " \(first?.summary ?? "error"))."
}
