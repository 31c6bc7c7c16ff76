/// A fixed sequence of draws for the suite's equivalence guards (a fast path compared with the plain
/// one on random texts): a 64-bit linear congruential generator (Knuth's MMIX multiplier and
/// increment), so a failure repeats with the same seed on every machine, unlike
/// `SystemRandomNumberGenerator`. Not for anything but tests: its low bits are poor, so a draw takes
/// the state's top 31 bits.
///
/// ```swift
/// var draw = SeededDraw(seed: 31)
/// let line = String((0..<draw(7)).map { _ in pool[draw(pool.count)] })
/// ```
public struct SeededDraw {
    /// The generator's state: the seed before the first draw.
    public private(set) var state: UInt64

    /// A sequence starting from `seed` (the same seed, the same draws).
    public init(seed: UInt64) { state = seed }

    /// The next draw in `0..<n`. `n` must be at least 1.
    public mutating func callAsFunction(_ n: Int) -> Int {
        precondition(n > 0, "SeededDraw: nothing to draw from (n = \(n))")
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(n))
    }
}
