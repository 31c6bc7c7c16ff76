import Foundation

/// A program driven through a pseudo-terminal: the time from start to its first settled
/// screen, the bytes it writes for that screen and after each key, how long each key takes
/// to settle, and its peak memory. "Settled" means no output for `quiet` after the last byte;
/// the times are to that last byte.
public struct TerminalBench: Sendable {
    public var executable: String
    public var arguments: [String]
    public var environment: [String: String]
    public var rows: Int
    public var columns: Int
    /// Silence that counts as settled after a key, and after start (shorter than the tenth
    /// of a second at which VisiData redraws its status line while it is idle).
    public var quiet: Duration = .milliseconds(80)
    public var startQuiet: Duration = .milliseconds(80)
    /// Longest wait for the first screen.
    public var startLimit: Duration = .seconds(300)
    /// Longest wait for the output of a key (every key of a script should change the screen).
    public var keyLimit: Duration = .seconds(60)
    /// Text the first screen must show before it counts as settled (nil: the first silence).
    public var startMarker: String?

    public init(executable: String, arguments: [String], environment: [String: String], rows: Int, columns: Int) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.rows = rows
        self.columns = columns
    }

    /// Keys to send, what to call them, and how many presses: the keys are pressed in turn
    /// (["j", "k"] alternates down and up, so every press moves the selection).
    public struct Step: Sendable {
        public var label: String
        public var keys: [[UInt8]]
        public var times: Int
        public init(_ label: String, _ keys: String..., times: Int = 1) {
            self.label = label
            self.keys = keys.map { Array($0.utf8) }
            self.times = times
        }
    }

    public struct StepResult: Sendable {
        public var label: String
        /// Bytes written after each press.
        public var bytes: [Int]
        /// From the key's press to the last byte of its output, in ms (nil: no output).
        public var settleMS: [Double?]
        public var meanBytes: Double { bytes.isEmpty ? 0 : Double(bytes.reduce(0, +)) / Double(bytes.count) }
        public var medianSettleMS: Double? {
            let s = settleMS.compactMap { $0 }.sorted()
            return s.isEmpty ? nil : s[s.count / 2]
        }
    }

    public struct Result: Sendable {
        /// Start to the last byte of the first settled screen, in ms; nil if nothing came.
        public var firstScreenMS: Double?
        public var firstScreenBytes: Int
        /// The first screen's bytes (to look for a string in).
        public var firstScreen: [UInt8]
        public var steps: [StepResult]
        /// The child's peak resident set size in KiB (VmHWM just before it was asked to
        /// quit; nil if it could not be read).
        public var maxRSSKiB: Int?
        public var exitStatus: Int32?
        /// Whether `quit` ended it (else it was terminated).
        public var quitCleanly: Bool
    }

    /// Starts the program, waits for its first screen, sends `steps` in order, then `quit`
    /// (each tried in turn, up to 3 s each) and reads its peak memory.
    public func run(steps: [Step], quit: [String]) throws -> Result {
        let pty = try PseudoTerminal(executable: executable, arguments: arguments, environment: environment,
                                     rows: rows, columns: columns)
        let first = pty.readUntilQuiet(quiet: startQuiet, limit: startLimit, keep: true, marker: startMarker)
        let firstMS = first.last.map { pty.started.duration(to: $0).milliseconds }
        var results: [StepResult] = []
        let clock = ContinuousClock()
        for step in steps {
            var r = StepResult(label: step.label, bytes: [], settleMS: [])
            for i in 0..<step.times {
                let sent = clock.now
                pty.send(step.keys[i % step.keys.count])
                let b = pty.readUntilQuiet(quiet: quiet, limit: keyLimit)
                r.bytes.append(b.bytes)
                r.settleMS.append(b.last.map { sent.duration(to: $0).milliseconds })
            }
            results.append(r)
        }
        let peak = pty.peakRSSKiB()
        var exit: PseudoTerminal.Exit?
        for q in quit {
            pty.send(q)
            exit = pty.waitForExit(timeout: .seconds(3))
            if exit != nil { break }
        }
        let clean = exit != nil
        if exit == nil { exit = pty.terminate() }
        return Result(firstScreenMS: firstMS, firstScreenBytes: first.bytes, firstScreen: first.data, steps: results,
                      maxRSSKiB: peak, exitStatus: exit?.status, quitCleanly: clean)
    }
}
