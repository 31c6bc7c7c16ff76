import ArgumentParser

/// The bounds of the numbers a user types on the command line. Every one is checked before
/// any work (a usage error, exit 2, naming the option and its range), so that no arithmetic
/// or allocation sized by a typed number can trap or exhaust memory.
enum NumberBounds {
    /// Throws a `ValidationError` ("--width must be 1-1000, not 99999999999"; in Chinese under a
    /// Chinese interface, `refusal`) when `value` is given and outside `range`.
    static func check(_ value: Int?, _ option: String, _ range: ClosedRange<Int>) throws {
        guard let value, !range.contains(value) else { return }
        throw ValidationError(refusal("\(option) 须为 \(range.lowerBound)-\(range.upperBound)，不能是 \(value)",
                                      "\(option) must be \(range.lowerBound)-\(range.upperBound), not \(value)"))
    }

    /// Towns in a synthetic dataset (`generate`, `bench`): 10,000 is province scale and the
    /// largest the files within the loader's 16 MiB limit hold (at 12 months).
    static let towns = 1...100_000
    /// Monthly periods in a synthetic dataset: a century of months.
    static let months = 1...1200
    /// Runs of each in-process timing in `bench`.
    static let iterations = 1...100_000
    /// Live reloads `bench` measures memory over (0: none).
    static let reloads = 0...1000
}
