import Foundation

/// Monthly figure files (`DATA/monthly/YYYY-MM.toml`) that more than one test target writes into a
/// copy of the bundled data.
public enum MonthlyFixtures {
    /// One `[[figure]]` record: Haining's completed investment at Jan-Sep 2015, 13.56 亿元, the
    /// bundled figures.toml's value (which cites the paper at 三(五); this record's `at` is 二(二):
    /// the place cited does not matter to the tests that write it). A copy whose figures.toml lost
    /// its records still has one figure from it, from `monthly/` alone (wave 31's warning, not error).
    public static let hainingSeptember2015 = """
    [[figure]]
    town = "haining"
    measure = "completed"
    period = "2015-09"
    value = 13.56
    source = "paper"
    at = "二(二)"

    """

    /// Writes `hainingSeptember2015` to `DATA/monthly/2015-09.toml`, making `monthly/` if missing.
    /// Returns the file's path.
    /// - Throws: what `FileManager.createDirectory` or `String.write` throws (no space, no permission).
    @discardableResult
    public static func writeHainingSeptember2015(into data: String) throws -> String {
        try FileManager.default.createDirectory(atPath: data + "/monthly", withIntermediateDirectories: true)
        let path = data + "/monthly/2015-09.toml"
        try hainingSeptember2015.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
