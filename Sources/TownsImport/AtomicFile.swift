#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file written so that readers see either the old content or the new, never a part:
/// the bytes go to a temporary file in the same folder (`.NAME.XXXXXX`, which the dataset
/// loader skips), are flushed to disk (`fsync`), and `commit()` renames it over the target
/// and flushes the folder. `discard()` (or a failure) removes the temporary file.
public final class AtomicFile {
    /// Path of the file to replace or create.
    public let path: String
    /// Path of the temporary file holding the new content until `commit()`.
    public private(set) var temporaryPath: String?

    /// Why a write failed: the path and the system's reason (`strerror`).
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var code: Int32
        public var description: String { "\(path): \(reason)" }
    }

    /// Writes `bytes` to a temporary file beside `path` and flushes it to disk.
    /// - Throws: `WriteError` (e.g. "Read-only file system", "Permission denied", "No space
    ///   left on device"); nothing is left behind.
    public init(path: String, bytes: [UInt8]) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/." + name + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw AtomicFile.failure(folder.isEmpty ? "." : folder) }
        let temporary = String(cString: template)
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
        fchmod(fd, 0o644)
        if fsync(fd) != 0 || close(fd) != 0 {
            let error = AtomicFile.failure(temporary)
            unlink(temporary)
            throw error
        }
        temporaryPath = temporary
    }

    /// Renames the temporary file over `path`, then flushes the folder so the rename lasts.
    /// - Throws: `WriteError`; the temporary file is removed and `path` is unchanged.
    public func commit() throws {
        guard let temporary = temporaryPath else { return }
        temporaryPath = nil
        guard rename(temporary, path) == 0 else {
            let error = AtomicFile.failure(path)
            unlink(temporary)
            throw error
        }
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
    }

    /// Removes the temporary file; `path` is unchanged.
    public func discard() {
        if let temporary = temporaryPath { unlink(temporary) }
        temporaryPath = nil
    }

    deinit { discard() }

    static func failure(_ path: String) -> WriteError {
        let code = errno
        return WriteError(path: path, reason: String(cString: strerror(code)), code: code)
    }
}
