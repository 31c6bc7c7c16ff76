/// The presentation layout (`P`, `Session.presentation`), for a projector at 80x24: besides
/// the towns view's fewer columns and wider bars (`TownsView`), more space in every list but
/// the overview (whose panels are laid out to the screen): wider gaps between columns and a
/// blank line between rows. The key moves, the mouse and the scroll follow the same pitch
/// (`visibleRows`), so the selected row and the totals stay on screen.
extension Renderer {
    /// Blank columns between a table's columns in the presentation layout.
    public static let presentationColumnGap = 3

    /// Whether the presentation layout's spacing applies to the screen shown.
    static func spaced(_ state: AppState) -> Bool {
        state.session.presentation && state.screen.kind != .overview && !state.screen.kind.isPage
    }

    /// Blank columns between a list's columns now (`TableLayout.columnGap`).
    public static func columnGap(_ state: AppState) -> Int {
        spaced(state) ? presentationColumnGap : TableLayout.gap
    }

    /// Lines from one row of a list to the next now: 2 (a blank line between) in the
    /// presentation layout, else 1.
    public static func rowPitch(_ state: AppState) -> Int {
        spaced(state) ? 2 : 1
    }
}
