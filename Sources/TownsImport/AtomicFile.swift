#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import TownsCore

/// A file written so that readers see either the old content or the new, never a part:
/// the bytes go to a temporary file in the same folder (`.NAME.XXXXXX`, which the dataset
/// loader skips), are flushed to disk (`fsync`), and `commit()` renames it over the target
/// and flushes the folder. `discard()` (or a failure) removes the temporary file. The temporary
/// stays open and locked (`AbandonedTemporaries.hold`) until then, so a write killed before its
/// rename leaves a temporary nobody holds, which the next write of the same file removes.
public final class AtomicFile {
    /// Path of the file to replace or create.
    public let path: String
    /// Path of the temporary file holding the new content until `commit()`.
    public private(set) var temporaryPath: String?
    /// The temporary file, open and locked until `commit()`, `commitNew()` or `discard()`.
    private var held: Int32 = -1

    /// Why a write failed: the path and the system's reason (`strerror`).
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var code: Int32
        public var description: String { "\(path): \(reason)" }
    }

    /// Writes `bytes` to a temporary file beside `path` and flushes it to disk; the file gets
    /// the permission bits `mode` (0644 by default; a replaced file's own when replacing one).
    /// - Throws: `WriteError` (e.g. "Read-only file system", "Permission denied", "No space
    ///   left on device"); nothing is left behind.
    public init(path: String, bytes: [UInt8], mode: mode_t = 0o644) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/." + name + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw AtomicFile.failure(folder.isEmpty ? "." : folder) }
        let temporary = String(cString: template)
        AbandonedTemporaries.hold(fd)
        AbandonedTemporaries.remove(in: folder.isEmpty ? "." : folder, prefix: "." + name + ".", keeping: temporary)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let error = AtomicFile.failure(temporary)
                close(fd); unlink(temporary)
                throw error
            }
            written += n
        }
        fchmod(fd, mode)
        if fsync(fd) != 0 {
            let error = AtomicFile.failure(temporary)
            unlink(temporary)
            close(fd)
            throw error
        }
        temporaryPath = temporary
        held = fd
    }

    /// Renames the temporary file over `path`, then flushes the folder so the rename lasts.
    /// - Throws: `WriteError`; the temporary file is removed and `path` is unchanged.
    public func commit() throws {
        guard let temporary = temporaryPath else { return }
        temporaryPath = nil
        defer { release() }
        guard rename(temporary, path) == 0 else {
            let error = AtomicFile.failure(path)
            unlink(temporary)
            throw error
        }
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    /// Puts the temporary file at `path` only if nothing is there (a hard link, which never
    /// replaces: `EEXIST` when something appeared at `path` since it was looked at), then
    /// flushes the folder. Returns false, removing the temporary file, when something is there.
    /// - Throws: `WriteError` for any other failure; the temporary file is removed.
    public func commitNew() throws -> Bool {
        guard let temporary = temporaryPath else { return false }
        temporaryPath = nil
        defer { unlink(temporary); release() }
        if link(temporary, path) != 0 {
            let code = errno
            if code == EEXIST { return false }
            // A file system without hard links (vfat, some network mounts): create the name
            // exclusively and copy the bytes in; still never replaces.
            guard code == EPERM || code == ENOTSUP || code == EOPNOTSUPP || code == EXDEV else {
                throw WriteError(path: path, reason: String(cString: strerror(code)), code: code)
            }
            return try AtomicFile.copyExclusively(from: temporary, to: path)
        }
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
        return true
    }

    /// Creates `path` (never following or replacing anything there) with the bytes of `source`.
    private static func copyExclusively(from source: String, to path: String) throws -> Bool {
        guard let bytes = FileManager.default.contents(atPath: source) else { throw failure(source) }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { return false }
            throw failure(path)
        }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let error = failure(path)
                close(fd); unlink(path)
                throw error
            }
            written += n
        }
        if fsync(fd) != 0 || close(fd) != 0 {
            let error = failure(path)
            unlink(path)
            throw error
        }
        return true
    }

    /// Removes the temporary file; `path` is unchanged.
    public func discard() {
        if let temporary = temporaryPath { unlink(temporary) }
        temporaryPath = nil
        release()
    }

    /// Closes the temporary file (its lock goes with it), once it is renamed or removed.
    private func release() {
        if held >= 0 { close(held) }
        held = -1
    }

    deinit { discard() }

    static func failure(_ path: String) -> WriteError {
        let code = errno
        return WriteError(path: path, reason: String(cString: strerror(code)), code: code)
    }
}
