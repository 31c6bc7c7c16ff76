import Foundation
import TownsCore
import TownsUI

// libFuzzer target: one data file's bytes -> a copy of Data/ -> DatasetLoader.load. Errors are
// fine (that is the loader's job); a crash, a trap or a hang is a bug. A dataset that loads is
// checked and drawn too, so values the loader lets through cannot crash the views.

/// The bundled Data/ (`TOWNS_FUZZ_DATA` overrides): this file is Fuzz/Sources/FuzzLoader/.
private let bundledData: String = {
    if let data = ProcessInfo.processInfo.environment["TOWNS_FUZZ_DATA"], !data.isEmpty { return data }
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Data").path
}()

/// A private copy of Data/, and the original bytes of each file, to put back after each input.
private final class Sandbox: @unchecked Sendable {
    let directory: String
    var originals: [String: Data] = [:]
    var touched: String?

    init() {
        directory = NSTemporaryDirectory() + "towns-fuzz-loader-\(getpid())"
        try? FileManager.default.removeItem(atPath: directory)
        try! FileManager.default.copyItem(atPath: bundledData, toPath: directory)
        try? FileManager.default.removeItem(atPath: directory + "/monthly")
        for name in DatasetLoader.fileNames + DatasetLoader.optionalFileNames {
            originals[name] = FileManager.default.contents(atPath: directory + "/" + name)
        }
        // Sanity: the untouched copy loads.
        _ = try! DatasetLoader.load(directory: directory)
    }

    /// Which file the input stands for: the one whose records it holds (so that the seeds,
    /// Data/*.toml, each exercise their own file); figures.toml otherwise.
    func target(for text: String) -> String {
        let rules: [(String, String)] = [
            ("[dataset]", "dataset.toml"), ("[[town]]", "towns.toml"), ("[[type]]", "types.toml"),
            ("[[entity]]", "entities.toml"), ("[[total]]", "totals.toml"), ("[[rule]]", "rules.toml"),
            ("[list]", "province.toml"), ("[[city]]", "province.toml"), ("[[problem]]", "problems.toml"),
            ("[[countermeasure]]", "problems.toml"), ("[[period]]", "monthly/2015-10.toml"),
            ("[[source]]", "sources.toml"),
        ]
        return rules.first { text.contains($0.0) }?.1 ?? "figures.toml"
    }

    func restore() {
        guard let name = touched else { return }
        if let original = originals[name] {
            _ = FileManager.default.createFile(atPath: directory + "/" + name, contents: original)
        } else {
            try? FileManager.default.removeItem(atPath: directory + "/" + name)
        }
        touched = nil
    }

    func write(_ bytes: Data, as name: String) {
        if name.hasPrefix("monthly/") {
            try? FileManager.default.createDirectory(atPath: directory + "/monthly", withIntermediateDirectories: true)
        }
        _ = FileManager.default.createFile(atPath: directory + "/" + name, contents: bytes)
        touched = name
    }
}

private let sandbox = Sandbox()
private let renderer = Renderer(theme: .monochrome)
private let asciiRenderer = Renderer(theme: .monochrome, glyphs: .ascii)

/// What the dashboard and `towns report` do with a dataset: the checks, every top view for
/// the latest and the first period (with its JSON export and its first row opened), and every
/// town's page. (Every period and every row would be thorough but ten times slower per input.)
private func exercise(_ dataset: Dataset) {
    _ = Checker(dataset: dataset).run()
    var state = AppState(dataset: dataset, width: 100, height: 30)
    for periodIndex in Set([0, max(0, dataset.periods.count - 1)]) where periodIndex < dataset.periods.count {
        state.periodIndex = periodIndex
        for kind in AppState.topViews {
            state.stack = [Screen(kind)]
            _ = renderer.render(state)
            if let content = state.content(for: state.screen) {
                _ = Export.render(content, format: .json, title: "t", legend: "l")
            }
            _ = renderer.render(update(state, .open))
        }
    }
    for town in dataset.towns {
        state.stack = [Screen(.townList), Screen(.townPage(town.id))]
        _ = asciiRenderer.render(state)
    }
    state.stack = [Screen(.townList)]
    _ = renderer.render(update(update(state, .sortNextColumn), .toggleBehindFilter))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    sandbox.restore()
    let name = sandbox.target(for: String(decoding: bytes, as: UTF8.self))
    sandbox.write(bytes, as: name)
    if let loaded = try? DatasetLoader.load(directory: sandbox.directory) {
        exercise(loaded.dataset)
    }
    return 0
}
