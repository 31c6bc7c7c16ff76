import ArgumentParser
import Foundation
import TownsCore
import TownsSynthetic

/// `towns generate`: write a synthetic dataset (for benchmarks and for trying the dashboard
/// at province scale).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic dataset (marked synthetic) in the real format into DIR.",
        discussion: """
            The same --towns, --months and --seed give byte-identical files. One reporting period \
            per month from January 2015, completed figures cumulative within each year. The \
            province's rules (rules.toml) and the sources they cite are copied from the dataset \
            found as for the other commands (--data, $TOWNS_DATA, ...) when it has them.
            """)

    @Option(name: .long, help: "Number of towns.")
    var towns: Int = 1000
    @Option(name: .long, help: "Number of monthly reporting periods.")
    var months: Int = 12
    @Option(name: .long, help: "Seed of the pseudo-random generator.")
    var seed: UInt64 = 1
    /// `--data`: the dataset whose rules.toml to copy (default: as for the other commands).
    @OptionGroup var data: DataOptions
    /// `towns` itself, whose `--lang`, `--ascii`, `--themes`, `--theme` this command refuses.
    @ParentCommand var root: Towns
    @Flag(
        name: .long,
        help: "Write into a folder that already holds files (they are replaced or left beside the new ones).")
    var force = false
    @Argument(help: "Folder to write (created if needed; a folder with files in it is refused unless --force).")
    var directory: String

    func validate() throws {
        try root.display.refuse(for: "generate")
        try NumberBounds.check(towns, "--towns", NumberBounds.towns)
        try NumberBounds.check(months, "--months", NumberBounds.months)
    }

    func run() throws {
        // Never write over a dataset by accident (a copy of Data/ would end half synthetic).
        let existing =
            (try? FileManager.default.contentsOfDirectory(atPath: directory))?.filter { !$0.hasPrefix(".") } ?? []
        if !existing.isEmpty && !force {
            throw ValidationFailure(
                "\(directory) already holds files " +
                "(\(existing.sorted().prefix(3).joined(separator: ", "))\(existing.count > 3 ? ", ..." : "")): " +
                "choose an empty or new folder, or add --force"
            )
        }
        let spec = SyntheticDataset(towns: towns, months: months, seed: seed)
        do {
            try spec.write(to: directory, rules: GenerateCommand.bundledRules(data: data.data))
        } catch let problem as SyntheticDataset.Problem {
            throw ValidationFailure(problem.description)
        }
        print("\(directory): \(towns) towns x \(months) months, seed \(seed) (synthetic)")
    }

    /// The rules.toml and sources.toml of the dataset `towns` would use, if it has rules.
    static func bundledRules(data: String?) -> SyntheticDataset.Rules? {
        guard let folder = try? Locations.find("Data", flag: data, environment: "TOWNS_DATA") else { return nil }
        let path = { (name: String) in (folder as NSString).appendingPathComponent(name) }
        guard let rules = try? String(contentsOfFile: path("rules.toml"), encoding: .utf8),
            let sources = try? String(contentsOfFile: path("sources.toml"), encoding: .utf8)
        else { return nil }
        return SyntheticDataset.Rules(rulesText: rules, sourcesText: sources)
    }
}
