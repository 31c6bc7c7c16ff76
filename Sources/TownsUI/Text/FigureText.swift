import TownsCore

/// How figures are written in cells: as printed for reported figures, `≈` and the digits
/// their inputs support for derived ones, `†` for an interpretation of ambiguous words (`≈†`
/// for a figure worked out by arithmetic from one),
/// `◇` before a figure on another basis, `>14` for a lower bound, `—` for unknown, `!`
/// appended when a consistency check casts doubt on the figure.
///
/// Cells carry marks (`Mark.unknown`, `.derived`), not glyphs; `text` writes a figure with
/// the glyph set given here (pages).
public struct FigureText: Sendable {
    /// The glyphs `text(_:unit:)` writes with; cells do not depend on them.
    public var glyphs: Glyphs

    public init(glyphs: Glyphs = .unicode) { self.glyphs = glyphs }

    /// An amount in 亿元 or a count: text and the role it is drawn in.
    public func value(_ figure: Figure?, flagged: Bool = false, suffix: String = "") -> TableCell {
        value(ShownFigure(figure), flagged: flagged, suffix: suffix)
    }

    /// `value(_:flagged:suffix:)` of a figure as a table holds it.
    public func value(_ figure: ShownFigure?, flagged: Bool = false, suffix: String = "") -> TableCell {
        guard let figure else { return .mark(.unknown, .unknown) }
        let flag = flagged ? "!" : ""
        let basis: Mark? = figure.onOtherBasis ? .basis : nil
        switch figure.quantity {
        case let .moreThan(b):
            return .text(
                "\(basis)>\(DecimalMath.text(b, scale: 0))\(suffix)\(flag)", flagged ? .warning : .bound)
        case let .exact(v, d):
            if figure.isDerived {
                let mark: Mark = figure.isProjection ? .projected : figure.isInterpreted ? .interpreted : .derived
                // Worked out from an interpretation: derived and interpreted, both marks (`≈†46.7%`).
                let derived: Mark? = figure.isWorkedFromInterpretation && mark == .interpreted ? .derived : nil
                return .text(
                    "\(basis)\(derived)\(mark)\(DecimalMath.text(v, scale: d))\(suffix)\(flag)",
                    flagged ? .warning : .derived)
            }
            return .text("\(basis)\(DecimalMath.text(v, scale: d))\(suffix)\(flag)", flagged ? .warning : nil)
        }
    }

    /// A percentage: "72.9%", "≈23.5%", "—".
    public func percent(_ figure: Figure?, flagged: Bool = false) -> TableCell {
        value(figure, flagged: flagged, suffix: "%")
    }

    /// `percent(_:flagged:)` of a figure as a table holds it.
    public func percent(_ figure: ShownFigure?, flagged: Bool = false) -> TableCell {
        value(figure, flagged: flagged, suffix: "%")
    }

    /// Plain text of a figure for detail pages.
    public func text(_ figure: Figure?, unit: String = "") -> String {
        guard let figure else { return glyphs.unknown }
        return value(figure, suffix: unit).text(glyphs)
    }
}
