import TownsCore

/// The catalogue's texts of wave 6's screens work (w6-screens): the hint line's short words,
/// the copy's honest status and the message log (`:messages`); kept apart so helpers can merge.
extension Catalogue {
    /// The hint line's shorter words, where the line is tight (80 columns in English).
    static let hintSearchShort = Bilingual("搜索", "find")
    static let hintCommandShort = Bilingual("命令", "cmd")

    /// After `y`, the sequence written (OSC 52): the terminal alone knows whether it arrived
    /// (tmux's default `set-clipboard external` drops it), so this says sent, not copied.
    static func sentRows(_ n: String) -> Bilingual {
        // Short (wave 21): at 80 columns the file's name after it must fit (the help says tab-separated).
        Bilingual("已把 \(n) 行发送到终端剪贴板（OSC 52）", "sent " + EnglishCount.of(n, "row") + " to the clipboard (OSC 52)")
    }
    /// After the copy's status: the file the copied text is also in.
    static func copyAlsoIn(_ path: String) -> Bilingual {
        Bilingual("；表格也在 \(path)", "; also in \(path)")
    }
    /// After the copy's status: the file could not be written, and why.
    static func copyNotSaved(_ why: String) -> Bilingual {
        Bilingual("；未能另存为文件：\(why)", "; not saved to a file: \(why)")
    }
}

extension Catalogue {
    /// The message log's page (`:messages`): its breadcrumb, heading, empty text, warning mark.
    static let messagesTitle = Bilingual("消息", "Messages")
    static func messagesHeading(_ n: String) -> Bilingual {
        Bilingual("本次会话的状态消息（\(n) 条，最新在最后）", "This session's status messages (\(n), newest last)")
    }
    static let noMessagesYet = Bilingual("本次会话还没有状态消息", "no status messages yet this session")
    static let messageWarning = Bilingual("警告", "warning")
    /// The help's line for `M` (`:messages`).
    static let keyMessages = Bilingual("本次会话的消息（:messages）", "this session's messages (:messages)")
    /// The help's line for the command `:messages`.
    static let helpMessages = Bilingual("列出本次会话的状态消息及其时间，最新在最后",
                                        "list this session's status messages with their time, newest last")
}
