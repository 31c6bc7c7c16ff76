import TownsCore

/// The key-hint line of a follower following its presenter (issue 16): only the keys that act
/// there (`followerRefuses` refuses those that move around), browsing alone first.
extension Renderer {
    /// The follower's hints; `key` names the key bound to an action (nil: unbound, not shown).
    static func followerHints(_ key: (Action) -> String?) -> [KeyHint] {
        let acting: [(Bilingual, Int, Action)] = [
            (Catalogue.hintBrowseAlone, 100, .meeting(.toggleFollow)),
            // `y` and `t` both kept at 80 columns in English, the words shorter (`: cmd`) and one
            // blank apart rather than either giving way.
            (Catalogue.hintExport, 100, .export), (Catalogue.hintCopy, meetingPriority - 1, .copy),
            // `t` changes this follower's own colours (the presenter's theme is never sent: a
            // projector's or a colour-blind reader's choice); kept with the meeting's keys, the line
            // going tighter first (wave 30's fresh user: it never showed).
            // `L` too (this follower's own language: wave 36's fresh user found it missing at 80
            // columns), `f`'s word shorter where the line is tight (`f alone`).
            (Catalogue.hintTheme, meetingPriority - 1, .cycleTheme),
            (Catalogue.hintLanguage, meetingPriority - 1, .toggleLanguage),
            (Catalogue.hintCommand, 100, .startCommand),
            (Catalogue.hintHelp, 99, .toggleHelp), (Catalogue.hintQuit, 98, .quit),
        ]
        // e, : and ? are kept whatever else gives way (README), as on a list: e at 100.
        // `:` is the follower's way to everything else (:follow, :lang, :export): a hint the
        // line keeps (priority above `meetingPriority`), as `: cmd` where the line is tight.
        return acting.compactMap { label, priority, action in
            key(action).map {
                KeyHint(keys: $0, label: label, priority: priority,
                        short: action == .startCommand ? Catalogue.hintCommandShort
                            : action == .meeting(.toggleFollow) ? Catalogue.hintBrowseAloneShort : nil)
            }
        }
    }
}
