#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import TownsCore

/// Writing a file the user named (the dashboard's export, `towns report --output`) so that
/// nothing already there is destroyed.
///
/// A new name gets a new regular file, written whole beside it and linked into place (never
/// over something that appeared meanwhile). A regular file already there is replaced only when
/// asked (`replace`, from `--force` or the dashboard's confirmation), only when the user may
/// write it (a read-only file is refused, as root too), atomically (a temporary file renamed
/// over it, keeping its permission bits). Anything else at the path is refused and named: a
/// symbolic link (never followed), a folder, a FIFO, a device, a socket. So are paths inside
/// the folders `protecting` (the dataset: exports never go into `Data/`) and in `/proc` or
/// `/sys`, where the kernel shows its state as files.
public enum SafeWrite {
    /// Why nothing was written at a path where something is (or may not be put).
    public enum Refusal: Equatable, Sendable {
        case symbolicLink(target: String)
        case directory
        case fifo
        case characterDevice
        case blockDevice
        case socket
        /// A regular file the user may not write (no write permission, or on a read-only mount).
        case readOnly
        /// Inside one of the `protecting` folders (the dataset).
        case insideProtectedFolder(String)
        /// In `/proc` or `/sys`: the kernel's view, not a place for files.
        case kernelFileSystem(String)
        /// The folder to write in does not exist or is not a folder.
        case noFolder(String)
    }

    /// What `write` did.
    public enum Outcome: Equatable, Sendable {
        /// Written: a new file, or (`replaced`) a regular file replaced as asked.
        case written(path: String, replaced: Bool)
        /// A regular file is there and replacing it was not asked for: nothing written.
        case exists(path: String)
        /// Something is there (or the place is) that is never written: nothing written.
        case refused(path: String, Refusal)
        /// The system refused the write (`reason` is its `strerror`): nothing written.
        case failed(path: String, reason: String)

        /// Whether the file was written.
        public var isWritten: Bool { if case .written = self { return true } else { return false } }

        /// What happened, in Chinese (`zh`) and English (`en`), naming the path; for `exists`,
        /// how to replace it (`replaceHint`, e.g. "add --force").
        public func message(replaceHint: (zh: String, en: String)) -> (zh: String, en: String) {
            switch self {
            case let .written(path, replaced):
                return replaced ? ("已覆盖 \(path)", "replaced \(path)") : ("已写入 \(path)", "wrote \(path)")
            case let .exists(path):
                return ("\(path) 已存在，未覆盖；\(replaceHint.zh)",
                        "\(path) already exists and was not replaced; \(replaceHint.en)")
            case let .failed(path, reason):
                return ("未能写入 \(path)：\(SystemWords.zh(reason))", "could not write \(path): \(reason)")
            case let .refused(path, refusal):
                let (zh, en) = SafeWrite.words(refusal)
                return ("未写入：\(path) \(zh)", "nothing written: \(path) \(en)")
            }
        }
    }

    private static func words(_ refusal: Refusal) -> (String, String) {
        switch refusal {
        case let .symbolicLink(target):
            return ("是符号链接（指向 \(target)），不跟随；请给出另一个文件名",
                    "is a symbolic link (to \(target)), never followed; give another file name")
        case .directory: return ("是文件夹；请给出文件名", "is a folder; give a file name")
        case .fifo: return ("是命名管道（FIFO），不是文件", "is a FIFO (named pipe), not a file")
        case .characterDevice: return ("是字符设备，不是文件", "is a character device, not a file")
        case .blockDevice: return ("是块设备，不是文件", "is a block device, not a file")
        case .socket: return ("是套接字，不是文件", "is a socket, not a file")
        case .readOnly: return ("是只读文件，不覆盖", "is a read-only file and is not replaced")
        case let .insideProtectedFolder(folder):
            return ("在数据文件夹 \(folder) 里；导出从不写入数据文件夹",
                    "is inside the dataset folder \(folder); exports are never written there")
        case let .kernelFileSystem(root):
            return ("在 \(root) 里：那是内核显示系统状态的地方，不能存放文件",
                    "is in \(root), where the kernel shows the system's state: no file can be saved there")
        case let .noFolder(folder):
            return ("所在的文件夹 \(folder) 不存在", "is in a folder that does not exist (\(folder))")
        }
    }

    /// Writes `bytes` at `path` (see `SafeWrite`): a new file, or, with `replace`, over a
    /// regular file the user may write. Never follows a symbolic link, never writes into a
    /// folder of `protecting` (compared after resolving links), `/proc` or `/sys`.
    public static func write(_ bytes: [UInt8], to path: String, replace: Bool, protecting: [String] = []) -> Outcome {
        guard !path.isEmpty else { return .failed(path: path, reason: String(cString: strerror(ENOENT))) }
        let folder = (path as NSString).deletingLastPathComponent
        let folderPath = folder.isEmpty ? "." : folder
        guard let realFolder = realPath(folderPath), isDirectory(realFolder) else {
            return .refused(path: path, .noFolder(folderPath))
        }
        for root in ["/proc", "/sys"] where realFolder == root || realFolder.hasPrefix(root + "/") {
            return .refused(path: path, .kernelFileSystem(root))
        }
        for protected in protecting {
            guard let real = realPath(protected) else { continue }
            if realFolder == real || realFolder.hasPrefix(real.hasSuffix("/") ? real : real + "/") {
                return .refused(path: path, .insideProtectedFolder(protected))
            }
        }
        var info = stat()
        if lstat(path, &info) != 0 {
            let code = errno
            guard code == ENOENT else { return .failed(path: path, reason: String(cString: strerror(code))) }
            return writeNew(bytes, to: path)
        }
        if let refusal = refusal(kind: info.st_mode & S_IFMT, path: path) { return .refused(path: path, refusal) }
        guard replace else { return .exists(path: path) }
        let readOnly = geteuid() == 0 ? info.st_mode & 0o222 == 0 || access(path, W_OK) != 0 : access(path, W_OK) != 0
        if readOnly { return .refused(path: path, .readOnly) }
        do {
            let file = try AtomicFile(path: path, bytes: bytes, mode: info.st_mode & 0o7777)
            try file.commit()
            return .written(path: path, replaced: true)
        } catch let error as AtomicFile.WriteError {
            return .failed(path: path, reason: error.reason)
        } catch {
            return .failed(path: path, reason: "\(error)")
        }
    }

    /// A new file at `path`, where nothing was when looked at; something that appears there
    /// meanwhile is left as it is.
    private static func writeNew(_ bytes: [UInt8], to path: String) -> Outcome {
        do {
            let file = try AtomicFile(path: path, bytes: bytes, mode: newFileMode())
            if try file.commitNew() { return .written(path: path, replaced: false) }
        } catch let error as AtomicFile.WriteError {
            return .failed(path: path, reason: error.reason)
        } catch {
            return .failed(path: path, reason: "\(error)")
        }
        var info = stat()
        if lstat(path, &info) == 0, let refusal = refusal(kind: info.st_mode & S_IFMT, path: path) {
            return .refused(path: path, refusal)
        }
        return .exists(path: path)
    }

    /// The refusal for a file of kind `kind` (`st_mode & S_IFMT`); nil for a regular file.
    private static func refusal(kind: mode_t, path: String) -> Refusal? {
        switch kind {
        case S_IFREG: return nil
        case S_IFLNK:
            var buffer = [CChar](repeating: 0, count: 4096)
            let n = readlink(path, &buffer, buffer.count - 1)
            let target = n >= 0 ? String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
            return .symbolicLink(target: target)
        case S_IFDIR: return .directory
        case S_IFIFO: return .fifo
        case S_IFCHR: return .characterDevice
        case S_IFBLK: return .blockDevice
        default: return .socket
        }
    }

    /// 0666 less the process's umask: what `open(O_CREAT)` would give a new file.
    private static func newFileMode() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
