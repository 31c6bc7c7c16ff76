import Foundation

/// Finds the dataset folder (`Data/`) and the themes folder (`Themes/`).
///
/// Search order, first match wins:
/// 1. the command-line flag (`--data DIR`, `--themes DIR`);
/// 2. the environment variable (`TOWNS_DATA`, `TOWNS_THEMES`);
/// 3. next to the executable: `<bin>/../share/towns/Data` (an installed copy, e.g.
///    `/usr/local/bin/towns` with `/usr/local/share/towns/Data`), then `<bin>/Data`;
/// 4. the package root: walking up from the executable (`.build/debug/towns`) and from the
///    current directory to the first folder holding `Package.swift` and `Data/`.
enum Locations {
    /// The folder, or an error message listing where it looked.
    static func find(_ name: String, flag: String?, environment variable: String) throws -> String {
        var tried: [String] = []
        if let flag {
            return flag
        }
        if let env = ProcessInfo.processInfo.environment[variable], !env.isEmpty {
            return env
        }
        let executable = executableURL()
        let bin = executable.deletingLastPathComponent()
        let candidates = [
            bin.deletingLastPathComponent().appendingPathComponent("share/towns/\(name)"),
            bin.appendingPathComponent(name),
        ]
        for c in candidates {
            tried.append(c.path)
            if isDirectory(c.path) { return c.path }
        }
        for start in [bin, URL(fileURLWithPath: FileManager.default.currentDirectoryPath)] {
            var dir = start
            while true {
                let candidate = dir.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
                    isDirectory(candidate.path)
                {
                    return candidate.path
                }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
            tried.append(refusal("\(start.path) 之上的包根目录", "package root above \(start.path)"))
        }
        let flag = name == "Data" ? "--data" : "--themes"
        throw ValidationFailure(refusal(
            "找不到 \(name)/ 文件夹；查找过：\(tried.joined(separator: "、"))。请用 \(flag) DIR 或 \(variable)=DIR 给出。",
            "cannot find the \(name)/ folder; looked in: \(tried.joined(separator: ", ")). Give it with"
                + " \(flag) DIR or \(variable)=DIR."))
    }

    /// The running executable's path: /proc/self/exe (argv[0] is only "towns" when it was
    /// found through PATH), else argv[0].
    static func executableURL() -> URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}

/// An error whose message is shown as it is, after `towns: `.
struct ValidationFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
