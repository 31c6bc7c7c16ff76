import Foundation
import TownsCore
import TownsUI
import TownsSynthetic
import TownsTestSupport
import XCTest

let repositoryRoot = packageRoot()

func bundledState(width: Int = 100, height: Int = 30, period: String? = nil) throws -> AppState {
    let dataset = try DatasetLoader.load(directory: repositoryRoot + "/Data").dataset
    var state = AppState(dataset: dataset, width: width, height: height)
    // The towns view, as most tests start from it (the dashboard itself opens on the overview).
    state.stack = [Screen(.townList)]
    if let period { state.periodIndex = dataset.periods.firstIndex { $0.id == period }! }
    return state
}

let plainRenderer = Renderer(theme: .monochrome)

func screen(_ state: AppState) -> [String] { plainRenderer.render(state).lines() }

/// Applies actions in order.
func apply(_ state: AppState, _ actions: Action...) -> AppState {
    actions.reduce(state) { update($0, $1) }
}

/// Display column at which `needle` starts in `line`, or nil.
func column(of needle: String, in line: String) -> Int? {
    guard let r = line.range(of: needle) else { return nil }
    return DisplayWidth.of(String(line[..<r.lowerBound]))
}

/// Every line of the help as drawn, page by page (the help scrolls when it is longer than the
/// screen): `s` with the help open, scrolled from the top to the bottom.
func wholeHelp(_ state: AppState) -> [String] {
    var s = apply(state, .first)
    var lines = screen(s)
    while true {
        let before = s.helpScroll
        s = apply(s, .pageDown)
        if s.helpScroll == before { break }
        lines += screen(s)
    }
    return lines
}

/// The bundled data's files (`Data/`, the loader's names: no monthly folder) copied into a new
/// temporary folder `towns-NAME-UUID`, removed when the test ends; its path.
func bundledCopy(_ name: String) throws -> String {
    try TemporaryFiles.copy(of: repositoryRoot + "/Data", name: name,
                            only: DatasetLoader.fileNames + DatasetLoader.optionalFileNames)
}

/// Temporary folders a test makes, removed at its end (`removeAll` in `tearDown`, or else when
/// the test ends: `TemporaryFiles`).
final class TemporaryFolders {
    private(set) var paths: [String] = []
    /// A new path under the temporary directory (`towns-NAME-UUID`), not yet made.
    func make(_ name: String) -> String {
        let dir = TemporaryFiles.path(name)
        paths.append(dir)
        return dir
    }
    func removeAll() {
        for dir in paths { try? FileManager.default.removeItem(atPath: dir) }
        paths = []
    }

    /// The bundled data (`Data/`, every file) copied into `NAME-UUID/Data`, a new folder of these,
    /// with `months` (file name to text) written under its monthly/ folder: its path.
    func bundledData(adding months: [String: String], name: String) throws -> String {
        let dir = make(name) + "/Data"
        try FileManager.default.copyItem(atPath: repositoryRoot + "/Data", toPath: dir)
        try FileManager.default.createDirectory(atPath: dir + "/monthly", withIntermediateDirectories: true)
        for (file, text) in months {
            try text.write(toFile: dir + "/monthly/" + file, atomically: true, encoding: .utf8)
        }
        return dir
    }
}

/// A generated dataset (`SyntheticDataset`, with the bundled data's rules unless `rules` is
/// false) written into a folder of `folders`, `edit` run on that folder before anything is read,
/// then read from the text and from a snapshot written with `derive`: the two to compare.
func writtenWithSnapshot(towns: Int, months: Int, seed: UInt64, folders: TemporaryFolders = TemporaryFolders(),
                         name: String, rules withRules: Bool = true,
                         derive: @escaping @Sendable (Dataset) -> DerivedTables.Source = AppState.derivedTables,
                         edit: (String) throws -> Void = { _ in }) throws
    -> (text: Dataset, loaded: SnapshotStore.Loaded)
{
    let dir = folders.make(name)
    let bundled = { try String(contentsOfFile: repositoryRoot + "/Data/" + $0, encoding: .utf8) }
    let rules = try withRules
        ? SyntheticDataset.Rules(rulesText: bundled("rules.toml"), sourcesText: bundled("sources.toml")) : nil
    try SyntheticDataset(towns: towns, months: months, seed: seed).write(to: dir, rules: rules)
    try edit(dir)
    let store = SnapshotStore(folder: folders.make("cache"))
    try store.write(directory: dir, derive: derive)
    return (try DatasetLoader.load(directory: dir).dataset, try store.open(directory: dir))
}

/// `writtenWithSnapshot`'s `edit` for a generated folder `dir`: a rate (50% in 2016-03) added to
/// figures.toml that makes t00002's 2016 plan, derived from 2016-03 (5.5 / 50%) and from 2016-06
/// (11.2 / 27.3%), disagree: the figures it rests on carry `!` (the generated data, seed 11, has
/// no inconsistency of its own).
func addDisagreeing2016Plan(_ dir: String) throws {
    let figures = dir + "/figures.toml"
    let added = "\n[[figure]]\ntown = \"t00002\"\nmeasure = \"completion_rate\"\nperiod = \"2016-03\"\n"
        + "value = 50.0\nsource = \"gen\"\n"
    try (String(contentsOfFile: figures, encoding: .utf8) + added).write(toFile: figures, atomically: true,
                                                                        encoding: .utf8)
}

/// A monthly file as `towns import` writes it (`monthly/ID.toml`): the period `id` (2015, Jan
/// through month `through`; left out when `through` is nil: figures of a period the data already
/// has), its source `import-ID` titled `sourceTitle`, then `figures` (each a `[[figure]]` of that
/// period from that source: town id, measure, value as written in TOML, sheet line).
func importedMonth(_ id: String, through: Int?, sourceTitle: String,
                   figures: [(town: String, measure: String, value: String, at: String)]) -> String {
    var text = ""
    if let through {
        let names = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        text += """
            [[period]]
            id = "\(id)"
            label_zh = "2015年1-\(through)月"
            label_en = "2015 Jan-\(names[through])"
            year = 2015
            through = \(through)


            """
    }
    text += """
        [[source]]
        id = "import-\(id)"
        title = "\(sourceTitle)"

        """
    for f in figures {
        text += """

            [[figure]]
            town = "\(f.town)"
            measure = "\(f.measure)"
            period = "\(id)"
            value = \(f.value)
            source = "import-\(id)"
            at = "\(f.at)"

            """
    }
    return text
}

/// A month imported after Jan-Sep 2015, as `towns import` writes `monthly/2015-10.toml`: the
/// period (2015 Jan-Oct), its source titled `sourceTitle`, then `figures` (each a `[[figure]]`
/// of that period from that source: town id, measure, value as written in TOML, sheet line).
func october2015Month(sourceTitle: String,
                      figures: [(town: String, measure: String, value: String, at: String)]) -> String {
    importedMonth("2015-10", through: 10, sourceTitle: sourceTitle, figures: figures)
}

/// Data/ copied into a new temporary folder `towns-NAME-UUID` (removed when the test ends) with
/// `months` (file name: text, as `importedMonth` gives it) written into its `monthly/` folder;
/// its path.
func bundledCopy(_ name: String, monthly months: [String: String]) throws -> String {
    let dir = try TemporaryFiles.copy(of: repositoryRoot + "/Data", name: name)
    try FileManager.default.createDirectory(atPath: dir + "/monthly", withIntermediateDirectories: true)
    for (file, text) in months { try text.write(toFile: dir + "/monthly/" + file, atomically: true, encoding: .utf8) }
    return dir
}

/// The bundled data with a Jan-Oct month giving Jiashan's completed amount alone (6.0 at its
/// sheet's line 4; no plan, no rate, as wave 23's fresh user's imported sheet), at 2015-10 on
/// Jiashan's page, opened from the towns view with `:town jiashan`, `width` x `height` cells, in
/// `language`. The folder (`towns-NAME-UUID`) is removed when the test ends.
func jiashanOctoberPage(_ name: String, width: Int, height: Int, language: Language) throws -> AppState {
    let dir = try bundledCopy(name, monthly: [
        "2015-10.toml": october2015Month(sourceTitle: "月报 2015-10",
                                         figures: [("jiashan", "completed", "6.0", "line 4")])])
    let dataset = try DatasetLoader.load(directory: dir).dataset
    var s = AppState(dataset: dataset, width: width, height: height)
    s.language = language
    s.periodIndex = try XCTUnwrap(dataset.periods.firstIndex { $0.id == "2015-10" })
    s.stack = [Screen(.townList)]
    s = update(s, .runCommand("town jiashan"))
    XCTAssertEqual(s.screen.kind, .townPage("jiashan"))
    return s
}

/// The bundled data's files (`bundledCopy(name)`; with `monthly` files, `bundledCopy(_:monthly:)`)
/// with `file`'s text changed by `edit`, loaded, in `view` (the towns view unless said) at `period`,
/// `width` x `height` cells, in `language` (the state's own when nil).
func editedBundledState(_ name: String, file: String = "figures.toml", monthly: [String: String]? = nil,
                        view: Screen.Kind = .townList, period: String, width: Int, height: Int,
                        language: Language? = nil, _ edit: (String) throws -> String) throws -> AppState {
    let dir = try monthly.map { try bundledCopy(name, monthly: $0) } ?? bundledCopy(name)
    let path = dir + "/" + file
    try edit(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    let dataset = try DatasetLoader.load(directory: dir).dataset
    var state = AppState(dataset: dataset, width: width, height: height)
    state.stack = [Screen(view)]
    if let language { state.language = language }
    state.periodIndex = try XCTUnwrap(dataset.periods.firstIndex { $0.id == period })
    return state
}
