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
            --verbose, checks that passed (confirmed) too. \
            Nothing of a dataset with errors is used (the dashboard and towns report refuse it too, \
            with the same exit status).

            Exit status: 0 no errors (warnings allowed), 2 a usage error; a dataset with errors exits \
            with the code of its first error's class:
            \(LoadIssue.Kind.exitCodeTable)
            """)

    @OptionGroup var data: DataOptions
    /// `towns` itself, whose `--lang`, `--ascii`, `--themes`, `--theme` this command refuses.
    @ParentCommand var root: Towns
    func validate() throws { try root.display.refuse(for: "check") }
    @Flag(name: .shortAndLong, help: "Also list the checks that passed.")
    var verbose = false

    func run() throws {
        let directory = try data.directory()
        let dataset: Dataset
        do {
            let loaded = try DatasetLoader.load(directory: directory)
            dataset = loaded.dataset
            for w in loaded.warnings { printOut(TerminalText.sanitize(w.description)) }
        } catch let failure as LoadFailure {
            for issue in failure.issues { printError(TerminalText.sanitize(issue.description)) }
            printError(
                "towns: \(failure.errors.count) error(s) in \(directory); nothing loaded (exit"
                    + " \(failure.exitCode): \(failure.errors.first?.kind.summary ?? "error"))"
            )
            throw ExitCode(failure.exitCode)
        }
        let findings = Checker(dataset: dataset).run()
        var counts: [Finding.Kind: Int] = [:]
        for f in findings {
            counts[f.kind, default: 0] += 1
            if f.kind == .confirmed && !verbose { continue }
            printOut(TerminalText.sanitize(f.description))
        }
        printOut("\(directory): \(dataset.towns.count) towns, \(dataset.periods.count) periods loaded; "
              + "\(counts[.inconsistency] ?? 0) inconsistencies, \(counts[.shortfall] ?? 0) shortfalls, "
              + "\(counts[.ambiguous] ?? 0) ambiguities, "
              + "\(counts[.consistent] ?? 0) consistent with a fit (not confirmed), "
              + "\(counts[.confirmed] ?? 0) checks passed")
    }
}
