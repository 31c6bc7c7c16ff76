import ArgumentParser
import Foundation
import TownsCore
import TownsImport
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
        help: ArgumentHelp(
            "Write into a folder that already holds files: a synthetic dataset there is replaced whole.",
            discussion: "Every file the loader reads (monthly/ too) is replaced or removed; other files stay. A "
                + "folder whose dataset.toml does not say synthetic = true (real data) is refused."))
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
            let names = existing.sorted().prefix(3).joined(separator: ", ") + (existing.count > 3 ? ", ..." : "")
            throw ValidationFailure(refusal(
                "\(directory) 已有文件（\(names)）：请选一个空的或新的文件夹，或加 --force",
                "\(directory) already holds files (\(names)): choose an empty or new folder, or add --force"))
        }
        // --force replaces only a synthetic dataset: real data is never overwritten.
        if case let .notSynthetic(reason) = SyntheticFolder.holding(directory: directory) {
            // In the interface's language, as every other refusal (wave 24's fresh user).
            throw ValidationFailure(refusal(
                "\(directory)：未写入：\(reason.zh)；--force 只替换合成数据集（dataset.toml 中 synthetic = true）。"
                    + "请选一个空的或新的文件夹",
                "\(directory): not written: \(reason.en); --force replaces only a synthetic dataset " +
                "(synthetic = true in dataset.toml). Choose an empty or new folder"))
        }
        let spec = SyntheticDataset(towns: towns, months: months, seed: seed)
        let files: [(name: String, text: String)]
        let rules = GenerateCommand.bundledRules(data: data.data)
        do {
            files = try spec.files(rules: rules)
        } catch let problem as SyntheticDataset.Problem {
            throw ValidationFailure(problem.description)
        }
        do {
            try GenerateCommand.replace(directory: directory, with: files)
        } catch {
            throw ValidationFailure("\(directory): not written: \(error)")
        }
        print("\(directory): \(towns) towns x \(months) months, seed \(seed) (synthetic)")
        // Without rules the dataset judges no rule (its assessment empty): said, with where they come
        // from (wave 29's fresh user ran it outside the project and got no rules.toml, unsaid).
        if rules == nil {
            printError(refusal(
                "注意：未写入 rules.toml（及其规则引用的来源）：没有找到带规则的数据集（--data 目录、$TOWNS_DATA、程序旁或项目文件夹的 Data/）；"
                    + "此数据集不考核任何规则。用 --data 指向带 rules.toml 的数据集即可",
                "note: no rules.toml (nor the sources its rules cite) written: no dataset with rules was found (--data DIR, "
                    + "$TOWNS_DATA, Data/ beside the program or in the project folder), so this dataset judges no rule. Give --data a dataset with rules.toml"))
        }
    }

    /// Writes `files` into `directory` (created if needed) as the whole dataset: every file the
    /// loader reads that is not among them (an old `monthly/`, `province.toml`, ...) is removed,
    /// so the folder never holds a mix of two datasets. Each file goes to a temporary file first
    /// (`AtomicFile`, flushed); only when all are written are the stale files removed and the new
    /// ones renamed into place, under the import lock when replacing (`towns import` waits). A failure before
    /// that leaves the folder as it was.
    static func replace(directory: String, with files: [(name: String, text: String)]) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // The lock only when a dataset is there to replace (a new folder gets no `.import.lock`).
        let replacing = !SyntheticFolder.datasetFiles(directory: directory).isEmpty
        let lockPath = (directory as NSString).appendingPathComponent(ImportLock.fileName)
        let lockWasThere = FileManager.default.fileExists(atPath: lockPath)
        let lock = replacing ? try ImportLock(directory: directory) : nil
        defer { lock?.release() }
        // A lock file this run created goes with it, removed while still held (runs before the
        // release above): `generate --force` left a `.import.lock` in a folder that had none.
        // One that was there stays (an import or a shared server's folder made it).
        defer { if lock != nil && !lockWasThere { unlink(lockPath) } }
        var pending: [AtomicFile] = []
        defer { pending.forEach { $0.discard() } }
        for (name, text) in files {
            pending.append(try AtomicFile(path: (directory as NSString).appendingPathComponent(name),
                                          bytes: Array(text.utf8)))
        }
        let written = Set(files.map(\.name))
        // Stale files go before the new ones arrive: an interruption in between leaves the old
        // synthetic dataset with fewer optional files, which still loads.
        for name in SyntheticFolder.datasetFiles(directory: directory) where !written.contains(name) {
            try FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
        let monthly = (directory as NSString).appendingPathComponent(DatasetLoader.monthlyFolderName)
        if let left = try? FileManager.default.contentsOfDirectory(atPath: monthly), left.isEmpty {
            try? FileManager.default.removeItem(atPath: monthly)
        }
        for file in pending { try file.commit() }
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
