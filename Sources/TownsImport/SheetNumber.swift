import Foundation
import TownsCore

/// A number as a statistics office's sheet writes it, read into a `Decimal`.
///
/// Accepted: ASCII or full-width digits and point (`１３．５６`), thousands separators
/// (`1,234.5`; full-width `，` too; groups of exactly three digits, so `1,23` is refused
/// rather than read as a decimal comma), a leading `+`, surrounding spaces (also the
/// ideographic space U+3000 and no-break space), and for rates a trailing `%` or `％`.
/// A blank cell or a dash (`-`, `—`, `–`) or `/` is `blank`: the figure is unknown, never 0.
/// Refused: exponents (`1.2E+05`: format the column as a number), more than
/// `maximumWholeDigits` digits before the point (no figure of a town is that large, and the
/// monthly file writes counts as whole numbers of at most 64 bits), anything else.
public enum SheetNumber: Equatable, Sendable {
    /// An exact value and the number of digits written after the point.
    case value(Decimal, decimals: Int)
    /// Nothing written, or a placeholder dash: unknown.
    case blank
    /// Not a number (or a negative one, or a % where none is allowed); says what is wrong.
    case invalid(SheetProblem)

    /// Most digits a number may have before its point (10^15: beyond any amount in 亿元,
    /// rate or count, and within what a TOML whole number holds).
    public static let maximumWholeDigits = 15
    /// Most digits a number may have after its point: the loader's limit for a figure (a
    /// `Decimal` holds 38 digits exactly), so that a sheet the import accepts writes a file that
    /// loads (the fuzzer found `6.8577777777777777` accepted here and refused by the loader).
    public static let maximumFractionDigits = 15

    /// Reads `raw`; `percent` allows a trailing `%`. A negative number is `invalid`.
    public static func parse(_ raw: String, percent: Bool) -> SheetNumber {
        var text = normalise(raw)
        if ["", "-", "—", "–", "/", "－"].contains(text) { return .blank }
        if text.hasSuffix("%") {
            guard percent else { return .invalid(.percentNotRate(raw)) }
            text = String(text.dropLast()).trimmingCharacters(in: spaces)
        }
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() }
        else if text.hasPrefix("+") { text.removeFirst() }
        if text.contains("e") || text.contains("E") {
            return .invalid(.exponent(raw))
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return .invalid(.twoPoints(raw)) }
        var whole = String(parts[0])
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        if whole.contains(",") {
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            let ok = (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
            guard ok else {
                return .invalid(.commaNotThousands(raw))
            }
            whole = groups.joined()
        }
        let significant = whole.drop { $0 == "0" }
        if significant.count > maximumWholeDigits, significant.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return .invalid(.tooManyWhole(raw, digits: significant.count, maximum: maximumWholeDigits))
        }
        if fraction.count > maximumFractionDigits, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return .invalid(.tooManyFraction(raw, digits: fraction.count, maximum: maximumFractionDigits))
        }
        let digits = whole + fraction
        guard !whole.isEmpty || !fraction.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              parts.count == 1 || !fraction.isEmpty || !whole.isEmpty,
              let value = Decimal(string: (whole.isEmpty ? "0" : whole) + (fraction.isEmpty ? "" : "." + fraction),
                                  locale: Locale(identifier: "en_US_POSIX"))
        else { return .invalid(.notANumber(raw)) }
        if negative && value != 0 { return .invalid(.negative(raw)) }
        return .value(value, decimals: fraction.count)
    }

    /// Whitespace trimmed from cells: Unicode white space (no-break and ideographic spaces included).
    static let spaces = CharacterSet.whitespacesAndNewlines
        .union(CharacterSet(charactersIn: "\u{00A0}\u{3000}\u{FEFF}"))

    /// `raw` trimmed, with full-width digits, point, comma, percent and signs made ASCII, and
    /// the minus sign U+2212 made `-`.
    static func normalise(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: out.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF0E: out.append(".")
            case 0xFF0C: out.append(",")
            case 0xFF05: out.append("%")
            case 0xFF0B: out.append("+")
            case 0xFF0D, 0x2212: out.append("-")
            default: out.append(scalar)
            }
        }
        return String(out).trimmingCharacters(in: spaces)
    }
}
