/// Wrapping by display width.
public enum TextWrap {
    /// Splits `text` into lines of at most `width` cells, breaking after spaces where it can
    /// and anywhere between CJK characters. Sanitised first.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let safe = TerminalText.sanitize(text)
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var lastSpace: String.Index?
        for ch in safe {
            let w = max(0, DisplayWidth.of(ch))
            if lineWidth + w > width {
                if let space = lastSpace, ch != " " {
                    let head = String(line[..<space])
                    let tail = String(line[line.index(after: space)...])
                    lines.append(head)
                    line = tail
                    lineWidth = DisplayWidth.of(tail)
                } else {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                lastSpace = nil
                if ch == " " { continue }
            }
            if ch == " " { lastSpace = line.endIndex }
            line.append(ch)
            lineWidth += w
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
