import TownsCore

/// The key-hint line of a follower following its presenter (issue 16): only the keys that act
/// there (`followerRefuses` refuses those that move around), browsing alone first.
extension Renderer {
    /// The follower's hints; `key` names the key bound to an action (nil: unbound, not shown).
    static func followerHints(_ key: (Action) -> String?) -> [KeyHint] {
        let acting: [(Bilingual, Int, Action)] = [
            (Catalogue.hintBrowseAlone, 100, .meeting(.toggleFollow)),
            (Catalogue.hintExport, 80, .export), (Catalogue.hintCopy, 82, .copy),
            (Catalogue.hintTheme, 40, .cycleTheme), (Catalogue.hintLanguage, 60, .toggleLanguage),
            (Catalogue.hintCommand, 50, .startCommand),
            (Catalogue.hintHelp, 99, .toggleHelp), (Catalogue.hintQuit, 98, .quit),
        ]
        return acting.compactMap { label, priority, action in
            key(action).map { KeyHint(keys: $0, label: label, priority: priority) }
        }
    }
}
