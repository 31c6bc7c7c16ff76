import TownsCore

/// The meeting on the key-hint line's right end (issue 16): presenting and how many follow,
/// whom this dashboard follows, browsing alone, browsing alone because the data differs (a
/// warning: `alone: data differs`), or a meeting that ended.
extension Renderer {
    /// The badge's text and whether it is a warning; nil when not in a meeting.
    /// Presenting: the full chip where the key hints beside it keep every key a meeting needs
    /// (`meetingPriority`, and the arrows and q) that the short one leaves, else the short one
    /// (`会议 m7：1人`, `1 following m7`), then the name cut, then the nameless (`会议1人`); the name kept
    /// before the arrows' and Enter's words, never before the arrows and q themselves (since wave 34:
    /// before, the name went before them too). Where even the nameless one would push the arrows or q
    /// off, no chip.
    static func meetingBadge(_ state: AppState, glyphs: Glyphs = .unicode) -> (text: String, warning: Bool)? {
        switch state.meeting {
        case nil: return nil
        case let .presenting(name, attached, otherData)?:
            // The count is of those who see this screen; those on other data are said in the full
            // chip, and the chip is a warning while any are (wave 34's fresh user).
            let followers = max(0, attached - otherData)
            let warning = otherData > 0
            // The keys a meeting needs, and the arrows and q, that the short chip leaves.
            let needed = Set(keyHintCandidates(state, glyphs: glyphs).filter { $0.priority >= meetingPriority - 1 }
                .map { $0.keys })
            // Each with its word: the full chip is not worth the arrows' and Enter's (`KeyHint.bare`).
            func kept(_ badge: String) -> Set<String> {
                Set(keyHintLine(state, width: state.width - DisplayWidth.of(badge) - 2, glyphs: glyphs).hints
                    .filter { needed.contains($0.0) }.map { $0.0 + " " + $0.1 })
            }
            // A long name gives way before a key does (wave 21: at 80 columns an entity's towns
            // lost `y` and `b` beside `会议 weekly-review·1`): the name cut with `…`, then left out
            // (`会议·1`; the status line named the meeting when it opened, `:messages` keeps it).
            // Before the name is cut, the shortest form that names it whole (`meeting lc: 1`); the
            // cut names in that form (wave 29: on a type's towns at 80x24 the name was left out).
            let (shortest, cuts, forms) = presenterChipForms(state, name: name, followers: followers,
                                                             otherData: otherData, glyphs: glyphs)
            // The arrows and q (`meetingPriority - 1` presenting): the line's first keys, never given
            // to the chip (wave 21's design; wave 34's fresh user, a filter on at 80x24, lost both
            // to `会议 f2mtg2:0`, the name kept before them since wave 29).
            let essentials = Set(keyHintCandidates(state, glyphs: glyphs).filter { $0.priority == meetingPriority - 1 }
                .map { $0.keys })
            func keepsEssentials(_ badge: String) -> Bool {
                essentials.isSubset(of: Set(keyHintLine(state, width: state.width - DisplayWidth.of(badge) - 2,
                                                        glyphs: glyphs).hints.map { $0.0 }))
            }
            let nameless = forms[forms.count - 1]
            let most = kept(nameless)
            if let form = forms.dropLast().first(where: { most.isSubset(of: kept($0)) && keepsEssentials($0) }) {
                return (form, warning)
            }
            // Followers on other data (not seeing this screen) are said before the meeting's other
            // keys' hints: the short forms, with their count, where the arrows and q stay (wave 35's
            // fresh user at 80 columns saw `会议 m1：0人` alone, the warning gone from the status line).
            if warning, let form = forms.dropFirst().first(where: keepsEssentials) { return (form, warning) }
            // Else the name, whole or cut, before the words of the keys known to all (`KeyHint.bare`:
            // `移动`, `打开`), not before those keys nor a meeting's own (`/ b y`), as since wave 29.
            let meetings = Set(keyHintCandidates(state, glyphs: glyphs).filter { $0.priority >= meetingPriority }
                .map { $0.keys })
            func keys(_ badge: String) -> Set<String> {
                Set(keyHintLine(state, width: state.width - DisplayWidth.of(badge) - 2, glyphs: glyphs).hints
                    .map { $0.0 }.filter { meetings.contains($0) })
            }
            let least = keys(nameless)
            if let named = ([shortest] + cuts).first(where: { least.isSubset(of: keys($0)) && keepsEssentials($0) }) {
                return (named, warning)
            }
            // Else the nameless chip where it leaves the arrows and q, else none: the presenter
            // knows the meeting (the status line named it when it opened, `:messages` keeps it).
            if keepsEssentials(nameless) { return (nameless, warning) }
            // With followers on other data, where their count leaves no room, the count of those
            // following alone (`会议0人`, a warning still) rather than no chip.
            let plain = state.tr(Catalogue.badgePresentingNameless(followers))
            return otherData > 0 && keepsEssentials(plain) ? (plain, warning) : nil
        case let .following(f)?:
            if f.dataDiffers {
                // Browsing alone because the data differs: the whole chip (with what to do) where
                // it costs no key hint beside the short one and fits in half the line.
                let full = state.tr(Catalogue.badgeDataDiffers)
                let short = state.tr(Catalogue.badgeDataDiffersShort)
                func shown(_ badge: String) -> [String] {
                    keyHintLine(state, width: state.width - DisplayWidth.of(badge) - 2, glyphs: glyphs).hints.map { $0.0 }
                }
                let whole = DisplayWidth.of(full) + 2 <= state.width / 2 && shown(full) == shown(short)
                return (whole ? full : short, true)
            }
            if f.detached {
                // Whole or short, never cut mid-word: the full text where it fits in half the
                // line (the key hints keep the other half), else `alone · f rejoins`.
                // Since wave 31 the full one only where it costs none of the keys the line keeps first
                // (`meetingPriority - 1` and up: the arrows, q, `/`, `y`), nor their words, beside the short one (at 100
                // columns in Chinese it took `↑↓` and `q 退出`).
                let key = state.keyName(.meeting(.toggleFollow))
                let full = state.tr(Catalogue.badgeDetached(f.meeting, f.presenter, key))
                let short = state.tr(Catalogue.badgeDetachedShort(key))
                let needed = Set(keyHintCandidates(state, glyphs: glyphs).filter { $0.priority >= meetingPriority - 1 }
                    .map { $0.keys })
                func shown(_ badge: String) -> [String] {
                    keyHintLine(state, width: state.width - DisplayWidth.of(badge) - 2, glyphs: glyphs).hints
                        .filter { needed.contains($0.0) }.map { $0.0 + " " + $0.1 }  // with their words
                }
                if DisplayWidth.of(full) + 2 <= state.width / 2, shown(full) == shown(short) { return (full, false) }
                return (short, false)
            }
            return (state.tr(Catalogue.badgeFollowing(f.presenter)), false)
        case .ended?:
            // The status line said why (a flash); the chip is short and gives way: it is shown
            // only where every key hint beside it stays (at 80 columns `b` and `y` did not).
            let chip = state.tr(Catalogue.badgeEndedShort)
            func shown(_ width: Int) -> [String] { keyHintLine(state, width: width, glyphs: glyphs).hints.map { $0.0 } }
            return shown(state.width - DisplayWidth.of(chip) - 2) == shown(state.width) ? (chip, true) : nil
        case .left?:
            // This follower left (`:follow off`): it browses alone, nothing to warn of. The chip is
            // the only place that says so once the status line's flash is gone: it is shown where it
            // costs none of the keys the line keeps first (`meetingPriority - 1` and up: the arrows,
            // q, `/`, `y`), lesser hints giving way to it and words shortening (`/ find` for `/ search`)
            // (at 80 columns it gave way to any hint and was never shown: wave 31's fresh user).
            // Whole, else short (`left`, `已离会`: the towns view at 80 columns in English).
            let needed = Set(keyHintCandidates(state, glyphs: glyphs).filter { $0.priority >= meetingPriority - 1 }
                .map { $0.keys })
            func shown(_ width: Int) -> [String] {
                keyHintLine(state, width: width, glyphs: glyphs).hints.map { $0.0 }.filter { needed.contains($0) }
            }
            let all = shown(state.width)
            let (whole, short) = (state.tr(Catalogue.badgeLeft), state.tr(Catalogue.badgeLeftShort))
            if let chip = [whole, short].first(where: { chip in
                DisplayWidth.of(chip) + 2 <= state.width / 2 && shown(state.width - DisplayWidth.of(chip) - 2) == all
            }) { return (chip, false) }
            // Where even the short chip would cost one of those keys (a filter's `c` at 80 columns,
            // every width at 60: wave 33's fresh user never saw it there), it is shown anyway, short:
            // a follower who left must not take its screen for the presenter's. The arrows and q
            // still stay (`left` is 6 cells; the line drops its least needed hints for it).
            guard DisplayWidth.of(short) + 2 <= state.width / 2 else { return nil }
            return (short, false)
        }
    }

    /// The presenter's chip's forms, longest first, each once: the full, the short, the shortest
    /// naming the meeting whole (`shortest`), those with the name cut (`cuts`), the nameless. In
    /// Chinese the shortest is the short one's text (`会议 m7:1`), so it is left out of `forms`: the
    /// hint line was laid out for it twice per presenter frame (wave 30).
    static func presenterChipForms(_ state: AppState, name: String, followers: Int, otherData: Int = 0,
                                   glyphs: Glyphs)
        -> (shortest: String, cuts: [String], forms: [String]) {
        let full = state.tr(Catalogue.badgePresenting(name, followers, other: otherData))
        let short = state.tr(Catalogue.badgePresentingShort(name, followers, other: otherData))
        let shortest = state.tr(Catalogue.badgePresentingShortest(name, followers, other: otherData))
        let cuts = [12, 8, 5, 3].filter { $0 < name.count }.map {
            state.tr(Catalogue.badgePresentingShortest(String(name.prefix($0)) + glyphs.cut, followers, other: otherData))
        }
        let forms = [full, short] + (shortest == short ? [] : [shortest]) + cuts
            + [state.tr(Catalogue.badgePresentingNameless(followers, other: otherData))]
        return (shortest, cuts, forms)
    }

    func drawMeetingBadge(into grid: inout Grid, _ state: AppState) {
        guard let (text, warning) = Renderer.meetingBadge(state, glyphs: glyphs) else { return }
        let y = state.height - 1
        let shown = " " + text + " "
        let width = min(DisplayWidth.of(shown), state.width / 2)
        let x = state.width - width
        grid.fill(Rect(x: x, y: y, width: width, height: 1), with: Cell(text: " ", style: theme.style(.keyHint)))
        grid.put(shown, x: x, y: y, style: theme.style(warning ? .warning : .message), maxWidth: width)
    }
}
