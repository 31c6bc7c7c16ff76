import TownsCore

/// The key-hint line of a follower following its presenter (issue 16): only the keys that act
/// there (`followerRefuses` refuses those that move around), browsing alone first.
extension Renderer {
    /// The follower's hints; `key` names the key bound to an action (nil: unbound, not shown).
    static func followerHints(_ key: (Action) -> String?) -> [KeyHint] {
        let acting: [(Bilingual, Int, Action)] = [
            (Catalogue.hintBrowseAlone, 100, .meeting(.toggleFollow)),
            (Catalogue.hintExport, 100, .export), (Catalogue.hintCopy, 82, .copy),
            (Catalogue.hintTheme, 40, .cycleTheme), (Catalogue.hintLanguage, 60, .toggleLanguage),
            (Catalogue.hintCommand, 100, .startCommand),
            (Catalogue.hintHelp, 99, .toggleHelp), (Catalogue.hintQuit, 98, .quit),
        ]
        // e, : and ? are kept whatever else gives way (README), as on a list: e at 100.
        // `:` is the follower's way to everything else (:follow, :lang, :export): a hint the
        // line keeps (priority above `meetingPriority`), as `: cmd` where the line is tight.
        return acting.compactMap { label, priority, action in
            key(action).map {
                KeyHint(keys: $0, label: label, priority: priority,
                        short: action == .startCommand ? Catalogue.hintCommandShort : nil)
            }
        }
    }
}
