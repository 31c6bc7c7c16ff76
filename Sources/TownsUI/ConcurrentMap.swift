import Dispatch
import Foundation

/// `items.map(transform)` split into one slice per core (when there are enough items to be
/// worth it), results in order; returns the two halves of each result as two arrays.
/// `transform` must depend on its item only: the slices run at the same time.
func concurrentMap<T, A, B>(_ items: [T], minimumPerSlice: Int = 256, _ transform: (T) -> (A, B)) -> ([A], [B]) {
    let slices = min(ProcessInfo.processInfo.activeProcessorCount, items.count / minimumPerSlice)
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
    var parts = [([A], [B])](repeating: ([], []), count: slices)
    withoutActuallyEscaping(transform) { transform in
        parts.withUnsafeMutableBufferPointer { buffer in
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
                buffer[slice] = (a, b)
            }
        }
    }
    return (parts.flatMap(\.0), parts.flatMap(\.1))
}
