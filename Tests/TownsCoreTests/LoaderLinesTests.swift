import Foundation
import TownsCore
import XCTest
import TownsSynthetic

/// Record lines come from an index of the headers built once per file (not a scan of the
/// file per record); they must still name each record's own header line.
final class LoaderLinesTests: XCTestCase {
    func testEveryRecordNamesItsHeaderLine() throws {
        let dir = NSTemporaryDirectory() + "towns-lines-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try SyntheticDataset(towns: 300, months: 24, seed: 3).write(to: dir, rules: nil)
        let dataset = try DatasetLoader.load(directory: dir).dataset
        let figureLines = try String(contentsOfFile: dir + "/figures.toml", encoding: .utf8)
            .components(separatedBy: "\n")
        var checked = 0
        for town in dataset.towns {
            for (key, figure) in town.figures {
                let line = try XCTUnwrap(figure.origin?.line)
                XCTAssertEqual(figureLines[line - 1], "[[figure]]")
                XCTAssertEqual(figureLines[line], "town = \"\(town.id)\"", "\(town.id) \(key)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 1000)
        let townLines = try String(contentsOfFile: dir + "/towns.toml", encoding: .utf8).components(separatedBy: "\n")
        for town in dataset.towns {
            let line = try XCTUnwrap(town.origin?.line)
            XCTAssertEqual(townLines[line - 1], "[[town]]")
            XCTAssertEqual(townLines[line], "id = \"\(town.id)\"")
        }
    }
}
