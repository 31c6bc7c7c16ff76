import CTownsMemory
import Foundation
import TownsCore
import XCTest

/// The executable's relocation table given back at `main`'s start (issue 17, peak memory): the
/// dynamic loader read it once and nothing reads it again; the pages stay in the page cache, so
/// the program runs on exactly as before. This test process gives its own back, checks its
/// resident set of the executable went down by about what was given back, and loads the bundled
/// data as it did before.
final class ExecutablePagesTests: XCTestCase {
    /// The resident KiB of this process's mappings of its own executable (`/proc/self/smaps`).
    private func executableResidentKiB() throws -> Int {
        let exe = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let smaps = try String(contentsOfFile: "/proc/self/smaps", encoding: .utf8)
        var inExe = false
        var total = 0
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if let first = fields.first, first.contains("-"), first.allSatisfy({ $0.isHexDigit || $0 == "-" }) {
                inExe = fields.count > 5 && String(fields[5]) == exe
            } else if inExe, fields.first == "Rss:", fields.count > 1 {
                total += Int(fields[1]) ?? 0
            }
        }
        return total
    }

    func testTheRelocationTableGoesBackAndItRunsOnTheSame() throws {
        let before = try DatasetLoader.load(directory: Paths.data).dataset
        let resident = try executableResidentKiB()
        let released = towns_release_relocations()
        XCTAssertGreaterThan(released, 0, "no page of the executable's relocation table given back")
        let after = try executableResidentKiB()
        XCTAssertLessThan(after, resident, "resident KiB of the executable \(resident) before, \(after) after")
        // Nothing but the table went: the code and constants the load runs are where they were.
        let again = try DatasetLoader.load(directory: Paths.data).dataset
        XCTAssertEqual(again.towns.map(\.id), before.towns.map(\.id))
        XCTAssertEqual(again.towns.map(\.nameZH), before.towns.map(\.nameZH))
        XCTAssertEqual(again.periods.map(\.id), before.periods.map(\.id))
    }
}
