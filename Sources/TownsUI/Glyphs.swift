/// The characters views draw with. Markers carry meaning without colour: `≈` derived,
/// `—` unknown, `>` a lower bound, `!` fails a consistency check.
public struct Glyphs: Sendable {
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

    /// Unicode block elements and box drawing (each one cell wide under glibc and tmux).
    public static let unicode = Glyphs(eighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], barEmpty: "·",
                                       unknown: "—", derived: "≈", horizontal: "─", vertical: "│",
                                       breadcrumbSeparator: " › ", selectionMarker: "▶",
                                       behind: "▼", marker: "│")
    /// Plain ASCII for terminals or fonts without those characters (`--ascii`).
    public static let ascii = Glyphs(eighths: ["#", "#", "#", "#", "#", "#", "#", "#"], barEmpty: "-",
                                     unknown: "-", derived: "~", horizontal: "-", vertical: "|",
                                     breadcrumbSeparator: " > ", selectionMarker: ">",
                                     behind: "v", marker: "|")
}
