/// The characters views draw with. Markers carry meaning without colour: `≈` derived,
/// `†` interpreted, `◇` a different basis, `→` projected, `—` unknown, `>` a lower bound,
/// `!` fails a consistency check.
public struct Glyphs: Hashable, Sendable {
    /// Bar fill from 1/8 to 8/8 of a cell.
    public var eighths: [String]
    public var barEmpty: String
    public var unknown: String
    public var derived: String
    public var horizontal: String
    public var vertical: String
    public var breadcrumbSeparator: String
    public var selectionMarker: String
    /// Marks a town behind schedule (completion below the share of the year elapsed).
    public var behind: String
    /// The expected-by-now mark on a bar.
    public var marker: String
    /// Assessment marks: a rule met, not met, unknown.
    public var met: String
    public var notMet: String
    public var undetermined: String
    /// An interpretation of ambiguous words (`Mark.interpreted`).
    public var interpreted: String
    /// A figure on a different basis (`Mark.basis`).
    public var basis: String
    /// A projection to the year's end (`Mark.projected`).
    public var projected: String
    /// New since the previous period (`Mark.newSince`); a place gained or lost (`Mark.rankUp`,
    /// `.rankDown`: the number of places follows; `▽`, not the behind mark `▼`).
    public var newSince = "✦"
    public var rankUp = "▲"
    public var rankDown = "▽"

    /// Unicode block elements and box drawing (each one cell wide under glibc and tmux).
    public static let unicode = Glyphs(
        eighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], barEmpty: "·",
        unknown: "—", derived: "≈", horizontal: "─", vertical: "│",
        breadcrumbSeparator: " › ", selectionMarker: "▶",
        behind: "▼", marker: "│", met: "✓", notMet: "✗", undetermined: "?",
        interpreted: "†", basis: "◇", projected: "→")
    /// A bar as text, `width` cells, `fraction` (0...1) full, with the marker at `marker`.
    public func bar(fraction: Double, width: Int, marker: Double?) -> String {
        guard width > 0 else { return "" }
        let f = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        let eighths = Int((f * Double(width) * 8).rounded())
        var cells = Array(repeating: eighths7, count: eighths / 8)
        if eighths % 8 > 0 && cells.count < width { cells.append(self.eighths[eighths % 8 - 1]) }
        while cells.count < width { cells.append(barEmpty) }
        if let marker, marker.isFinite {
            cells[min(width - 1, max(0, Int(min(max(marker, 0), 1) * Double(width))))] = self.marker
        }
        return cells.joined()
    }

    private var eighths7: String { eighths[7] }

    /// How this set draws `mark`.
    public func glyph(_ mark: Mark) -> String {
        switch mark {
        case .unknown: return unknown
        case .derived: return derived
        case .behind: return behind
        case .met: return met
        case .notMet: return notMet
        case .undetermined: return undetermined
        case .interpreted: return interpreted
        case .basis: return basis
        case .projected: return projected
        case .newSince: return newSince
        case .rankUp: return rankUp
        case .rankDown: return rankDown
        }
    }

    /// Plain ASCII for terminals or fonts without those characters (`--ascii`).
    public static let ascii = Glyphs(
        eighths: ["#", "#", "#", "#", "#", "#", "#", "#"], barEmpty: "-",
        unknown: "-", derived: "~", horizontal: "-", vertical: "|",
        breadcrumbSeparator: " > ", selectionMarker: ">",
        behind: "v", marker: "|", met: "Y", notMet: "N", undetermined: "?",
        interpreted: "*", basis: "&", projected: "^", newSince: "n", rankUp: "+", rankDown: "-")
}
