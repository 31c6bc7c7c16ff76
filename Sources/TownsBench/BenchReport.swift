import Foundation

/// The lines `towns bench` prints: `[dataset] label   value unit  note`, one figure a line,
/// so a reader can compare runs and a test can find each figure by its label.
public struct BenchReport: Sendable {
    /// Names the dataset the figures are about ("bundled", "10000x60").
    public var tag: String
    let write: @Sendable (String) -> Void

    public init(tag: String, write: @escaping @Sendable (String) -> Void) {
        self.tag = tag
        self.write = write
    }

    /// Width the labels are padded to.
    static let labelWidth = 30

    func prefix(_ label: String) -> String {
        let head = "[\(tag)] \(label)"
        return head + String(repeating: " ", count: max(1, BenchReport.labelWidth + tag.count + 3 - head.count))
    }

    /// A timing in milliseconds.
    public func milliseconds(_ label: String, _ ms: Double, note: String = "") {
        line(prefix(label) + BenchReport.number(ms) + " ms" + (note.isEmpty ? "" : "  " + note))
    }

    /// A timing from repeated runs: the median, with the worst run and the count.
    public func samples(_ label: String, _ s: Samples, note: String = "") {
        let extra = "median of \(s.count), max \(BenchReport.number(s.maxMS))" + (note.isEmpty ? "" : "; " + note)
        milliseconds(label, s.medianMS, note: extra)
    }

    /// A count with its unit ("bytes", "MiB").
    public func value(_ label: String, _ v: Double, _ unit: String, note: String = "") {
        line(prefix(label) + BenchReport.number(v) + " " + unit + (note.isEmpty ? "" : "  " + note))
    }

    /// A figure that could not be measured, and why ("n/a (not implemented)").
    public func unavailable(_ label: String, _ why: String) {
        line(prefix(label) + why)
    }

    /// A free line (headings, notes).
    public func line(_ text: String) { write(text) }

    /// Three significant digits or whole numbers: 0.0123, 1.23, 12.3, 123, 12345.
    public static func number(_ v: Double) -> String {
        if v == v.rounded() && abs(v) >= 100 { return String(Int(v)) }
        let a = abs(v)
        let digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.1 ? 3 : 4
        return String(format: "%.\(digits)f", v)
    }

    /// "ok" or "ABOVE TARGET" against a target in the same unit.
    public static func verdict(_ value: Double, target: Double, unit: String) -> String {
        "target ≤ \(number(target)) \(unit): " + (value <= target ? "ok" : "ABOVE TARGET")
    }
}
