/// The characters views draw with. Markers carry meaning without colour: `≈` derived,
/// `†` interpreted, `◇` a different basis, `→` projected, `—` unknown, `>` a lower bound,
/// `!` fails a consistency check, `○` a rule not yet due.
public struct Glyphs: Hashable, Sendable {
    /// A lower bound as a legend, the help and an export's legend show it: a neutral `>N`, not
    /// one town's figure (`>14` beside a screen that draws `>50`, fresh user, wave 7).
    public static let boundExample = ">N"
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
    /// Nothing to flag (`Mark.neutral`): a rule that only informs, a consistent check.
    public var neutral: String = "·"
    /// The period shown, beside its header on a page (`Mark.current`).
    public var current: String = "◀"
    /// Between the parts of a title or a status ("towns · 嘉兴", "县 海宁市 · 落后").
    public var separator: String = " · "
    /// The arrow keys as key hints and help name them: up, down, left, right.
    public var arrows: [String] = ["↑", "↓", "←", "→"]
    /// A rule judged after the period shown (`Mark.notYetDue`).
    public var notYetDue: String = "○"
    /// Text cut where it did not fit (a name in a narrow column): `…`; in ASCII `$` (as a
    /// terminal editor marks a line cut at the edge), never `.` (a full stop) nor another mark.
    public var cut: String = "…"

    /// Unicode block elements and box drawing (each one cell wide under glibc and tmux).
    public static let unicode = Glyphs(
        eighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], barEmpty: "·",
        unknown: "—", derived: "≈", horizontal: "─", vertical: "│",
        breadcrumbSeparator: " › ", selectionMarker: "▶",
        behind: "▼", marker: "│", met: "✓", notMet: "✗", undetermined: "?",
        interpreted: "†", basis: "◇", projected: "→")
    /// A bar as text, `width` cells, `fraction` (0...1) full, with the marker at `marker`.
    /// (Pages; a table draws its bars in parts, `TableRenderer.drawBar`, from the same pieces.)
    public func bar(fraction: Double, width: Int, marker: Double?) -> String {
        guard width > 0 else { return "" }
        var cells = barFill(fraction: fraction, width: width)
        while cells.count < width { cells.append(barEmpty) }
        if let marker, marker.isFinite { cells[Glyphs.markerColumn(marker, width: width)] = self.marker }
        return cells.joined()
    }

    /// The filled cells of a bar `width` cells wide, `fraction` (0...1, clipped; not finite: 0)
    /// full: whole cells, then the partial eighth.
    public func barFill(fraction: Double, width: Int) -> [String] {
        let f = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        let eighths = Int((f * Double(width) * 8).rounded())
        var cells = Array(repeating: self.eighths[7], count: eighths / 8)
        if eighths % 8 > 0 && cells.count < width { cells.append(self.eighths[eighths % 8 - 1]) }
        return cells
    }

    /// The cell of a bar `width` cells wide that the expected-by-now mark at `marker` (0...1) takes.
    public static func markerColumn(_ marker: Double, width: Int) -> Int {
        min(width - 1, max(0, Int(min(max(marker, 0), 1) * Double(width))))
    }

    /// How this set draws `mark`.
    public func glyph(_ mark: Mark) -> String {
        switch mark {
        case .unknown: return unknown
        case .derived: return derived
        case .behind: return behind
        case .met: return met
        case .notMet: return notMet
        case .undetermined, .laterPlan: return undetermined
        case .interpreted: return interpreted
        case .basis: return basis
        case .projected: return projected
        case .newSince: return newSince
        case .rankUp: return rankUp
        case .rankDown: return rankDown
        case .neutral: return neutral
        case .current: return current
        case .notYetDue: return notYetDue
        case .cut: return cut
        }
    }

    /// Plain ASCII for terminals or fonts without those characters (`--ascii`). A mark that
    /// stands beside or for a figure is never a sign or an operator, which would be read as
    /// part of the number: unknown is `_` (a blank to fill, not `-`, which reads as minus or
    /// zero; exports write `NA`, `forExport`), a projection `p` (`p18.08`, not `^18.08`), a
    /// place gained or lost `u` and `d` (`3 d1`, not `3 -1`), towns a rule only informs about
    /// `i` (`i3`, not `·3` folded to `-3`, nor `.3`). `~` reads as "about", `*` as a footnote
    /// (the ASCII dagger).
    public static let ascii = Glyphs(
        eighths: ["#", "#", "#", "#", "#", "#", "#", "#"], barEmpty: "-",
        unknown: "_", derived: "~", horizontal: "-", vertical: "|",
        breadcrumbSeparator: " > ", selectionMarker: ">",
        behind: "v", marker: "|", met: "Y", notMet: "N", undetermined: "?",
        interpreted: "*", basis: "&", projected: "p", newSince: "n", rankUp: "u", rankDown: "d",
        neutral: "i", current: "<", separator: " - ",
        arrows: ["Up", "Down", "Left", "Right"], notYetDue: "o", cut: "$")

    /// How key hints and help name `key`: arrows in this set, other keys as a configuration
    /// writes them (`KeyMap.name`).
    public func name(_ key: Key) -> String {
        switch key {
        case .up: return arrows[0]
        case .down: return arrows[1]
        case .left: return arrows[2]
        case .right: return arrows[3]
        default: return KeyMap.name(key)
        }
    }

    /// Several keys named together: arrows and brackets of one cell run together (`↑↓ ><`), other
    /// names are spaced (`[ ]`); ASCII up and down are `U/D`.
    public func names(_ keys: [String]) -> String {
        // Spelled out (ASCII), the pair up and down is short: `U/D` (so `b behind` fits at 80 columns).
        if keys == [name(.up), name(.down)], name(.up).count > 1 { return "U/D" }
        return keys.joined(separator: keys.allSatisfy { $0.count == 1 && "↑↓<>".contains($0) } ? "" : " ")
    }

    /// The up and down arrows named together (`↑↓`, `U/D`).
    public var upDown: String { names([name(.up), name(.down)]) }
}
