import TownsCore

/// Longest text a paste types, in characters (a search holds less: `SearchState.maximumLength`).
let pasteMaximumLength = 1000

/// Text pasted into the terminal (`Action.paste`): typed into the search or the command line
/// while one takes input, on one line (line breaks and tabs become single spaces, other control
/// characters are dropped); anywhere else nothing happens and the status line says so, so that
/// no character of a paste is ever run as a key.
func pasted(_ state: AppState, _ text: String) -> AppState {
    var s = state
    let line = pastedLine(text)
    if s.commandLine != nil {
        for c in line { s = commandKey(s, .char(c)) }
    } else if s.search?.editing == true {
        for c in line { s = narrowingSearchKey(s, .char(c)) }
    } else {
        s.say(Catalogue.pasteIgnored("\(text.count)"), level: .warning)
    }
    return s
}

/// `text` on one line: each run of line breaks, tabs and spaces between words one space, none
/// at either end, other control characters dropped; at most `pasteMaximumLength` characters.
func pastedLine(_ text: String) -> String {
    var out = ""
    var space = false
    for c in text {
        if c.isNewline || c == "\t" || c == " " {
            space = !out.isEmpty
        } else if !c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            if space { out.append(" ") }
            space = false
            out.append(c)
            if out.count >= pasteMaximumLength { break }
        }
    }
    return out
}
