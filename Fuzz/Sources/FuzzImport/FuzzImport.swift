import Foundation
import TownsCore
import TownsImport

// libFuzzer target: a monthly sheet's bytes -> the import's decoding (UTF-8, BOM, GB18030),
// CSV reading and row checks against the bundled dataset. Errors are fine; a crash is a bug,
// and so is a sheet the import accepts whose file would not load with the dataset.

private let bundledData: String = {
    if let data = ProcessInfo.processInfo.environment["TOWNS_FUZZ_DATA"], !data.isEmpty { return data }
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Data").path
}()

private let dataset = try! DatasetLoader.load(directory: bundledData).dataset
private let scratch: String = {
    let path = NSTemporaryDirectory() + "towns-fuzz-import-\(getpid()).toml"
    return path
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? SheetText(bytes: bytes, file: "fuzz.csv") else { return 0 }
    let sheet = MonthlySheet(text: text, file: "fuzz.csv")
    let checked = MonthlyImport(sheet: sheet, dataset: dataset, currentMonth: SheetPeriod(year: 2016, month: 1))
    _ = checked.issues.map(\.description)
    guard checked.errors.isEmpty, let period = checked.period, let unit = sheet.unit, !checked.entries.isEmpty else { return 0 }
    let file = MonthlyFile(checked: checked, sheetName: "fuzz.csv", encoding: text.encoding, unit: unit,
                           periodIsNew: dataset.period(period.id) == nil, date: "2016-01-15 00:00")
    // What the import would write must load with the dataset (the import itself refuses to
    // write it otherwise, calling that a fault in towns import).
    _ = FileManager.default.createFile(atPath: scratch, contents: Data(file.text.utf8))
    do {
        _ = try DatasetLoader.load(directory: bundledData, monthlyOverride: .init(name: file.name, path: scratch))
    } catch {
        fatalError("towns import accepted a sheet whose file does not load:\n\(error)\n--- sheet ---\n\(text.text)\n--- file ---\n\(file.text)")
    }
    return 0
}
