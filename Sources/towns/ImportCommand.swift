import ArgumentParser
import Foundation
import TownsCore
import TownsImport
import TownsUI

/// `towns import FILE.csv`: a statistics office's monthly sheet into `Data/monthly/YYYY-MM.toml`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a monthly sheet (CSV) into the dataset as monthly/YYYY-MM.toml.",
        discussion: """
            The sheet is a CSV file in UTF-8 (with or without BOM) or GB18030, with a header row \
            naming its columns: 小镇/town, 期间/period (YYYY-MM), 累计完成投资（亿元 or 万元）/completed, \
            and optionally 完成率/completion_rate (%) and 已开工项目/projects_started. Every row is \
            checked; every problem is printed as FILE:LINE:COLUMN: field: problem (COLUMN is the \
            field number, A = 1), and then nothing is written. Re-importing a month replaces its \
            file. Exit status: 0 imported (or checked, with --dry-run), 1 errors in the sheet, 10-23 the \
            dataset does not load (as towns check: see towns check --help), 2 the sheet cannot be read, \
            3 the data folder cannot be written. Figures that contradict what the dataset already holds \
            (an imported rate against earlier months) are imported all the same, with a warning \
            naming each new inconsistency.
            """)

    @Argument(help: ArgumentHelp("The monthly sheet, saved as CSV.", valueName: "FILE.csv"))
    var file: String
    @OptionGroup var data: DataOptions
    /// `towns` itself, whose `--lang` words the problems, and whose `--ascii`, `--themes`,
    /// `--theme` this command refuses.
    @ParentCommand var root: Towns
    func validate() throws { try root.display.refuse(for: "import", except: ["--lang"]) }
    /// The problems' language: the dashboard's rule (`--lang`, the config, zh; en under LANG=C).
    var chinese: Bool { root.display.wordsLanguage(config: Config(path: nil).language) == .zh }
    @Flag(name: .long, help: "Check the sheet and show the file it would write; write nothing.")
    var dryRun = false

    func run() throws {
        let directory: String
        do {
            directory = try data.directory()
        } catch {
            printError("towns import: \(error)")
            throw ExitCode(2)
        }
        let summary: MonthlyImporter.Summary
        do {
            summary = try MonthlyImporter.run(.init(sheetPath: file, dataDirectory: directory, dryRun: dryRun)) {
                printError("towns import: another import into \(directory) is running; waiting for it to finish")
            }
        } catch let failure as ImportFailure {
            for line in failure.lines(chinese: chinese) { printError(TerminalText.sanitize(line)) }
            throw ExitCode(failure.exitCode)
        }
        for warning in summary.warnings { printError(TerminalText.sanitize(warning.description(chinese: chinese))) }
        for line in ImportCommand.report(summary) { printOut(TerminalText.sanitize(line)) }
        if !summary.contradictions.isEmpty {
            printError("towns import: warning: with this sheet, towns check finds \(summary.contradictions.count) "
                       + "new inconsistency(ies) with figures already in the dataset (imported "
                       + (summary.dryRun ? "nothing: dry run" : "all the same: the sheet is what was reported")
                       + "; see towns check --data DIR):")
            let words = summary.checked.map { FindingWords(dataset: $0, language: .en) }
            for finding in summary.contradictions {
                printError("  " + TerminalText.sanitize(words?.line(finding) ?? finding.description))
            }
        }
        if dryRun {
            printOut("--- \(summary.path) (not written) ---")
            for line in summary.file.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                printOut(TerminalText.sanitize(String(line)))
            }
        }
    }

    /// The summary printed after an import: the sheet, the month, a line a town, the file.
    static func report(_ s: MonthlyImporter.Summary) -> [String] {
        var out: [String] = []
        let unit = s.unit == .wan ? "amounts in 万元 (÷ 10000 → 亿元)" : "amounts in 亿元"
        let title = s.skippedTitleLines > 0 ? ", \(s.skippedTitleLines) title line(s) above it skipped" : ""
        out.append("\(s.sheetPath): \(s.encoding.rawValue), \(unit), header on line \(s.headerLine)\(title)")
        out.append(
            "period \(s.period.id) \(MonthlyFile.labelZH(s.period)) \(MonthlyFile.labelEN(s.period))"
                + periodWords(s))
        let nameWidth = s.entries.map { DisplayWidth.of($0.town.nameZH) }.max() ?? 0
        for e in s.entries {
            let name = e.town.nameZH + String(repeating: " ", count: max(0, nameWidth - DisplayWidth.of(e.town.nameZH)))
            var line =
                "  \(name)  \(e.town.id.padding(toLength: 10, withPad: " ", startingAt: 0)) completed"
                    + " \(show(e.completed)) 亿元"
            if let r = e.completionRate { line += ", completion \(show(r))%" }
            if let p = e.projectsStarted { line += ", \(show(p)) projects started" }
            line += "  (line \(e.line))"
            out.append(line)
        }
        let what = "\(s.entries.count) town(s), \(s.file.figureCount) figure(s)"
        if s.dryRun {
            out.append("dry run: would \(s.replaced ? "replace" : "write") \(s.path) (\(what)); nothing written")
        } else {
            out.append(
                "wrote \(s.path) (\(what))" + (s.replaced ? "; it replaces the earlier import of \(s.period.id)" : ""))
        }
        return out
    }

    /// Whose period the sheet's month is: new, dataset.toml's, or (a sheet imported again, in
    /// whatever encoding) the earlier import's. The dataset is checked without the earlier
    /// import of the month (`MonthlyImporter`), so the period that import added looked new: a
    /// re-import said "(new period)" and then "it replaces the earlier import".
    static func periodWords(_ s: MonthlyImporter.Summary) -> String {
        if !s.periodIsNew { return " (a period dataset.toml already has)" }
        guard s.replaced else { return " (new period)" }
        return " (added by the earlier import of \(s.period.id), which this one replaces)"
    }

    static func show(_ q: Quantity) -> String {
        if case let .exact(v, d) = q { return DecimalMath.text(v, scale: d) }
        return "?"
    }
}
