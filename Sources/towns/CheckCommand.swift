import ArgumentParser
import Foundation
import TownsCore
import TownsUI

/// `towns check`: load a dataset and print what it finds.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load a dataset and report errors and consistency findings.",
        discussion: """
            Errors are printed as FILE:LINE: FIELD: PROBLEM; unknown fields are warnings (exit 0). \
            Consistency findings follow: inconsistency (figures that cannot both be right; the figures \
            are flagged), shortfall (a reported total the towns' known figures do not account for), \
            ambiguous (words that read more than one way, with every reading and the one the data uses) \
            and consistent (agreement with values fitted to the same total: not a confirmation); with \
            --verbose, checks that passed (confirmed) too. A dataset without rules.toml gets a note \
            that no rule is judged (not a finding: exit 0). \
            Findings are worded in the language chosen (--lang, else the config's `language`, else zh; \
            en under a locale that is not UTF-8, such as LANG=C, as the dashboard); --lang en prints them \
            as FILE:LINE: KIND: SUBJECT: MESSAGE in English. \
            Nothing of a dataset with errors is used (the dashboard and towns report refuse it too, \
            with the same exit status).

            Exit status: 0 no errors (warnings allowed), 2 a usage error; a dataset with errors exits \
            with the code of its first error's class:
            \(LoadIssue.Kind.exitCodeTable)
            """)

    @OptionGroup var data: DataOptions
    /// `--lang`, declared for this command's help; its value is `towns`'s (`root.display`), which
    /// parses it before or after the command's name.
    @OptionGroup var language: LanguageOption
    /// `towns` itself, whose `--lang` (before or after `check`) words the findings, and whose
    /// `--ascii`, `--themes`, `--theme` this command refuses.
    @ParentCommand var root: Towns
    func validate() throws { try root.display.refuse(for: "check", except: ["--lang"]) }
    @Flag(name: .shortAndLong, help: "Also list the checks that passed.")
    var verbose = false
    /// The language of the findings: `--lang`, else the config's, else zh, or en under a locale that
    /// is not UTF-8 (as the dashboard; `DisplayOptions.wordsLanguage`).
    var lang: Language { root.display.wordsLanguage(config: Config(path: nil).language) }

    func run() throws {
        // English by default under LANG=C: ASCII marks (`~`, `-`), as `towns report` writes them.
        let ascii = root.display.asciiByDefault(lang)
        func out(_ line: String) { printOut(ascii ? Grid.foldToASCII(line) : line) }
        func err(_ line: String) { printErrorAtWords(ascii ? Grid.foldToASCII(line) : line) }
        let directory = try data.directory()
        let dataset: Dataset
        do {
            let loaded = try DatasetLoader.load(directory: directory)
            dataset = loaded.dataset
            for w in loaded.warnings { out(TerminalText.sanitize(w.description(chinese: lang == .zh))) }
        } catch let failure as LoadFailure {
            // In the language of the findings: file, line and field alike in both.
            for issue in failure.issues { err(TerminalText.sanitize(issue.description(chinese: lang == .zh))) }
            let summary = loadFailureSummary(failure, directory: directory, chinese: lang == .zh)
            err(lang == .zh ? summary : String(summary.dropLast()))
            throw ExitCode(failure.exitCode)
        }
        // No rules: said (a note, not a finding: the exit status stays), in the assessment's words
        // (wave 29's fresh user: a dataset without rules.toml was checked without a word of it).
        // (A rules.toml without a rule does not load, so no rules means no rules.toml.)
        if dataset.rules.isEmpty {
            let words = Catalogue.noRulesNothingJudged
            out(lang == .zh ? "\(directory)：注意：\(words.zh)" : "\(directory): note: \(words.en)")
        }
        let findings = Checker(dataset: dataset).run()
        let words = FindingWords(dataset: dataset, language: lang)
        var counts: [Finding.Kind: Int] = [:]
        for f in findings {
            counts[f.kind, default: 0] += 1
            if f.kind == .confirmed && !verbose { continue }
            out(TerminalText.sanitize(words.line(f)))
        }
        let n = { (k: Finding.Kind) in counts[k] ?? 0 }
        if words.language == .zh {
            out("\(directory)：已载入 \(dataset.townCount) 个小镇、\(dataset.periods.count) 个期间；"
                  + "不一致 \(n(.inconsistency)) 项，缺口 \(n(.shortfall)) 项，歧义 \(n(.ambiguous)) 项，"
                  + "与拟合值相符（未印证）\(n(.consistent)) 项，通过的核对 \(n(.confirmed)) 项")
        } else {
            // "1 inconsistency", "2 inconsistencies": each count with its noun in the right number.
            func count(_ k: Finding.Kind, _ one: String, _ many: String) -> String {
                "\(n(k)) " + (n(k) == 1 ? one : many)
            }
            out("\(directory): \(EnglishCount.of(dataset.townCount, "town")), "
                  + "\(EnglishCount.of(dataset.periods.count, "period")) loaded; "
                  + count(.inconsistency, "inconsistency", "inconsistencies") + ", "
                  + count(.shortfall, "shortfall", "shortfalls") + ", "
                  + count(.ambiguous, "ambiguity", "ambiguities") + ", "
                  + "\(n(.consistent)) consistent with a fit (not confirmed), "
                  + count(.confirmed, "check passed", "checks passed"))
        }
    }
}
