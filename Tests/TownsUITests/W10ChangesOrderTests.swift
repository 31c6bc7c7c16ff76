import TownsCore
@testable import TownsUI
import XCTest

/// Fresh user (w10): the overview's changes panel ranked a newly reported amount (`完成 新增
/// 12.40`, no previous figure) as a change of that size, so real changes folded away. Towns
/// whose change is worked out come first (by its size), newly reported figures after.
final class W10ChangesOrderTests: XCTestCase {
    func testNewFiguresComeAfterWorkedOutChanges() throws {
        let root = NSTemporaryDirectory() + "w10-changes-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: repositoryRoot + "/Data", toPath: root)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: repositoryRoot + "/.build/debug/towns")
        p.arguments = ["import", "--data", root, repositoryRoot + "/Examples/monthly-2015-10.csv"]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let dataset = try DatasetLoader.load(directory: root).dataset
        let s = AppState(dataset: dataset, width: 100, height: 30)
        let period = try XCTUnwrap(s.period)
        let previous = try XCTUnwrap(s.metrics.previousPeriod(period))
        let towns = dataset.towns
        let order = s.overviewOrders(towns, period: period).changes.compactMap { $0 }
        let isNew = order.map { s.metrics.change(towns[$0], .completed, from: previous, to: period).isNew }
        XCTAssertTrue(isNew.contains(true), "the October import reports amounts new since September")
        XCTAssertTrue(isNew.contains(false), "and changes worked out")
        let firstNew = try XCTUnwrap(isNew.firstIndex(of: true))
        XCTAssertFalse(isNew[firstNew...].contains(false), "no worked-out change after a new figure: \(isNew)")
    }
}
