/// The default theme compiled in (wave 21): `Themes/default.toml` as text, so a binary run
/// outside the repository, with no `Themes/` folder beside it, still draws in colour. A
/// `default.toml` in the themes folder wins; `ThemeTests`/`W21UIFindingsTests` keep this text
/// the file's, byte for byte.
extension Theme {
    /// The text of `Themes/default.toml` (TOML, as `Theme.parse` reads it).
    public static let builtInDefaultText = """
    # towns theme: default (dark terminal background).
    #
    # Each role of the screen gets a style: fg and bg colours and attributes.
    # Colours: default (the terminal's own), black red green yellow blue magenta cyan white,
    # bright-black ... bright-white, or an xterm palette index 0-255 (mapped to the nearest of
    # 8 colours on an 8-colour terminal). Attributes: bold, underline, reverse, dim = true/false.
    # A role this file does not give is drawn plain. Markers (≈ — > !) and bar characters carry
    # every meaning on their own, so a terminal without colour loses nothing.

    [theme]
    name = "default"
    description = "Dark background: white on blue title, yellow for derived, gray for unknown."

    [roles]
    background = { fg = "default", bg = "default" }
    title      = { fg = "bright-white", bg = "blue", bold = true }
    tab        = { fg = "white", bg = 236 }
    tabActive  = { fg = 16, bg = "cyan", bold = true }
    breadcrumb = { fg = "cyan", bold = true }
    header     = { fg = "bright-white", bold = true, underline = true }
    row        = { fg = "default" }
    selection  = { fg = "black", bg = "cyan" }
    totals     = { fg = "bright-white", bold = true }
    barFill    = { fg = "green" }
    barEmpty   = { fg = 240 }
    barMarker  = { fg = "bright-white" }
    behind     = { fg = "bright-red", bold = true }
    unknown    = { fg = 245 }
    derived    = { fg = "yellow" }
    bound      = { fg = "magenta" }
    warning    = { fg = "bright-red", bold = true }
    keyHint    = { fg = "white", bg = 236 }
    key        = { fg = "bright-yellow", bg = 236, bold = true }
    legend     = { fg = 248 }
    label      = { fg = "cyan" }
    source     = { fg = 250 }
    border     = { fg = 244 }
    message    = { fg = "bright-yellow", bold = true }
    match      = { fg = 16, bg = "yellow", bold = true }
    
    """

    /// `builtInDefaultText` parsed: nil only if it stopped parsing (a test says it does not).
    public static var builtInDefault: Theme? {
        try? Theme.parse(builtInDefaultText, file: "(built in)", fallback: nil, language: .en).0
    }
}
