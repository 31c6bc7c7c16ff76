/// What a mark in a cell means. The glyph set draws it (`Glyphs.glyph(_:)`): `—` or `-`
/// for unknown, `≈` or `~` for derived, and so on. Every mark is one cell wide in every
/// glyph set, so a table's layout is the same whichever set draws it.
public enum Mark: String, Hashable, Sendable, CaseIterable {
    /// No source gives the figure (never 0).
    case unknown
    /// Worked out from reported figures (the formula is on the town's page).
    case derived
    /// Behind schedule: completion below the share of the year elapsed.
    case behind
    /// A province rule met, not met, or not known to be either.
    case met, notMet, undetermined
    /// Undetermined as of the period shown because a year's plan it rests on comes from a later
    /// period (`Metrics.planFromLaterPeriod`: Nanhu's Jan-Aug plan `≈15.0?`, from Jan-Sep; a rate,
    /// place, variance or sum worked out over it). Drawn as `undetermined` (`?`) in every glyph
    /// set; kept apart so that the screen's legend can say why (`Grid.marksNoted`; wave 36).
    case laterPlan
    /// A province rule judged after the period shown (the end of the creation period, of the
    /// year), which nothing so far settles: counted apart from met, not met and unknown.
    case notYetDue
    /// One reading of words that read more than one way (`Provenance.interpreted`, paper
    /// 二(三) "共计30个项目"): never summed into known totals; both readings on the page.
    case interpreted
    /// Measured on a different basis from the paper's plain amount (`Figure.basis`: the
    /// notice's fixed-asset investment excluding commercial housing); the page names it.
    case basis
    /// A projection to the year's end at the pace so far: never reported, never summed
    /// into reported totals; its formula is on the page.
    case projected
    /// A figure new since the previous period of the same year (the towns view's Δ columns,
    /// the changes view): not in the data then.
    case newSince
    /// A town's place by completion rate moved up or down since the previous period (`▲2`).
    case rankUp, rankDown
    /// Nothing to flag: a rule that only informs, a check that finds the figures consistent,
    /// a problem the sources attribute to other towns but not this one.
    case neutral
    /// The period shown, beside its header on a page.
    case current
    /// Text cut where it did not fit (`…`; in ASCII `$`, as a terminal editor marks a line cut
    /// at the edge: not `.`, which reads as a full stop).
    case cut
}

/// A cell's text: plain runs and marks (`Mark`), drawn with a glyph set. Lists hold cells
/// of these, so one list serves the Unicode and the ASCII glyph sets.
///
/// ```swift
/// let cell: CellText = "\(Mark.derived)18.60"   // "≈18.60" in Unicode, "~18.60" in ASCII
/// ```
public struct CellText: Hashable, Sendable, ExpressibleByStringInterpolation {
    public enum Part: Hashable, Sendable {
        case text(String)
        case mark(Mark)
    }

    /// Text without marks (most cells) is one string, with no array beside it: a list keeps
    /// its sampled rows, and a cell costs no more than the string it shows.
    private enum Storage: Hashable, Sendable {
        case plain(String)
        case parts([Part])
    }

    private var storage: Storage

    /// The runs and marks in order (adjacent runs joined).
    public var parts: [Part] {
        switch storage {
        case let .plain(s): return s.isEmpty ? [] : [.text(s)]
        case let .parts(p): return p
        }
    }

    /// Text from `parts`: adjacent runs joined, and one string when there is no mark, so two
    /// texts that read the same are equal however they were put together.
    public init(parts: [Part]) {
        var joined: [Part] = []
        for part in parts {
            if case let .text(s) = part, case let .text(before)? = joined.last {
                joined[joined.count - 1] = .text(before + s)
            } else if case let .text(s) = part, s.isEmpty {
                continue
            } else {
                joined.append(part)
            }
        }
        if joined.allSatisfy({ if case .text = $0 { return true } else { return false } }) {
            storage = .plain(joined.first.map { if case let .text(s) = $0 { return s } else { return "" } } ?? "")
        } else {
            storage = .parts(joined)
        }
    }

    public init(_ text: String) { storage = .plain(text) }
    public init(_ mark: Mark) { storage = .parts([.mark(mark)]) }
    public init(stringLiteral value: String) { self.init(value) }
    public init(stringInterpolation: StringInterpolation) { self.init(parts: stringInterpolation.parts) }

    public struct StringInterpolation: StringInterpolationProtocol {
        var parts: [Part] = []
        public init(literalCapacity: Int, interpolationCount: Int) {}
        public mutating func appendLiteral(_ literal: String) { if !literal.isEmpty { parts.append(.text(literal)) } }
        public mutating func appendInterpolation(_ text: String) { appendLiteral(text) }
        public mutating func appendInterpolation(_ mark: Mark) { parts.append(.mark(mark)) }
        /// Nothing for nil.
        public mutating func appendInterpolation(_ mark: Mark?) { if let mark { parts.append(.mark(mark)) } }
        public mutating func appendInterpolation(_ text: CellText) { parts += text.parts }
        public mutating func appendInterpolation(_ number: Int) { appendLiteral(String(number)) }
    }

    public static func + (a: CellText, b: CellText) -> CellText { CellText(parts: a.parts + b.parts) }

    public static func += (a: inout CellText, b: CellText) { a = a + b }

    /// The text as `glyphs` draws it.
    public func text(_ glyphs: Glyphs) -> String {
        if case let .plain(s) = storage { return s }
        var out = ""
        for part in parts {
            switch part {
            case let .text(s): out += s
            case let .mark(m): out += glyphs.glyph(m)
            }
        }
        return out
    }

    /// The first part's mark, if the text starts with one.
    public var leadingMark: Mark? {
        if case let .mark(m)? = parts.first { return m }
        return nil
    }
}

extension CellText {
    /// Cells wide, the same in every glyph set (every mark is one cell).
    public var width: Int { DisplayWidth.of(text(.unicode)) }

    /// Padded with spaces to `width` cells: on the left (`right`: right-aligned) or the right.
    public func padded(_ width: Int, right: Bool = true) -> CellText {
        let pad = CellText(String(repeating: " ", count: max(0, width - self.width)))
        return right ? pad + self : self + pad
    }

    /// `text` cut to `width` cells with `…` when longer (`TableRenderer.fit`), marks kept
    /// as marks; control characters made visible.
    public static func fit(_ text: CellText, width: Int) -> CellText {
        let parts = text.parts.map { part -> Part in
            if case let .text(s) = part { return .text(TerminalText.sanitize(s)) }
            return part
        }
        let safe = CellText(parts: parts)
        if safe.width <= width { return safe }
        guard width > 1 else { return width == 1 ? CellText(.cut) : "" }
        var out: [Part] = []
        var used = 0
        cut: for part in safe.parts {
            switch part {
            case .mark:
                if used + 1 > width - 1 { break cut }
                out.append(part)
                used += 1
            case let .text(s):
                var kept = ""
                for ch in s {
                    let cw = max(0, DisplayWidth.of(ch))
                    if used + cw > width - 1 {
                        out.append(.text(kept))
                        break cut
                    }
                    kept.append(ch)
                    used += cw
                }
                out.append(.text(kept))
            }
        }
        return CellText(parts: out + [.mark(.cut)])
    }
}
