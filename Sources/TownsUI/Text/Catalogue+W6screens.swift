import TownsCore

/// The catalogue's texts of wave 6's screens work (w6-screens): the hint line's short words,
/// the copy's honest status and the message log (`:messages`); kept apart so helpers can merge.
extension Catalogue {
    /// The hint line's shorter words, where the line is tight (80 columns in English).
    static let hintSearchShort = Bilingual("搜索", "find")
    static let hintCommandShort = Bilingual("命令", "cmd")
}
