import Foundation

/// The package's root folder: the nearest folder above `file` that holds `Package.swift`. Each
/// test target's `repositoryRoot` is this from its own source file (`#filePath`, the default).
/// Stops the process (`fatalError`) when no folder above `file` holds one: the tests cannot
/// find the bundled data without it.
public func packageRoot(above file: String = #filePath) -> String {
    var url = URL(fileURLWithPath: file)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    fatalError("no Package.swift above \(file)")
}

/// Every file and folder under `dir` (paths relative to it) with its bytes, `<dir>` for a folder:
/// what a test compares before and after a command to see that it wrote nothing there.
public func filesAndBytes(under dir: String) -> [String: Data] {
    var out: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: dir)
    while let name = enumerator?.nextObject() as? String {
        var isDir: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: dir + "/" + name, isDirectory: &isDir)
        out[name] = isDir.boolValue ? Data("<dir>".utf8) : FileManager.default.contents(atPath: dir + "/" + name)
    }
    return out
}
