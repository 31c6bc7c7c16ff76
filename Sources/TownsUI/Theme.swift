import TOMLKit
import TownsCore

/// What a piece of the screen is, independent of how it looks. A theme gives each role a
/// `Style`; views ask for roles, never for colours.
public enum Role: String, CaseIterable, Sendable {
    case background, title, tab, tabActive, breadcrumb, header, row, selection, totals
    case barFill, barEmpty, barMarker, behind, unknown, derived, bound, warning
    case keyHint, key, legend, label, source, border, message
    /// A row matching the search.
    case match
}

/// Roles -> styles, read from a theme file in `Themes/` (TOML).
///
/// Format (`Themes/default.toml`):
/// ```toml
/// [theme]
/// name = "default"
/// description = "..."
/// [roles]
/// title = { fg = "white", bg = "blue", bold = true }
/// unknown = { fg = 244 }          # 0-255: xterm palette index
/// [roles8]                        # optional: these roles on a terminal of 8 (or 16) colours
/// derived = { fg = "blue" }
/// ```
/// Colours: `default`, the names `black red green yellow blue magenta cyan white` and
/// `bright-black` ... `bright-white`, or a palette index 0-255. Attributes: `bold`,
/// `underline`, `reverse`, `dim` (true/false). A role the file does not give keeps the
/// built-in default's style; an unknown role or a bad value is reported as a warning with
/// its line and ignored.
public struct Theme: Sendable {
    public var name: String
    public var styles: [Role: Style]
    /// The roles' styles on a terminal of 8 (or 16) colours, where they replace `styles`
    /// (`[roles8]` in the file): a palette colour there becomes the nearest of the 8, and two
    /// roles of distinct palette colours (the light theme's brown derived and red behind) can
    /// come out alike. Not inherited from the fallback theme.
    public var eightColourStyles: [Role: Style] = [:]
    /// Drawn on a terminal of 8 (or 16) colours (`onEightColours`): the selected row's bar then
    /// takes the selection's foreground (`TableRenderer.drawBar`), where green on the cyan band
    /// could hardly be read (wave 36's fresh user, TERM=xterm on a projector).
    public var eightColours = false

    public init(name: String, styles: [Role: Style]) {
        self.name = name
        self.styles = styles
    }

    /// This theme as drawn on a terminal of 8 (or 16) colours: `eightColourStyles` over `styles`.
    public var onEightColours: Theme {
        var t = self
        t.styles.merge(eightColourStyles) { $1 }
        t.eightColours = true
        return t
    }

    /// The style of `role` (plain when the theme does not give one).
    /// The style of `role`. A role that leaves a colour at `default` takes the `background`
    /// role's colour, so a light theme sets its page colour once.
    public func style(_ role: Role) -> Style {
        var s = styles[role] ?? .plain
        guard role != .background, let page = styles[.background] else { return s }
        if s.background == .default { s.background = page.background }
        if s.foreground == .default { s.foreground = page.foreground }
        return s
    }

    /// A theme with no colours: attributes only. Used when the terminal has no colour or
    /// `NO_COLOR` is set, so every state stays visible through characters and attributes.
    public static let monochrome = Theme(name: "monochrome", styles: [
        .title: Style(bold: true, reverse: true), .tabActive: Style(bold: true, reverse: true),
        .header: Style(bold: true, underline: true), .selection: Style(reverse: true),
        .totals: Style(bold: true), .barFill: Style(bold: true), .barMarker: Style(bold: true),
        .behind: Style(bold: true, underline: true), .unknown: Style(dim: true), .bound: Style(underline: true),
        .warning: Style(bold: true), .key: Style(bold: true), .keyHint: Style(reverse: true), .label: Style(bold: true),
        .message: Style(bold: true), .breadcrumb: Style(bold: true), .match: Style(bold: true, underline: true),
    ])

    /// Parses theme text. `file` names it in warnings. Roles not given fall back to
    /// `fallback` (the default theme, when loading another). Throws `LoadIssue`-style
    /// `ThemeError` (file:line:column: the problem) only for a file that is not valid TOML or
    /// that the guard in front of the parser refuses (`GuardedTOML`); everything else is a warning.
    /// Warnings and errors are worded in `language` (`Catalogue+W14Find`; the parser's by `LoadIssue`).
    public static func parse(
        _ text: String, file: String, fallback: Theme? = nil, language: Language = .en
    ) throws -> (Theme, [String]) {
        let table: TOMLTable
        do {
            table = try GuardedTOML.parse(text, file: file)  // `[中]` or a NUL: an error with its line, not an abort
        } catch let issue as LoadIssue {
            throw ThemeError(message: issue.description(chinese: language == .zh))
        }
        func t(_ b: Bilingual) -> String { language == .zh ? b.zh : b.en }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var section = "roles"
        /// Each key's first line (1-based) after the `[section]` line, found in one pass per section
        /// (the keys are sorted by it, so it is asked many times: a scan per question with
        /// Foundation's trimming was two thirds of the dashboard's start, wave 25).
        var keyLines: [String: [String: Int]] = [:]
        /// The line of `key` in the table `section` (after its `[section]` line); 0 when not found.
        func lineOf(_ key: String) -> Int {
            if let known = keyLines[section] { return known[key] ?? 0 }
            var found: [String: Int] = [:]
            let start = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "[\(section)]" } ?? 0
            for (i, l) in lines.enumerated().dropFirst(start) {
                let t = l.drop(while: { $0 == " " || $0 == "\t" })
                let name = t.prefix { $0 != " " && $0 != "=" && $0 != "\t" }
                if !name.isEmpty, t.dropFirst(name.count).first.map({ $0 == " " || $0 == "=" || $0 == "\t" }) == true,
                   found[String(name)] == nil {
                    found[String(name)] = i + 1
                }
            }
            keyLines[section] = found
            return found[key] ?? 0
        }
        var warnings: [String] = []
        let name = table["theme"]?.table?["name"]?.string ?? file
        func read(_ roles: TOMLTable, _ name: String, over base: [Role: Style]) -> [Role: Style] {
            section = name
            var styles = base
            // In the file's order (line, then the attribute's place on it), so the first problem
            // listed is the one an editor's cursor should go to first (wave 25's fresh user, F7).
            for key in roles.keys.sorted(by: { (lineOf($0), $0) < (lineOf($1), $1) }) {
                guard let role = Role(rawValue: key) else {
                    warnings.append("\(file):\(lineOf(key)): \(section).\(key): "
                        + t(Catalogue.themeUnknownRole(Role.allCases.map(\.rawValue).joined(separator: ", "))))
                    continue
                }
                guard let spec = roles[key]?.table else {
                    warnings.append("\(file):\(lineOf(key)): \(section).\(key): " + t(Catalogue.themeExpectedTable))
                    continue
                }
                var style = Style()
                let text = lineOf(key) > 0 ? String(lines[lineOf(key) - 1]) : ""
                func place(_ attr: String) -> Int {
                    for sep in [" ", "="] {
                        if let r = text.range(of: attr + sep) { return text.distance(from: text.startIndex, to: r.lowerBound) }
                    }
                    return Int.max
                }
                let places = Dictionary(spec.keys.map { ($0, place($0)) }, uniquingKeysWith: { a, _ in a })
                for attr in spec.keys.sorted(by: { (places[$0] ?? .max, $0) < (places[$1] ?? .max, $1) }) {
                    let value = spec[attr]!
                    switch attr {
                    case "fg", "bg":
                        if let c = parseColor(value) {
                            if attr == "fg" { style.foreground = c } else { style.background = c }
                        } else {
                            warnings.append("\(file):\(lineOf(key)): \(section).\(key).\(attr): "
                                + t(Catalogue.themeNotAColour(value.string ?? "\(value)")))
                        }
                    case "bold", "underline", "reverse", "dim":
                        guard let b = value.bool else {
                            warnings.append(
                                "\(file):\(lineOf(key)): \(section).\(key).\(attr): " + t(Catalogue.themeExpectedBool))
                            continue
                        }
                        switch attr {
                        case "bold": style.bold = b
                        case "underline": style.underline = b
                        case "reverse": style.reverse = b
                        default: style.dim = b
                        }
                    default:
                        warnings.append(
                            "\(file):\(lineOf(key)): \(section).\(key).\(attr): " + t(Catalogue.themeUnknownAttribute))
                    }
                }
                styles[role] = style
            }
            return styles
        }
        var theme = Theme(name: name, styles: fallback?.styles ?? [:])
        if let roles = table["roles"]?.table {
            theme.styles = read(roles, "roles", over: theme.styles)
        } else {
            warnings.append("\(file): " + t(Catalogue.themeNoRoles))
        }
        if let roles = table["roles8"]?.table { theme.eightColourStyles = read(roles, "roles8", over: [:]) }
        return (theme, warnings)
    }

    static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    static func parseColor(_ value: TOMLValueConvertible) -> Color? {
        if let i = value.int { return (0...255).contains(i) ? .indexed(UInt8(i)) : nil }
        guard let s = value.string?.lowercased() else { return nil }
        if s == "default" { return .default }
        if let i = colorNames.firstIndex(of: s) { return .ansi(UInt8(i)) }
        if s.hasPrefix("bright-"), let i = colorNames.firstIndex(of: String(s.dropFirst(7))) {
            return .ansi(UInt8(i + 8))
        }
        return nil
    }
}

/// A theme file that could not be parsed at all.
public struct ThemeError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
