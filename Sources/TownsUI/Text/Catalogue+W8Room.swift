import TownsCore

/// The catalogue's texts of task w9-room (the command line's answers); kept apart so helpers
/// can merge.
extension Catalogue {
    /// `:view NAME` naming no view: what was typed, then every view as `:view` takes it, each
    /// with its digit (`views`: `0 overview 1 towns … 7 changes`, from `Commands.views`).
    static func noView(_ typed: String, _ views: String) -> Bilingual {
        Bilingual("没有视图「\(typed)」：\(views)", "no view \"\(typed)\": \(views)")
    }
}
