import Foundation
import XCTest

/// Every theme stays readable on 8 and on 256 colours: read from the pane's colours
/// (`tmux capture-pane -e`), no character is drawn in its own background colour and none is
/// bold black (many terminals show bold black as gray), over every top view, a town's page,
/// the help, the selection band and a search's highlighted match.
final class ThemeContrastTests: XCTestCase {
    /// A character on screen with the colours and boldness the pane holds for it.
    struct Cell {
        var character: Character
        /// xterm palette numbers (0-255); nil: the terminal's own colour.
        var foreground: Int?
        var background: Int?
        var bold: Bool
    }

    /// The cells of a `capture-pane -e -p` capture, row by row: SGR sequences parsed, state
    /// carried from cell to cell as the terminal would, reverse video applied.
    static func cells(_ lines: [String]) -> [[Cell]] {
        var fg: Int?, bg: Int?, bold = false, reverse = false
        var rows: [[Cell]] = []
        for line in lines {
            var row: [Cell] = []
            let scalars = Array(line.unicodeScalars)
            var i = 0
            while i < scalars.count {
                if scalars[i] == "\u{1B}", i + 1 < scalars.count, scalars[i + 1] == "[" {
                    var j = i + 2
                    var body = ""
                    while j < scalars.count, !(0x40...0x7E).contains(scalars[j].value) { body.unicodeScalars.append(scalars[j]); j += 1 }
                    if j < scalars.count, scalars[j] == "m" {
                        apply(body, &fg, &bg, &bold, &reverse)
                    }
                    i = j + 1
                    continue
                }
                if scalars[i] == "\u{1B}" { i += 1; continue }
                let (f, b) = reverse ? (bg, fg) : (fg, bg)
                row.append(Cell(character: Character(scalars[i]), foreground: f, background: b, bold: bold))
                i += 1
            }
            rows.append(row)
        }
        return rows
    }

    /// One SGR sequence's parameters (`1;38;5;231`) applied to the current drawing state.
    static func apply(_ body: String, _ fg: inout Int?, _ bg: inout Int?, _ bold: inout Bool, _ reverse: inout Bool) {
        var params = body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        if params.isEmpty { params = [0] }
        var k = 0
        while k < params.count {
            let p = params[k]
            switch p {
            case 0: fg = nil; bg = nil; bold = false; reverse = false
            case 1: bold = true
            case 22: bold = false
            case 7: reverse = true
            case 27: reverse = false
            case 30...37: fg = p - 30
            case 90...97: fg = p - 90 + 8
            case 39: fg = nil
            case 40...47: bg = p - 40
            case 100...107: bg = p - 100 + 8
            case 49: bg = nil
            case 38, 48:
                if k + 2 < params.count, params[k + 1] == 5 {
                    if p == 38 { fg = params[k + 2] } else { bg = params[k + 2] }
                    k += 2
                } else if k + 4 < params.count, params[k + 1] == 2 {
                    k += 4  // direct colour: not used by towns
                }
            default: break
            }
            k += 1
        }
    }

    /// xterm's RGB for palette entry `n`, to compare 15 with 231 (both white).
    static func rgb(_ n: Int) -> [Int] {
        let ansi = [[0, 0, 0], [205, 0, 0], [0, 205, 0], [205, 205, 0], [0, 0, 238], [205, 0, 205], [0, 205, 205],
                    [229, 229, 229], [127, 127, 127], [255, 0, 0], [0, 255, 0], [255, 255, 0], [92, 92, 255],
                    [255, 0, 255], [0, 255, 255], [255, 255, 255]]
        switch n {
        case 0..<16: return ansi[n]
        case 16..<232:
            let levels = [0, 95, 135, 175, 215, 255], m = n - 16
            return [levels[m / 36], levels[m / 6 % 6], levels[m % 6]]
        default: let v = 8 + 10 * (n - 232); return [v, v, v]
        }
    }

    /// The cells that break the rule, described: a visible character in its background's
    /// colour, or bold black. On 8 colours a bold colour 0-7 is its bright variant only on some
    /// terminals, so the same base number counts as the same colour.
    static func unreadable(_ rows: [[Cell]], eightColours: Bool) -> [String] {
        var found: [String] = []
        for (y, row) in rows.enumerated() {
            for (x, cell) in row.enumerated() where !cell.character.isWhitespace {
                guard let f = cell.foreground else { continue }
                if let b = cell.background {
                    let same = eightColours ? (f % 8 == b % 8) : (f == b || rgb(f) == rgb(b))
                    if same { found.append("row \(y) cell \(x) '\(cell.character)': colour \(f) on \(b)") }
                }
                if f == 0, cell.bold { found.append("row \(y) cell \(x) '\(cell.character)': bold black") }
            }
        }
        return found
    }

    func testParserReadsColoursAndReverse() {
        let rows = Self.cells(["\u{1B}[1m\u{1B}[38;5;231m\u{1B}[48;5;15mA\u{1B}[0mB\u{1B}[30;47;7mC"])
        XCTAssertEqual(rows[0].count, 3)
        XCTAssertEqual(rows[0][0].foreground, 231)
        XCTAssertEqual(rows[0][0].background, 15)
        XCTAssertTrue(rows[0][0].bold)
        XCTAssertNil(rows[0][1].foreground)
        XCTAssertEqual(rows[0][2].foreground, 7, "reverse swaps the colours")
        XCTAssertEqual(rows[0][2].background, 0)
        XCTAssertEqual(Self.unreadable(rows, eightColours: false).count, 1, "231 on 15 is white on white")
        XCTAssertEqual(Self.unreadable(Self.cells(["\u{1B}[1;30;43mX"]), eightColours: true).count, 1, "bold black")
        XCTAssertEqual(Self.unreadable(Self.cells(["\u{1B}[30;43mX"]), eightColours: true).count, 0)
    }

    /// Each coloured theme on an 8-colour terminal (`TERM=xterm`, PuTTY's default) and a
    /// 256-colour one, over the screens a meeting sees.
    func testEveryThemeReadableOnEightAnd256Colours() throws {
        for term in ["xterm", "xterm-256color"] {
            for theme in ["default", "light", "high-contrast"] {
                let label = "TERM=\(term) theme=\(theme)"
                let session = try DashboardSession(label: "contrast")
                defer { session.kill() }
                let words = [session.binary, "--data", Paths.data, "--themes", Paths.themes, "--theme", theme, "--view", "towns"]
                try session.tmux.typeLine("env TERM=\(term) LANG=C.UTF-8 " + words.map(Paths.shellQuote).joined(separator: " "))
                try session.tmux.waitUntil("\(label): first frame") { $0.first?.contains("towns ·") ?? false }
                var problems: [String] = []
                func look(_ what: String, keys: [String], waitFor text: String) throws {
                    for key in keys { try session.tmux.send(key) }
                    try session.tmux.waitFor(text)
                    usleep(150_000)
                    let r = try session.tmux.tmux(["capture-pane", "-e", "-p", "-t", session.tmux.target])
                    var lines = r.stdout.components(separatedBy: "\n")
                    if lines.last == "" { lines.removeLast() }
                    let bad = Self.unreadable(Self.cells(lines), eightColours: term == "xterm")
                    problems += bad.prefix(5).map { "\(label) \(what): \($0)" }
                }
                try look("towns view", keys: [], waitFor: "海宁皮革时尚小镇")
                try look("towns view, selection on row 4", keys: ["j", "j", "j"], waitFor: "海盐核电小镇")
                try look("city totals selected", keys: ["j"], waitFor: "全市报告")
                try look("types view", keys: ["2"], waitFor: "创意设计")
                try look("entities view", keys: ["3"], waitFor: "海宁中国皮革城")
                try look("assessment view", keys: ["4"], waitFor: "海宁皮革时尚小镇")
                try look("province view", keys: ["5"], waitFor: "杭州")
                try look("a town's page", keys: ["1", "Enter"], waitFor: "推算")
                try look("help", keys: ["Escape", "?"], waitFor: "帮助：按键")
                try look("search match", keys: ["Escape", "/", "h", "y", "h", "d", "Enter"], waitFor: "海盐核电小镇")
                try session.tmux.send("q")
                _ = try session.assertTerminalRestored(label)
                XCTAssertTrue(problems.isEmpty, "\(problems.count) unreadable cells (the first 5 a screen):\n"
                              + problems.prefix(20).joined(separator: "\n"))
            }
        }
    }
}
