import Foundation
import TownsCore
import TownsUI

// libFuzzer target: the bytes of a theme or a configuration file through their readers
// (`Theme.parse`, `ConfigText`), which reach TOML only through `GuardedTOML`. A problem is
// fine (it is reported with the file and line); a crash, a trap or a hang is a bug. A theme
// that parses must give a style for every role; a configuration's key rebindings must go
// through `KeyMap.applying` without a crash.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    if let (theme, warnings) = try? Theme.parse(text, file: "fuzz-theme.toml", fallback: Theme.monochrome) {
        for role in Role.allCases { _ = theme.style(role) }
        _ = warnings.joined()
    }
    let config = ConfigText(text, path: "fuzz-config.toml")
    _ = KeyMap.standard.applying(config.rebindings)
    for problem in config.problems where !problem.hasPrefix("fuzz-config.toml:") {
        fatalError("a configuration problem without the file's name: \(problem)")
    }
    return 0
}
