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
    /// `--lang`, declared for this command's help; its value is `towns`'s (`root.display`), which
    /// parses it before or after the command's name.
    @OptionGroup var language: LanguageOption
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
                printError(chinese ? "towns import：另一个导入正在写入 \(directory)；等它完成"
                           : "towns import: another import into \(directory) is running; waiting for it to finish")
            }
        } catch let failure as ImportFailure {
            for line in failure.lines(chinese: chinese) { printError(TerminalText.sanitize(line)) }
            throw ExitCode(failure.exitCode)
        }
        for warning in summary.warnings { printError(TerminalText.sanitize(warning.description(chinese: chinese))) }
        for line in ImportCommand.report(summary, chinese: chinese) { printOut(TerminalText.sanitize(line)) }
        if !summary.contradictions.isEmpty {
            let n = summary.contradictions.count
            printError(chinese
                ? "towns import：警告：加上这张表，towns check 发现与数据集已有数字不一致 \(n) 处（"
                    + (summary.dryRun ? "试导入：未写入" : "照样导入：表上就是这样报的") + "；见 towns check --data DIR）："
                : "towns import: warning: with this sheet, towns check finds \(n) "
                    + "new inconsistenc\(n == 1 ? "y" : "ies") with figures already in the dataset (imported "
                    + (summary.dryRun ? "nothing: dry run" : "all the same: the sheet is what was reported")
                    + "; see towns check --data DIR):")
            let words = summary.checked.map { FindingWords(dataset: $0, language: chinese ? .zh : .en) }
            for finding in summary.contradictions {
                printError("  " + TerminalText.sanitize(words?.line(finding) ?? finding.description))
            }
        }
        if dryRun {
            printOut("--- \(summary.path) \(chinese ? "（未写入）" : "(not written)") ---")
            for line in summary.file.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                printOut(TerminalText.sanitize(String(line)))
            }
        }
    }

    /// The summary printed after an import: the sheet, the month, a line a town, the file; in
    /// Chinese (`chinese`) or English, as the problems are.
    static func report(_ s: MonthlyImporter.Summary, chinese: Bool = false) -> [String] {
        var out: [String] = []
        if chinese {
            let unit = s.unit == .wan ? "金额单位万元（÷ 10000 → 亿元）" : "金额单位亿元"
            let title = s.skippedTitleLines > 0 ? "，跳过其上 \(s.skippedTitleLines) 行标题" : ""
            out.append("\(s.sheetPath)：\(s.encoding.rawValue)，\(unit)，表头在第 \(s.headerLine) 行\(title)")
        } else {
            let unit = s.unit == .wan ? "amounts in 万元 (÷ 10000 → 亿元)" : "amounts in 亿元"
            let title = s.skippedTitleLines > 0 ? ", " + EnglishCount.of(s.skippedTitleLines, "title line") + " above it skipped" : ""
            out.append("\(s.sheetPath): \(s.encoding.rawValue), \(unit), header on line \(s.headerLine)\(title)")
        }
        out.append(
            (chinese ? "期间 " : "period ") + "\(s.period.id) \(MonthlyFile.labelZH(s.period)) \(MonthlyFile.labelEN(s.period))"
                + periodWords(s, chinese: chinese))
        let nameWidth = s.entries.map { DisplayWidth.of($0.town.nameZH) }.max() ?? 0
        for e in s.entries {
            let name = e.town.nameZH + String(repeating: " ", count: max(0, nameWidth - DisplayWidth.of(e.town.nameZH)))
            let id = e.town.id.padding(toLength: 10, withPad: " ", startingAt: 0)
            var line: String
            if chinese {
                line = "  \(name)  \(id) 已完成 \(show(e.completed)) 亿元"
                if let r = e.completionRate { line += "，完成率 \(show(r))%" }
                if let p = e.projectsStarted { line += "，已开工 \(show(p)) 个项目" }
                line += "  （第 \(e.line) 行）"
            } else {
                line = "  \(name)  \(id) completed \(show(e.completed)) 亿元"
                if let r = e.completionRate { line += ", completion \(show(r))%" }
                if let p = e.projectsStarted { line += ", \(show(p)) projects started" }
                line += "  (line \(e.line))"
            }
            out.append(line)
        }
        if chinese {
            let what = "\(s.entries.count) 个小镇，\(s.file.figureCount) 个数值"
            out.append(s.dryRun
                ? "试导入：将\(s.replaced ? "替换" : "写入") \(s.path)（\(what)）；未写入"
                : "已写入 \(s.path)（\(what)）" + (s.replaced ? "；替换了 \(s.period.id) 先前的导入" : ""))
            if !s.absent.isEmpty {
                out.append("表中没有 \(s.absent.count) 个小镇的行，其 \(s.period.id) 的数字为未知："
                           + s.absent.map { "\($0.nameZH)（\($0.id)）" }.joined(separator: "，"))
            }
            if !s.dropped.isEmpty {
                out.append("先前导入的 \(s.dropped.count) 个数值不在本次的表中，\(s.dryRun ? "将" : "现")为未知："
                           + s.dropped.map { "\($0.town) \($0.measure)" }.joined(separator: "，"))
            }
        } else {
            let what = EnglishCount.of(s.entries.count, "town") + ", " + EnglishCount.of(s.file.figureCount, "figure")
            if s.dryRun {
                out.append("dry run: would \(s.replaced ? "replace" : "write") \(s.path) (\(what)); nothing written")
            } else {
                out.append(
                    "wrote \(s.path) (\(what))" + (s.replaced ? "; it replaces the earlier import of \(s.period.id)" : ""))
            }
            if !s.absent.isEmpty {
                out.append("no row in the sheet for " + EnglishCount.of(s.absent.count, "town") + ", whose \(s.period.id) figures are unknown: "
                           + s.absent.map { "\($0.nameEN) (\($0.id))" }.joined(separator: ", "))
            }
            if !s.dropped.isEmpty {
                let one = s.dropped.count == 1
                out.append(EnglishCount.of(s.dropped.count, "figure of the earlier import is", "figures of the earlier import are")
                           + " not in this sheet and \(s.dryRun ? "would be" : one ? "is now" : "are now") unknown: "
                           + s.dropped.map { "\($0.town) \($0.measure)" }.joined(separator: ", "))
            }
        }
        return out
    }

    /// Whose period the sheet's month is: new, dataset.toml's, or (a sheet imported again, in
    /// whatever encoding) the earlier import's. The dataset is checked without the earlier
    /// import of the month (`MonthlyImporter`), so the period that import added looked new: a
    /// re-import said "(new period)" and then "it replaces the earlier import".
    static func periodWords(_ s: MonthlyImporter.Summary, chinese: Bool = false) -> String {
        if !s.periodIsNew { return chinese ? "（dataset.toml 已有的期间）" : " (a period dataset.toml already has)" }
        guard s.replaced else { return chinese ? "（新期间）" : " (new period)" }
        return chinese ? "（由 \(s.period.id) 先前的导入加入，本次替换它）"
            : " (added by the earlier import of \(s.period.id), which this one replaces)"
    }

    static func show(_ q: Quantity) -> String {
        if case let .exact(v, d) = q { return DecimalMath.text(v, scale: d) }
        return "?"
    }
}
