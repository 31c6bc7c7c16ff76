import Foundation
import TownsCore
@testable import TownsUI
import XCTest

/// Fresh user (w10): the overview's changes panel ranked a newly reported amount (`完成 新增
/// 12.40`, no previous figure) as a change of that size, so real changes folded away. Towns
/// whose change is worked out come first (by its size), newly reported figures after.
final class W10ChangesOrderTests: XCTestCase {
    func testNewFiguresComeAfterWorkedOutChanges() throws {
        let root = NSTemporaryDirectory() + "w10-changes-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: Paths.data, toPath: root)
        defer { try? FileManager.default.removeItem(atPath: root) }
        // The built `towns` next to the test bundle (as every end-to-end test finds it), and its
        // exit status checked: a failed import left the dataset as it was and the test read it.
        let sheet = Paths.repositoryRoot.appendingPathComponent("Examples/monthly-2015-10.csv").path
        let run = try runProcess(try Paths.townsBinary(), ["import", "--data", root, "--lang", "en", sheet],
                                 timeout: 60)
        XCTAssertEqual(run.status, 0, "towns import of the example sheet: \(run.summary)")
        guard run.status == 0 else { return }
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
