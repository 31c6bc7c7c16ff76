import Dispatch
import Foundation
import TownsCore
import TownsTerminal
import TownsUI

/// A line on standard error when reading the data before the first screen takes longer than
/// `delay` seconds (a large dataset's first start, before its snapshot exists): without it a
/// user at 2,000 towns saw an empty terminal for seconds and could not tell a hang from work.
/// Written only when standard error is a terminal (never into a log or a pipe), once, in the
/// reader's language where the locale can show it (English under a non-UTF-8 locale such as
/// `LANG=C`, as the dashboard does); cancelled when the data has been read.
///
/// Its words say why the text is read (`Cause`, which the loader reports through `reading`):
/// no snapshot yet, the data changed since it, the snapshot refused as damaged, truncated or of
/// another version (wave 38's fresh user: a damaged snapshot was announced as "no snapshot of
/// this data yet"), or snapshots off. Written when both the delay has passed and the cause is
/// known, so a start from a good snapshot, which reports nothing, writes nothing.
final class SlowStartNotice: @unchecked Sendable {
    /// Why the dashboard reads the data's text rather than its snapshot.
    enum Cause: Equatable, Sendable {
        /// `TOWNS_SNAPSHOT=0`: snapshots are off.
        case snapshotsOff
        /// There is no cache folder (neither `TOWNS_CACHE`, `XDG_CACHE_HOME` nor `HOME`).
        case noCacheFolder
        /// The snapshot was not used, and why (missing and stale are the ordinary cases).
        case refused(SnapshotRejection)
    }

    private let lock = NSLock()
    private var done = false
    private var due = false
    private var cause: Cause?
    private let directory: String
    private let utf8: Bool
    private let width: Int?

    /// Schedules the line for `directory`'s data (shown as given) after `delay` seconds
    /// (`TOWNS_SLOW_START_SECONDS` when set to a number from 0 to 60, else 0.5); it is written
    /// then, or when the loader reports its cause (`reading`) if later.
    init(directory: String, delay: Double = SlowStartNotice.delay()) {
        self.directory = directory
        guard isatty(STDERR_FILENO) == 1 else { done = true; utf8 = false; width = nil; return }
        utf8 = Terminal.environmentIsUTF8
        width = Terminal.columns(of: STDERR_FILENO)
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + delay) { [self] in
            lock.lock()
            defer { lock.unlock() }
            guard !done else { return }
            due = true
            if let cause { write(cause) }
        }
    }

    /// The text is read, for `cause`: the line is written now if its delay has passed, else
    /// when it does (unless cancelled first).
    func reading(_ cause: Cause) {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return }
        self.cause = cause
        if due { write(cause) }
    }

    /// Writes the line (the lock held).
    private func write(_ cause: Cause) {
        done = true
        printError(Self.line(directory: directory, cause: cause, utf8: utf8, width: width))
    }

    /// The delay before the line: `TOWNS_SLOW_START_SECONDS` (0-60 s), else 0.5 s.
    static func delay(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Double {
        guard let text = environment["TOWNS_SLOW_START_SECONDS"], let value = Double(text),
              value >= 0, value <= 60 else { return 0.5 }
        return value
    }

    /// The line itself for `cause` (no snapshot yet when not given): Chinese and English where
    /// the locale is UTF-8, English alone otherwise; each broken at words into lines of at most
    /// `width` cells (the terminal's columns), so the terminal never wraps it mid-word (wave 30's
    /// fresh user: `builds a s|napshot`); nil: as is.
    static func line(directory: String, cause: Cause = .refused(.missing("")), utf8: Bool,
                     width: Int? = nil) -> String
    {
        // Not "a first start": a start during another's rebuild, or after an edit, reads the text
        // too, and its background rebuild then leaves the snapshot to the one running (wave 35).
        let rebuilt = Bilingual("读取并核对文本，快照在后台重新生成；以后启动读取快照",
                                "the text is read and checked while the snapshot is rebuilt in the background; "
                                    + "later starts read the snapshot")
        let why: Bilingual
        switch cause {
        case .snapshotsOff:
            why = Bilingual("快照已关闭（TOWNS_SNAPSHOT=0）：读取并核对文本",
                            "snapshots are off (TOWNS_SNAPSHOT=0): the text is read and checked")
        case .noCacheFolder:
            why = Bilingual("没有缓存文件夹（请设 XDG_CACHE_HOME 或 HOME），不用快照：读取并核对文本",
                            "no cache folder for a snapshot (set XDG_CACHE_HOME or HOME): the text is read and checked")
        case .refused(.missing):
            why = Bilingual("尚无这份数据的快照：读取并核对文本，快照在后台生成；以后启动读取快照",
                            "no snapshot of this data yet: the text is read and checked while a snapshot is built "
                                + "in the background; later starts read the snapshot")
        case .refused(.stale):
            why = Bilingual("数据在快照生成后改过（或 towns 已更新）：" + rebuilt.zh,
                            "the data changed since its snapshot was made (or towns was updated): " + rebuilt.en)
        case let .refused(rejection):
            let refused = refusal(rejection)
            why = Bilingual(refused.zh + "：" + rebuilt.zh, refused.en + ": " + rebuilt.en)
        }
        let english = "towns: reading the data in \(directory) (\(why.en))…"
        let lines = utf8
            ? ["towns: 正在读取 \(directory) 的数据（\(why.zh)）…", english]
            : [english.replacingOccurrences(of: "…", with: "...")]
        guard let width, width > 0 else { return lines.joined(separator: "\n") }
        return lines.flatMap { TextWrap.wrapAtWords($0, width: width) }.joined(separator: "\n")
    }

    /// The snapshot refused as damaged, truncated or of another version, with its short reason
    /// in English (the Chinese without it: the English line, shown with it, carries it);
    /// `missing` and `stale`, the ordinary cases, are worded by `line` itself.
    static func refusal(_ rejection: SnapshotRejection) -> Bilingual {
        switch rejection {
        case let .truncated(why):
            return Bilingual("快照不完整（被截断），未采用", "the snapshot was refused as truncated (\(why))")
        case let .foreign(why) where why.hasPrefix("it does not begin with"):
            // Not a snapshot at all (garbage, another file copied over it): not "another version".
            return Bilingual("快照文件已损坏或被替换，未采用", "the snapshot was refused as damaged or replaced (\(why))")
        case let .foreign(why):
            return Bilingual("快照不是这一版 towns 的，未采用", "the snapshot was refused as of another version (\(why))")
        case let .corrupt(why):
            return Bilingual("快照已损坏，未采用", "the snapshot was refused as damaged (\(why))")
        case let .missing(why):
            return Bilingual("没有快照", "no snapshot (\(why))")
        case let .stale(why):
            return Bilingual("快照已过期", "the snapshot is stale (\(why))")
        }
    }

    /// The dashboard's notice (`:messages`) for a snapshot refused as damaged, truncated or of
    /// another version, with the reason (TownsCore's English words; in the Chinese line as its
    /// technical detail, after the kind said in Chinese); nil for no snapshot, a stale one or
    /// snapshots off, which are ordinary.
    static func messagesNotice(_ cause: Cause?) -> Bilingual? {
        guard case let .refused(rejection) = cause else { return nil }
        switch rejection {
        case .missing, .stale: return nil
        case let .truncated(why), let .foreign(why), let .corrupt(why):
            // The reason is TownsCore's English: the Chinese names the kind in Chinese and gives
            // the reason as its technical detail (a message keeps the language it was logged in,
            // so pointing to the English line, `L`, showed nothing: wave 38's fresh user).
            let refused = refusal(rejection)
            return Bilingual(refused.zh + "：数据已从文本读取，快照在后台重新生成（技术细节：\(chineseDetail(why))）",
                             refused.en + ": the data was read from the text and the snapshot is rebuilt in the background")
        }
    }

    /// A refusal's reason (TownsCore's English, `SnapshotRejection`) in Chinese for the Chinese
    /// notice: the reasons a person meets (another format, a cut or damaged file: the header's
    /// and the checksums' checks, `SnapshotStore.open`, `SnapshotHeader`) in Chinese words with
    /// their numbers; a reason from deep inside a decode, which only a developer reads, as
    /// `内容无法解码（原话：…）` (wave 41's fresh user: `技术细节：its checksum does not match`).
    static func chineseDetail(_ why: String) -> String {
        func numbers(_ pattern: String) -> [String]? {
            guard let regex = try? NSRegularExpression(pattern: "^" + pattern + "$"),
                  let m = regex.firstMatch(in: why, range: NSRange(why.startIndex..., in: why)) else { return nil }
            return (1..<m.numberOfRanges).compactMap { Range(m.range(at: $0), in: why).map { String(why[$0]) } }
        }
        switch why {
        case "its checksum does not match": return "校验和不符"
        case "its header's or block table's checksum does not match": return "文件头或块表的校验和不符"
        case "it does not begin with TOWNSNAP": return "文件开头不是 TOWNSNAP，不是 towns 的快照"
        default: break
        }
        if let n = numbers("format (\\d+), this towns reads (\\d+)") {
            return "快照格式 \(n[0])，本程序读取格式 \(n[1])"
        }
        if let n = numbers("decimals of (\\d+) bytes, this platform's are (\\d+)") {
            return "十进制数每个 \(n[0]) 字节，本机为 \(n[1]) 字节"
        }
        if let n = numbers("(\\d+) bytes, shorter than the header") { return "只有 \(n[0]) 字节，比文件头还短" }
        if let n = numbers("(\\d+) bytes of a payload of (\\d+)") { return "数据部分应有 \(n[1]) 字节，只有 \(n[0]) 字节" }
        if let n = numbers("(\\d+) bytes of a snapshot of (\\d+)") { return "快照应有 \(n[1]) 字节，只有 \(n[0]) 字节" }
        if let n = numbers("(\\d+) bytes after the block table") { return "块表之后多出 \(n[0]) 字节" }
        return "内容无法解码（原话：\(why)）"
    }

    /// The data has been read: the line is not written if it has not been yet.
    func cancel() {
        lock.lock()
        done = true
        lock.unlock()
    }
}
