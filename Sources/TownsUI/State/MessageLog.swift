import Foundation

/// This session's status messages (wave 6, `:messages`, as vim's): a message shows on the
/// status line until the next key, and a long one is cut to its line (wave 20); the log keeps each
/// with the time it appeared, oldest first, so one missed can be read again. Kept in memory
/// for the process only (not in `Session`: a follower's log is its own), at most `limit`.
public struct MessageLog: Sendable, Equatable {
    /// One message: when it appeared (the local clock, `HH:mm:ss`), its text as first shown,
    /// its words in both languages where the catalogue gave them (`:messages` shows them in the
    /// language of the moment, so `L` rewords the log as it does the status line: wave 39), and
    /// whether it was a warning (`Flash.Level.warning`).
    public struct Entry: Sendable, Equatable {
        public var time: String
        public var text: String
        public var words: Bilingual?
        public var warning: Bool

        /// The words in `language` where both are known, else the text as first shown.
        public func text(in language: Language) -> String {
            words.map { language == .zh ? $0.zh : $0.en } ?? text
        }
    }

    /// The messages, oldest first.
    public private(set) var entries: [Entry] = []
    /// The most kept; older ones give way.
    public static let limit = 500
    /// How many older messages gave way to newer ones (`limit`): the log's page says so (wave
    /// 23's F24: it kept the last 500 without saying any were dropped).
    public private(set) var dropped = 0

    public init() {}

    /// Logs `flash` as shown now (`clock`: the time, `HH:mm:ss`).
    public mutating func append(_ flash: Flash, at clock: String = MessageLog.clock()) {
        entries.append(Entry(time: clock, text: flash.text, words: flash.words, warning: flash.level == .warning))
        if entries.count > Self.limit {
            dropped += entries.count - Self.limit
            entries.removeFirst(entries.count - Self.limit)
        }
    }

    /// The local time now as `HH:mm:ss`.
    public static func clock(_ date: Date = Date()) -> String {
        let t = localTime(date)
        return "\(twoDigits(t.tm_hour)):\(twoDigits(t.tm_min)):\(twoDigits(t.tm_sec))"
    }

    /// `date` in local time (`TZ`, else the system's zone, as `Calendar.current` reads it), by
    /// the C library: the first frame's clocks load no ICU calendar or formatter (a few ms).
    public static func localTime(_ date: Date) -> tm {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        localtime_r(&seconds, &parts)
        return parts
    }

    /// `n` in two digits or more, zero-padded (`7` → `07`).
    public static func twoDigits(_ n: Int32) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }
}

/// `:messages` / `M`: the log's page on top of the screen shown, scrolled to its end (newest
/// last, as vim shows them); Esc goes back.
func showingMessages(_ state: AppState) -> AppState {
    var s = state
    if s.screen.kind == .messages { s.stack.removeLast() }
    let lines = s.pageLines(.messages, width: Renderer.bodyRect(width: s.width, height: s.height).width).count
    s.stack.append(Screen(.messages, scroll: max(0, lines - Renderer.visibleLines(s))))
    return s
}

extension AppState {
    /// The message log as a page: a heading (and how many older messages gave way, if any), then each message (its time, a warning marked
    /// `!`/警告), wrapped to `width` under its time; "none yet" when empty.
    func messagesPage(width: Int) -> [DetailLine] {
        var out: [DetailLine] = [.text(tr(Catalogue.messagesHeading("\(messageLog.entries.count)")), .header)]
        if messageLog.dropped > 0 {
            let said = tr(Catalogue.messagesDropped("\(messageLog.dropped)", "\(MessageLog.limit)"))
            out += TextWrap.wrap(said, width: max(10, width)).map { .text($0, .unknown) }
        }
        if messageLog.entries.isEmpty { return out + [.text(tr(Catalogue.noMessagesYet), .unknown)] }
        for e in messageLog.entries {
            let lead = e.time + "  " + (e.warning ? tr(Catalogue.messageWarning) + " " : "")
            let wrapped = TextWrap.wrap(e.text(in: language), width: max(10, width - DisplayWidth.of(lead)))
            for (i, line) in wrapped.enumerated() {
                let pad = i == 0 ? lead : String(repeating: " ", count: DisplayWidth.of(lead))
                out.append(.text(pad + line, e.warning ? .warning : .row))
            }
        }
        return out
    }
}
