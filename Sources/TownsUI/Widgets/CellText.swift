/// What a mark in a cell means. The glyph set draws it (`Glyphs.glyph(_:)`): `—` or `-`
/// for unknown, `≈` or `~` for derived, and so on. Every mark is one cell wide in every
/// glyph set, so a table's layout is the same whichever set draws it.
public enum Mark: String, Hashable, Sendable, CaseIterable {
    /// No source gives the figure (never 0).
    case unknown
    /// Worked out from reported figures (the formula is on the town's page).
    case derived
    /// Behind schedule: completion below the share of the year elapsed.
    case behind
    /// A province rule met, not met, or not known to be either.
    case met, notMet, undetermined
}

/// A cell's text: plain runs and marks (`Mark`), drawn with a glyph set. Lists hold cells
/// of these, so one list serves the Unicode and the ASCII glyph sets.
///
/// ```swift
/// let cell: CellText = "\(Mark.derived)18.60"   // "≈18.60" in Unicode, "~18.60" in ASCII
/// ```
public struct CellText: Hashable, Sendable, ExpressibleByStringInterpolation {
    public enum Part: Hashable, Sendable {
        case text(String)
        case mark(Mark)
    }

    public private(set) var parts: [Part]

    public init(_ text: String) { parts = text.isEmpty ? [] : [.text(text)] }
    public init(_ mark: Mark) { parts = [.mark(mark)] }
    public init(stringLiteral value: String) { self.init(value) }
    public init(stringInterpolation: StringInterpolation) { parts = stringInterpolation.parts }

    public struct StringInterpolation: StringInterpolationProtocol {
        var parts: [Part] = []
        public init(literalCapacity: Int, interpolationCount: Int) {}
        public mutating func appendLiteral(_ literal: String) { if !literal.isEmpty { parts.append(.text(literal)) } }
        public mutating func appendInterpolation(_ text: String) { appendLiteral(text) }
        public mutating func appendInterpolation(_ mark: Mark) { parts.append(.mark(mark)) }
        /// Nothing for nil.
        public mutating func appendInterpolation(_ mark: Mark?) { if let mark { parts.append(.mark(mark)) } }
        public mutating func appendInterpolation(_ text: CellText) { parts += text.parts }
        public mutating func appendInterpolation(_ number: Int) { appendLiteral(String(number)) }
    }

    public static func + (a: CellText, b: CellText) -> CellText {
        var c = a
        c.parts += b.parts
        return c
    }

    public static func += (a: inout CellText, b: CellText) { a.parts += b.parts }

    /// The text as `glyphs` draws it.
    public func text(_ glyphs: Glyphs) -> String {
        var out = ""
        for part in parts {
            switch part {
            case let .text(s): out += s
            case let .mark(m): out += glyphs.glyph(m)
            }
        }
        return out
    }

    /// The plain runs only, marks left out (what a sort or a search reads of the text).
    public var plainText: String {
        parts.reduce(into: "") { out, part in if case let .text(s) = part { out += s } }
    }

    /// The first part's mark, if the text starts with one.
    public var leadingMark: Mark? {
        if case let .mark(m)? = parts.first { return m }
        return nil
    }

    /// Whether the text is empty or white space only.
    public var isBlank: Bool {
        parts.allSatisfy { if case let .text(s) = $0 { return s.allSatisfy(\.isWhitespace) } else { return false } }
    }
}
