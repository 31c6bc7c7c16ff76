import Glibc
import Synchronization

/// Holds back what the process writes to standard error while curses owns the screen, and
/// writes it out once the terminal is restored.
///
/// Without it, a Swift runtime trap's message ("Fatal error: Unexpectedly found nil...") goes to
/// the alternate screen and vanishes when `endwin` leaves it, and any other stray write to
/// standard error scribbles over the dashboard. ncurses writes to standard output, so it is
/// unaffected. `release` is safe in a signal handler (dup2, lseek, read, write only).
enum ErrorOutputCapture {
    /// Points file descriptor 2 at an unlinked temporary file. Does nothing if that file cannot
    /// be made or capture is already on.
    static func begin() {
        guard savedDescriptor.load(ordering: .sequentiallyConsistent) < 0, let file = tmpfile() else { return }
        _ = buffer
        let capture = dup(fileno(file))
        fclose(file)
        let saved = dup(2)
        guard capture >= 0, saved >= 0, dup2(capture, 2) >= 0 else {
            if capture >= 0 { Glibc.close(capture) }
            if saved >= 0 { Glibc.close(saved) }
            return
        }
        captureDescriptor.store(capture, ordering: .sequentiallyConsistent)
        savedDescriptor.store(saved, ordering: .sequentiallyConsistent)
    }

    /// Points file descriptor 2 back at the real standard error and copies there what was
    /// captured. Idempotent; async-signal-safe.
    static func release() {
        let saved = savedDescriptor.exchange(-1, ordering: .sequentiallyConsistent)
        guard saved >= 0 else { return }
        let capture = captureDescriptor.exchange(-1, ordering: .sequentiallyConsistent)
        dup2(saved, 2)
        Glibc.close(saved)
        guard capture >= 0 else { return }
        lseek(capture, 0, SEEK_SET)
        while true {
            let count = read(capture, buffer, bufferSize)
            guard count > 0 else { break }
            var written = 0
            while written < count {
                let n = write(2, buffer + written, count - written)
                if n <= 0 { break }
                written += n
            }
            if written < count { break }
        }
        Glibc.close(capture)
    }
}

// Set up before any signal handler can run `release`.
private let savedDescriptor = Atomic<Int32>(-1)
private let captureDescriptor = Atomic<Int32>(-1)
private let bufferSize = 4096
nonisolated(unsafe) private let buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 16)
