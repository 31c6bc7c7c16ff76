/// Timings of one operation repeated: what `towns bench` prints (median and worst).
public struct Samples: Sendable {
    /// Each run's duration, in seconds.
    public private(set) var seconds: [Double] = []

    public init() {}

    public mutating func add(_ d: Duration) {
        let (s, atto) = d.components
        seconds.append(Double(s) + Double(atto) / 1e18)
    }

    public var count: Int { seconds.count }

    /// The median, in milliseconds (0 when empty).
    public var medianMS: Double { Samples.median(seconds) * 1000 }

    /// The median of `values` (the mean of the middle two for an even count), in their unit;
    /// 0 when empty.
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// The first run, in milliseconds (for a view: before anything was kept for it).
    public var firstMS: Double { (seconds.first ?? 0) * 1000 }

    /// The slowest run, in milliseconds.
    public var maxMS: Double { (seconds.max() ?? 0) * 1000 }

    /// Runs `body` until it has run `iterations` times or `budget` has passed (at least
    /// `minimum` times), timing each run. `body` gets the run's index.
    public static func collect(iterations: Int, budget: Duration, minimum: Int = 3,
                               _ body: (Int) throws -> Void) rethrows -> Samples {
        var samples = Samples()
        let clock = ContinuousClock()
        let start = clock.now
        for i in 0..<max(1, iterations) {
            let t0 = clock.now
            try body(i)
            samples.add(t0.duration(to: clock.now))
            if i + 1 >= minimum && start.duration(to: clock.now) > budget { break }
        }
        return samples
    }
}

/// Times one call of `body`, returning its result and the time taken.
public func timed<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
    let clock = ContinuousClock()
    let t0 = clock.now
    let value = try body()
    return (value, t0.duration(to: clock.now))
}

extension Duration {
    /// The duration in milliseconds.
    public var milliseconds: Double {
        let (s, atto) = components
        return Double(s) * 1000 + Double(atto) / 1e15
    }
}
