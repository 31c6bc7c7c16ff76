import Foundation

/// The Swift runtime's crash reporter, set up for a program people run in a terminal: after a
/// crash the report (message and backtrace) goes to standard error and the process ends at
/// once, never waiting at the reporter's interactive prompt ("Press space to interact...",
/// 30 s), however `towns` is started.
///
/// The runtime reads `SWIFT_BACKTRACE` once, as the program loads, before `main`: setting it
/// later changes nothing. So `main` calls `ensureNonInteractive` first; when the variable
/// does not already say `interactive=no` and `output-to=stderr`, it adds them (keeping any
/// other setting the user gave, such as `enable=no`) and executes the same program again with
/// the same arguments (the file `/proc/self/exe` names). The second start finds them set and goes on. When
/// the program cannot be executed again (no /proc), it goes on as it is.
enum CrashReports {
    /// The settings `towns` needs in `SWIFT_BACKTRACE`.
    static let required = ["interactive": "no", "output-to": "stderr"]

    /// `value` (the variable's current value, nil when unset) with `required` in place of any
    /// setting of the same keys; nil when it already holds them.
    static func settings(adjusting value: String?) -> String? {
        var parts = (value ?? "").split(separator: ",").map { String($0) }.filter { !$0.isEmpty }
        let present = Dictionary(parts.compactMap { part -> (String, String)? in
            let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
            let trimmed = kv.map { $0.trimmingCharacters(in: .whitespaces) }
            return trimmed.count == 2 ? (trimmed[0], trimmed[1]) : nil
        }, uniquingKeysWith: { _, b in b })
        if required.allSatisfy({ present[$0.key] == $0.value }) { return nil }
        parts.removeAll { part in
            required.keys.contains { part.trimmingCharacters(in: .whitespaces).hasPrefix($0 + "=") }
        }
        parts += required.keys.sorted().map { "\($0)=\(required[$0]!)" }
        return parts.joined(separator: ",")
    }

    /// Executes this program again with the reporter's settings when they are not in place.
    /// Returns only when they are, or when it cannot.
    static func ensureNonInteractive() {
        let value = ProcessInfo.processInfo.environment["SWIFT_BACKTRACE"]
        guard let adjusted = settings(adjusting: value) else { return }
        // The program's own path (not /proc/self/exe, which would name the process "exe").
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return }
        setenv("SWIFT_BACKTRACE", adjusted, 1)
        execv(path, CommandLine.unsafeArgv)
        if let value { setenv("SWIFT_BACKTRACE", value, 1) } else { unsetenv("SWIFT_BACKTRACE") }
        // Not executed again: this run keeps the settings it loaded with.
    }
}
