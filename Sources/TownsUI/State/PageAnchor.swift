import TownsCore

/// Where a page is scrolled to, by its content rather than its line number (issue 16): a
/// follower at another width or in another language wraps the page's lines differently, so the
/// presenter's line number would show other content. A page's keyed lines (`DetailLine.isKeyed`:
/// its title, each heading, each field's label) are the same, in the same order, at every width
/// and in both languages; the anchor names the last keyed line at or above the top of the
/// screen, and how far below it the top is.
public struct PageAnchor: Codable, Equatable, Sendable {
    /// The keyed line's place among the page's keyed lines, from 0; -1: above the first.
    public var key: Int
    /// Lines from that keyed line (or the page's first line, for -1) to the top of the screen.
    public var offset: Int

    public init(key: Int, offset: Int) {
        self.key = key
        self.offset = offset
    }
}

extension DetailLine {
    /// Whether the line begins a piece of the page's content: the title, a heading, or a field
    /// (a line that starts with its label); not a wrapped note's or source's next line.
    var isKeyed: Bool {
        guard case let .text(_, role)? = pieces.first else { return false }
        return role == .title || role == .header || role == .label
    }
}

extension AppState {
    /// What followers are sent (`Session.forFollowers`), each page screen of the stack with its
    /// scroll as a `PageAnchor` worked out at this terminal's width and in its language.
    public var sessionForFollowers: Session {
        var session = self.session.forFollowers
        let width = Renderer.bodyRect(width: self.width, height: height).width
        for i in session.stack.indices where session.stack[i].kind.isPage {
            let screen = session.stack[i]
            let lines = pageLines(screen.kind, width: width)
            let keyed = lines.indices.filter { lines[$0].isKeyed }
            let key = keyed.lastIndex { $0 <= screen.scroll } ?? -1
            session.stack[i].anchor = PageAnchor(key: key, offset: screen.scroll - (key < 0 ? 0 : keyed[key]))
        }
        return session
    }
}

/// `state` with each page screen that came with an anchor scrolled to it at this terminal's
/// width and in its language: to the same keyed line, and as far below it as the presenter is
/// but not past the next keyed line; a key past the page's last keyed line goes to the last.
func anchored(_ state: AppState) -> AppState {
    var s = state
    let width = Renderer.bodyRect(width: s.width, height: s.height).width
    for i in s.stack.indices {
        guard s.stack[i].kind.isPage, let anchor = s.stack[i].anchor else { continue }
        let lines = s.pageLines(s.stack[i].kind, width: width)
        let keyed = lines.indices.filter { lines[$0].isKeyed }
        let key = min(anchor.key, keyed.count - 1)
        let start = key < 0 ? 0 : keyed[key]
        let next = key + 1 < keyed.count ? keyed[key + 1] : lines.count
        let line = start + min(max(0, anchor.offset), max(0, next - 1 - start))
        s.stack[i].scroll = max(0, min(line, lines.count - Renderer.visibleLines(s)))
    }
    return s
}
