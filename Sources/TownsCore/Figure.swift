import Foundation

/// A number as a source printed it: exact, or only a lower bound ("more than 14").
///
/// Amounts are `Decimal`, never binary floating point, so 45.06 stays 45.06. `decimals` is
/// the number of digits printed after the point (9.3 -> 1, 50 -> 0): the precision the
/// consistency checks allow for rounding.
public enum Quantity: Hashable, Sendable {
    case exact(Decimal, decimals: Int)
    /// The source says only that the true value is greater than this.
    case moreThan(Decimal)

    /// The exact value, or nil for a bound.
    public var exactValue: Decimal? {
        if case let .exact(v, _) = self { return v }
        return nil
    }
}

/// Where a figure comes from.
public enum Provenance: Hashable, Sendable {
    /// Printed in a source: `source` is a `Source.id`; `at` the section or page;
    /// `quote` the words printed, when kept; `note` a reading of them.
    case reported(source: String, at: String?, quote: String?, note: String?)
    /// Worked out from reported figures: `formula` states the arithmetic or the reasoning.
    case derived(formula: String)

    public var isDerived: Bool {
        if case .derived = self { return true }
        return false
    }
}

/// One figure: a quantity with its provenance. An unknown figure is not a `Figure` with a
/// zero value: it is absent (`nil`) wherever figures are looked up.
public struct Figure: Hashable, Sendable {
    public var quantity: Quantity
    public var provenance: Provenance
    /// File and line the figure was read from; nil for figures `towns` derived itself.
    public var origin: SourceLocation?

    public init(quantity: Quantity, provenance: Provenance, origin: SourceLocation? = nil) {
        self.quantity = quantity
        self.provenance = provenance
        self.origin = origin
    }

    /// A figure `towns` derived: exact `value` shown with `decimals` digits, and its formula.
    public static func derived(_ value: Decimal, decimals: Int, formula: String) -> Figure {
        Figure(quantity: .exact(value, decimals: decimals), provenance: .derived(formula: formula))
    }

    public var isDerived: Bool { provenance.isDerived }
}

/// A place in a data file: path and 1-based line.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public init(file: String, line: Int) { self.file = file; self.line = line }
    public var description: String { "\(file):\(line)" }
}

/// A publication figures are taken from (sources.toml).
public struct Source: Hashable, Sendable {
    public var id: String
    public var title: String
    public var author: String?
    public var url: String?
    public var note: String?
}
