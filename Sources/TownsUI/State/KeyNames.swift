/// Names of actions and keys as a configuration file writes them.
///
/// Actions: moveUp moveDown pageUp pageDown first last open back nextView previousView
/// viewOverview viewTowns viewTypes viewEntities viewAssessment viewProvince viewReference viewChanges
/// nextPeriod previousPeriod help theme language search narrow nextMatch previousMatch sort
/// sortReverse sortLargestFirst sortSmallestFirst behind clearFilter
/// command export copy quit follow presentation messages.
/// Keys: a character (`j`, `?`, `海`), or `Up Down Left Right PgUp PgDn Home End Enter Esc
/// Backspace Tab Shift-Tab Del Space F1`..`F12`, `Ctrl-A`..`Ctrl-Z`.
public enum KeyNames {
    /// Every action that can be bound, by its configuration name.
    public static let actions: [(name: String, action: Action)] = [
        ("moveUp", .moveUp), ("moveDown", .moveDown), ("pageUp", .pageUp), ("pageDown", .pageDown),
        ("first", .first), ("last", .last), ("open", .open), ("back", .back),
        ("nextView", .nextView), ("previousView", .previousView),
        ("viewOverview", .showView(.overview)), ("viewTowns", .showView(.townList)),
        ("viewTypes", .showView(.typeList)),
        ("viewEntities", .showView(.entityList)),
        ("viewAssessment", .showView(.assessment)), ("viewProvince", .showView(.province)),
        ("viewReference", .showView(.reference)), ("viewChanges", .showView(.changes)),
        ("nextPeriod", .nextPeriod), ("previousPeriod", .previousPeriod), ("help", .toggleHelp),
        ("theme", .cycleTheme), ("language", .toggleLanguage), ("search", .startSearch), ("narrow", .startNarrowing),
        ("nextMatch", .nextMatch), ("previousMatch", .previousMatch), ("sort", .sortNextColumn),
        ("sortReverse", .sortReverse),
        ("sortLargestFirst", .chooseSort(descending: true)),
        ("sortSmallestFirst", .chooseSort(descending: false)), ("behind", .toggleBehindFilter),
        ("clearFilter", .clearFilter), ("command", .startCommand), ("export", .export), ("copy", .copy),
        ("quit", .quit),
        ("follow", .meeting(.toggleFollow)), ("presentation", .meeting(.togglePresentation)),
        ("messages", .showMessages),
    ]

    public static func action(named name: String) -> Action? {
        actions.first { $0.name == name }?.action
    }

    static let named: [String: Key] = [
        "up": .up, "down": .down, "left": .left, "right": .right, "pgup": .pageUp, "pageup": .pageUp,
        "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end, "enter": .enter, "return": .enter,
        "esc": .escape, "escape": .escape, "backspace": .backspace, "tab": .tab, "shift-tab": .backTab,
        "backtab": .backTab, "del": .delete, "delete": .delete, "space": .char(" "),
    ]

    /// The key a configuration names, or nil.
    public static func key(_ name: String) -> Key? {
        if name.count == 1, let c = name.first { return .char(c) }
        let lower = name.lowercased()
        if let k = named[lower] { return k }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...12).contains(n) { return .function(n) }
        if lower.hasPrefix("ctrl-"), lower.count == 6, let c = lower.last, c.isASCII, c.isLetter { return .ctrl(c) }
        return nil
    }
}

extension KeyMap {
    /// One `action = ["key", ...]` line of a configuration's `[keys]` table.
    public struct Rebinding: Sendable {
        public var action: String
        public var keys: [String]
        /// Where it was written, for messages ("config.toml:12").
        public var location: String
        public init(action: String, keys: [String], location: String) {
            self.action = action; self.keys = keys; self.location = location
        }
    }

    /// This key map with `rebindings` applied: each replaces the keys of its action. An
    /// unknown action, an unknown key name, or a key that another action would then also
    /// have is reported (with its location) and that line is ignored: the defaults stay.
    ///
    /// Conflicts are judged on the map with every rebinding applied, so the order of the
    /// lines does not matter (`quit = ["x"]` and `search = ["q"]` work in either order): a
    /// line one of whose keys another action still has is dropped, and the map judged again,
    /// until no key has two actions. Problems are listed in the order of the lines.
    public func applying(_ rebindings: [Rebinding]) -> (KeyMap, [String]) {
        var problems = [String?](repeating: nil, count: rebindings.count)
        var parsed: [(line: Int, binding: Int, keys: [(key: Key, name: String)])] = []
        for (n, r) in rebindings.enumerated() {
            guard let action = KeyNames.action(named: r.action),
                let index = bindings.firstIndex(where: { $0.action == action })
            else {
                problems[n] =
                    "\(r.location): keys.\(r.action): unknown action"
                        + "; actions: \(KeyNames.actions.map(\.name).joined(separator: " "))"
                continue
            }
            var keys: [(key: Key, name: String)] = []
            // Every key of the line that cannot be bound is named, not only the first.
            var refused: [String] = []
            for name in r.keys {
                guard let key = KeyNames.key(name) else {
                    refused.append("unknown key '\(name)'")
                    continue
                }
                if [Key.ctrl("c"), .ctrl("z"), .ctrl("s"), .ctrl("q")].contains(key) {
                    refused.append("'\(name)' belongs to the terminal (interrupt, suspend or flow control) and " +
                        "cannot be bound")
                    continue
                }
                keys.append((key, name))
            }
            guard refused.isEmpty else {
                problems[n] = "\(r.location): keys.\(r.action): " + refused.joined(separator: "; ")
                continue
            }
            guard !keys.isEmpty else {
                problems[n] = "\(r.location): keys.\(r.action): no keys; keeping the defaults"; continue
            }
            parsed.append((n, index, keys))
        }
        var active = parsed
        while true {
            var map = self
            for p in active { map.bindings[p.binding].keys = p.keys.map(\.key) }
            var dropped: Set<Int> = []
            for p in active {
                for (key, name) in p.keys {
                    guard
                        let other = map.bindings.indices.first(where: {
                            $0 != p.binding && map.bindings[$0].keys.contains(key)
                        })
                    else { continue }
                    let r = rebindings[p.line]
                    let otherName = KeyNames.actions.first { $0.action == map.bindings[other].action }?.name ?? "?"
                    problems[p.line] =
                        "\(r.location): keys.\(r.action): '\(name)' is already bound to \(otherName)"
                            + "; keeping the defaults for \(r.action)"
                    dropped.insert(p.line)
                    break
                }
            }
            if dropped.isEmpty { return (map, problems.compactMap { $0 }) }
            active.removeAll { dropped.contains($0.line) }
        }
    }
}
