import Dispatch
import Foundation

/// `items.map(transform)` split into one slice per core (when there are enough items to be
/// worth it), results in order; returns the two halves of each result as two arrays.
/// `transform` must depend on its item only: the slices run at the same time.
func concurrentMap<T: Sendable, A: Sendable, B: Sendable>(
    _ items: [T], minimumPerSlice: Int = 256,
    _ transform: @Sendable (T) -> (A, B)
) -> ([A], [B]) {
    let slices = min(activeCores, items.count / minimumPerSlice)
    guard slices > 1 else {
        var a: [A] = [], b: [B] = []
        a.reserveCapacity(items.count)
        b.reserveCapacity(items.count)
        for item in items {
            let (x, y) = transform(item)
            a.append(x)
            b.append(y)
        }
        return (a, b)
    }
    let parts = SliceResults<A, B>(count: slices)
    withoutActuallyEscaping(transform) { transform in
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let range = (slice * items.count / slices)..<((slice + 1) * items.count / slices)
            var a: [A] = [], b: [B] = []
            a.reserveCapacity(range.count)
            b.reserveCapacity(range.count)
            for i in range {
                let (x, y) = transform(items[i])
                a.append(x)
                b.append(y)
            }
            parts.put(slice, (a, b))
        }
    }
    let done = parts.all
    return (done.flatMap(\.0), done.flatMap(\.1))
}

/// Each slice's results of a `concurrentMap`, put from the slices' threads.
///
/// `@unchecked Sendable`: `parts` is read and written only under `lock`.
private final class SliceResults<A: Sendable, B: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [([A], [B])]

    init(count: Int) { parts = Array(repeating: ([], []), count: count) }

    func put(_ slice: Int, _ result: ([A], [B])) {
        lock.lock()
        parts[slice] = result
        lock.unlock()
    }

    var all: [([A], [B])] {
        lock.lock()
        defer { lock.unlock() }
        return parts
    }
}

/// `items.map(transform)` split into one slice per core (when there are enough items to be
/// worth it), results in order: `concurrentMap` for a transform with one result.
func concurrentMapped<T: Sendable, A: Sendable>(
    _ items: [T], minimumPerSlice: Int = 256, _ transform: @Sendable (T) -> A
) -> [A] {
    concurrentMap(items, minimumPerSlice: minimumPerSlice) { (transform($0), ()) }.0
}

/// The cores this process may run on, read once: `ProcessInfo.activeProcessorCount` reads the
/// process's affinity from the kernel on each call (1% of a town page's first open at 10,000 x 60,
/// `perf`, wave 42).
private let activeCores = ProcessInfo.processInfo.activeProcessorCount

/// `work` run on a thread of its own while `here` runs on this one; returns `work`'s result once
/// both are done. For two parts of one result that share nothing (a town's page: its history
/// beside the rest, wave 41). A thread of its own, not a global queue's: the caller may itself be
/// one of the queue's threads, and waiting there for another could wait for a thread never given.
func alongside<T: Sendable>(_ work: @escaping @Sendable () -> T, while here: () -> Void) -> T {
    let result = AlongsideResult<T>(), done = DispatchSemaphore(value: 0)
    let thread = Thread {
        result.value = work()
        done.signal()
    }
    thread.start()
    here()
    done.wait()
    return result.value!
}

/// `alongside`'s result. `@unchecked Sendable`: written by the work's thread before it signals
/// that it is done, read after the wait.
private final class AlongsideResult<T>: @unchecked Sendable {
    var value: T?
}
