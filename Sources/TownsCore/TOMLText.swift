/// Writing TOML values as text (the generator's and the import's side of `TOMLDocument`).
public enum TOMLText {
    /// `text` as a TOML basic string, quoted, with `"`, `\` and control characters (C0, DEL
    /// and C1) escaped.
    public static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f || (0x80..<0xA0).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A fixed-point number `units` / 10^`scale` with trailing zeros after the point dropped
    /// (1230, 2 -> "12.3"; 1200, 2 -> "12"; 5, 2 -> "0.05"). Integer arithmetic only, so the
    /// text is the same on every machine and locale.
    public static func fixed(_ units: Int, scale: Int) -> String {
        precondition(units >= 0 && scale >= 0)
        var divisor = 1
        for _ in 0..<scale { divisor *= 10 }
        let whole = units / divisor
        var fraction = units % divisor
        guard fraction != 0 else { return String(whole) }
        var digits = scale
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let f = String(fraction)
        return "\(whole)." + String(repeating: "0", count: digits - f.count) + f
    }
}
