/// One cell of the screen: the text it shows and its style.
///
/// A wide character (display width 2) occupies two cells: the first holds the character,
/// the second is a continuation cell (`isContinuation`, empty text) that a backend skips.
public struct Cell: Hashable, Sendable {
    /// The grapheme cluster drawn in this cell; `" "` for blank, `""` for a continuation.
    public var text: String
    public var style: Style
    /// True for the right half of a wide character.
    public var isContinuation: Bool { text.isEmpty }

    public init(text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
}

/// A rectangle of cells, in columns and rows, origin at the top left.
public struct Rect: Hashable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
}

/// An in-memory screen: `width` x `height` cells that views render into.
///
/// The ncurses backend copies a grid to the terminal; tests compare `lines()` with text.
/// Every string written is sanitised (`TerminalText.sanitize`) and placed by display width:
/// a wide character that would straddle the right edge of the clip is replaced by a blank,
/// so columns never shift.
public struct Grid: Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// The page's style: the style of `fill` when made. A terminal clears to it (the window's
    /// background), so a theme's page colour also covers what no cell paints.
    public let page: Style
    /// Marks drawn whose meaning their glyph alone does not tell (`Mark.laterPlan`, drawn as `?`
    /// like `undetermined`), noted by the widgets that draw them (`TableRenderer.drawRow`), so that
    /// the legend can say why (`Renderer.legend(laterPlan:)`; wave 36). Only what is drawn is
    /// noted: a row scrolled away notes nothing.
    public var marksNoted: Set<Mark> = []

    /// A blank grid of `width` x `height` cells (negative sizes are treated as 0), each `fill`.
    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.page = fill.style
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// The cell at column `x`, row `y`; reading outside the grid gives a blank cell and
    /// writing outside it does nothing.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes `text` at column `x` of row `y`, clipped to `maxWidth` columns (default: to the
    /// right edge). Returns the number of columns written. Characters of width 0 (combining
    /// marks) join the previous cell.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + max(0, maxWidth ?? width))
        var col = x
        let safe = TerminalText.sanitize(text)
        for character in safe {
            let w = DisplayWidth.of(character)
            if w <= 0 {
                if col > x, col - 1 >= 0, col - 1 < width {
                    // Combining mark: append to the previous cell's cluster.
                    var prev = self[col - 1, y]
                    if prev.isContinuation, col - 2 >= 0 {
                        prev = self[col - 2, y]; prev.text += String(character); self[col - 2, y] = prev
                    } else {
                        prev.text += String(character); self[col - 1, y] = prev
                    }
                }
                continue
            }
            if col + w > limit {
                while col < limit { if col >= 0 { self[col, y] = Cell(text: " ", style: style) }; col += 1 }
                break
            }
            if col >= 0 {
                clearWide(at: col, y: y)
                self[col, y] = Cell(text: String(character), style: style)
                if w == 2 {
                    clearWide(at: col + 1, y: y)
                    self[col + 1, y] = Cell(text: "", style: style)
                }
            }
            col += w
        }
        return col - x
    }

    /// Fills `rect` (clipped to the grid) with `cell`. A wide character cut by either edge
    /// loses its other half too (blanked), so no half character stays on screen.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            clearWide(at: x0, y: y)
            clearWide(at: x1 - 1, y: y)
            for x in x0..<x1 { cells[y * width + x] = cell }
        }
    }

    /// Sets the style of every cell in `rect` without changing its text.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 { for x in x0..<x1 { cells[y * width + x].style = style } }
    }

    /// Row `y` as plain text (continuation cells skipped), trailing blanks kept.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var s = ""
        for x in 0..<width { s += cells[y * width + x].text }
        return s
    }

    /// Every row as plain text with trailing blanks removed: what a person would read,
    /// for tests and for `towns report`.
    public func lines() -> [String] {
        (0..<height).map { y in
            var s = line(y)
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
    }

    /// Overwriting half of a wide character blanks its other half, so a stale half never
    /// stays on screen.
    private mutating func clearWide(at x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        let cell = self[x, y]
        if cell.isContinuation, x > 0 {
            self[x - 1, y] = Cell(text: " ", style: self[x - 1, y].style)
        } else if DisplayWidth.of(cell.text) == 2, x + 1 < width {
            self[x + 1, y] = Cell(text: " ", style: self[x + 1, y].style)
        }
    }
}
