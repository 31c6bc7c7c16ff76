// Throwaway smoke program for the ncurses backend: draws a test grid (a Chinese table in
// aligned columns, styles and colours, box and block characters), echoes the last key,
// redraws on resize, quits on q. `!` crashes on purpose, `s` overflows the stack, `e` calls exit(3) without
// closing (both must leave a sane terminal), Ctrl-L repaints. A second with no key counts as
// a timeout. Colour is off with NO_COLOR or --no-color.
import Glibc
import TownsTerminal
import TownsUI

let noColor = CommandLine.arguments.contains("--no-color")
    || (getenv("NO_COLOR").map { $0.pointee != 0 } ?? false)

let terminal: Terminal
do {
    try Terminal.prepareLocale()
    terminal = try Terminal.open(options: TerminalOptions(useColor: !noColor))
} catch {
    fputs("termdemo: \(error)\n", stderr)
    exit(1)
}

let towns: [(name: String, kind: String, area: Double, progress: Int)] = [
    ("海宁皮革时尚小镇", "时尚", 3.2, 100),
    ("梦想小镇", "信息经济", 3.0, 87),
    ("云栖小镇", "信息经济", 3.5, 64),
    ("龙坞茶镇", "历史经典", 3.1, 41),
    ("Dream Town (mixed 混合)", "other", 2.75, 13),
]

func bar(_ percent: Int, width: Int) -> String {
    let eighths = percent * width * 8 / 100
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
}

func render(width: Int, height: Int, lastKey: Key?, frame: Int, timeouts: Int) -> Grid {
    var grid = Grid(width: width, height: height)
    let title = Style(foreground: .ansi(15), background: .ansi(4), bold: true)
    grid.fill(Rect(x: 0, y: 0, width: width, height: 1), with: Cell(text: " ", style: title))
    grid.put(" termdemo \(width)x\(height) colour: \(terminal.colorCapability) frame \(frame)  q quits, ! crashes, ^L repaints",
             x: 0, y: 0, style: title)

    // Table: columns by display width.
    let columns: [(header: String, x: Int, width: Int)] = [("名称", 1, 24), ("类型", 26, 10), ("面积 km²", 37, 9), ("进度", 47, 22)]
    for column in columns {
        grid.put(column.header, x: column.x, y: 2, style: Style(bold: true, underline: true), maxWidth: column.width)
    }
    for (row, town) in towns.enumerated() {
        let y = 3 + row
        let selected = row == 1
        let style = selected ? Style(reverse: true) : .plain
        if selected { grid.fill(Rect(x: 0, y: y, width: 70, height: 1), with: Cell(text: " ", style: style)) }
        grid.put(town.name, x: columns[0].x, y: y, style: style, maxWidth: columns[0].width)
        grid.put(town.kind, x: columns[1].x, y: y, style: style, maxWidth: columns[1].width)
        let area = String(town.area)
        grid.put(area, x: columns[2].x + columns[2].width - area.count, y: y, style: style)
        let barStyle = Style(foreground: .indexed(UInt8(34 + row * 36)), background: selected ? .indexed(236) : .default)
        grid.put(bar(town.progress, width: 16), x: columns[3].x, y: y, style: barStyle, maxWidth: 16)
        grid.put("\(town.progress)%", x: columns[3].x + 17, y: y, style: style)
    }

    // Box with blocks inside.
    let boxY = 9
    grid.put("┌" + String(repeating: "─", count: 30) + "┐", x: 1, y: boxY)
    for i in 1...3 { grid.put("│", x: 1, y: boxY + i); grid.put("│", x: 32, y: boxY + i) }
    grid.put("└" + String(repeating: "─", count: 30) + "┘", x: 1, y: boxY + 4)
    grid.put("▏▎▍▌▋▊▉█ blocks", x: 3, y: boxY + 1)
    grid.put("╭─╮ ═ ║ ├┼┤ ░▒▓", x: 3, y: boxY + 2)
    grid.put("é (e+\u{301}) 𝄞 ★ →", x: 3, y: boxY + 3)

    // Styles and colours.
    let sx = 35
    grid.put("bold", x: sx, y: boxY + 1, style: Style(bold: true))
    grid.put("underline", x: sx + 5, y: boxY + 1, style: Style(underline: true))
    grid.put("reverse", x: sx + 15, y: boxY + 1, style: Style(reverse: true))
    grid.put("dim", x: sx + 23, y: boxY + 1, style: Style(dim: true))
    grid.put("红 red", x: sx + 27, y: boxY + 1, style: Style(foreground: .ansi(1), bold: true))
    for n in 0..<16 {
        grid.put(String(format2(n)), x: sx + n * 3, y: boxY + 2, style: Style(foreground: .ansi(n == 0 ? 15 : 0), background: .ansi(UInt8(n))))
    }
    for n in 0..<24 {
        grid.put("  ", x: sx + n * 2, y: boxY + 3, style: Style(background: .indexed(UInt8(16 + n * 9))))
    }
    for n in 0..<24 {
        grid.put("  ", x: sx + n * 2, y: boxY + 4, style: Style(background: .indexed(UInt8(232 + n))))
    }

    grid.put("last key: \(lastKey.map { "\($0)" } ?? "(none)")", x: 1, y: boxY + 6,
             style: Style(foreground: .ansi(3), bold: true))
    grid.put("timeouts: \(timeouts)", x: 1, y: boxY + 7, style: Style(dim: true))
    // The last row is full, up to the bottom-right cell.
    grid.put(String(repeating: "=", count: max(0, width - 2)) + "海", x: 0, y: height - 1,
             style: Style(foreground: .ansi(2)))
    grid.put(String(repeating: "-", count: width), x: 0, y: height - 2)
    return grid
}

func format2(_ n: Int) -> String { n < 10 ? " \(n)" : "\(n)" }

/// Overflows the stack (key `s`), to check the crash path on the alternate signal stack.
func recurse(_ n: Int) -> Int { var pad = (n, n, n, n); withUnsafeMutablePointer(to: &pad) { _ in }; return recurse(n + 1) + pad.0 }

var lastKey: Key?
var frame = 0, timeouts = 0
while true {
    frame += 1
    terminal.draw(render(width: terminal.width, height: terminal.height, lastKey: lastKey, frame: frame, timeouts: timeouts))
    guard let key = terminal.readKey(timeoutMilliseconds: 1000) else { timeouts += 1; continue }
    lastKey = key
    switch key {
    case .char("q"): terminal.close(); exit(0)
    case .char("e"): exit(3)
    case .char("!"): let missing: Int? = nil; _ = missing!
    case .char("s"): print(recurse(1))
    case .ctrl("l"): terminal.invalidate()
    default: break
    }
}
