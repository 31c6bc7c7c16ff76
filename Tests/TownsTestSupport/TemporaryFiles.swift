import Foundation
#if canImport(XCTest)
import XCTest
#endif

/// Folders and files the tests make under the temporary directory (`$TMPDIR`, else /tmp, as
/// `NSTemporaryDirectory()` gives it), each removed with all it holds when the test that asked
/// for it ends, pass or fail (a test that throws, or whose `XCTUnwrap` fails, included).
///
/// The test suite left 2,829 `towns-test-*` and 1,126 `towns-import-*` folders in /tmp on this
/// project's machine (293 MB), and more on every CI run: helpers such as `brokenCopy` made a
/// folder and nothing removed it. A helper that is a free function (no test case at hand) asks
/// here; the removal happens when XCTest says the running test has finished
/// (`XCTestObservation.testCaseDidFinish`, after `tearDown` and the teardown blocks). What is
/// asked for outside a test (none of the suite's helpers do) is removed when the test bundle ends.
///
/// ```swift
/// let dir = try TemporaryFiles.folder("import")          // made: /tmp/towns-import-<UUID>
/// let file = TemporaryFiles.path("other", suffix: ".toml")  // not made; removed if it is there
/// let data = try TemporaryFiles.copy(of: bundledData, name: "words")  // a copy of Data/
/// ```
public enum TemporaryFiles {
    /// A new folder `towns-NAME-UUID` under the temporary directory, made now (with any parent
    /// missing); removed when the running test ends.
    /// - Throws: what `FileManager.createDirectory` throws (no space, no permission).
    public static func folder(_ name: String) throws -> String {
        let dir = path(name)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A new path `towns-NAME-UUID` + `suffix` under the temporary directory, not made; whatever
    /// is there when the running test ends is removed.
    public static func path(_ name: String, suffix: String = "") -> String {
        let made = NSTemporaryDirectory() + "towns-\(name)-\(UUID().uuidString)" + suffix
        removeAtEnd(made)
        return made
    }

    /// A copy of the folder `source` (the bundled `Data/`, say) in a new temporary folder
    /// (`folder(name)`); with `only`, just those names of it (relative paths, the folders they
    /// are in made). Returns the copy's path; removed when the running test ends.
    /// - Throws: what `FileManager.copyItem` throws (a name not in `source`, no space).
    public static func copy(of source: String, name: String, only: [String]? = nil) throws -> String {
        guard let only else {
            let dir = path(name)
            try FileManager.default.copyItem(atPath: source, toPath: dir)
            return dir
        }
        let dir = try folder(name)
        for entry in only {
            let target = dir + "/" + entry
            let parent = (target as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: source + "/" + entry, toPath: target)
        }
        return dir
    }

    /// Removes `path` (whatever is there then) when the running test ends: for a folder a test
    /// names itself (`towns-NAME-UUID` made by hand, a file beside a cache).
    public static func removeAtEnd(_ path: String) {
        Cleaner.shared.add(path)
    }
}

/// The paths asked for, behind a lock (a test may ask from several threads), removed when XCTest
/// says a test or the bundle has finished. Without XCTest (`swift build -c release
/// --static-swift-stdlib` builds every target, this one too, where the module is not there) no
/// test runs, so nothing asks; a path asked for anyway is removed when the process exits.
private final class Cleaner: NSObject, @unchecked Sendable {
    nonisolated(unsafe) static let shared: Cleaner = {
        let cleaner = Cleaner()
        #if canImport(XCTest)
        XCTestObservationCenter.shared.addTestObserver(cleaner)
        #else
        atexit { Cleaner.shared.removeAll() }
        #endif
        return cleaner
    }()

    private let lock = NSLock()
    private var paths: [String] = []

    func add(_ path: String) { lock.withLock { paths.append(path) } }

    func removeAll() {
        let taken = lock.withLock { () -> [String] in
            defer { paths = [] }
            return paths
        }
        for path in taken.reversed() { try? FileManager.default.removeItem(atPath: path) }
    }
}

#if canImport(XCTest)
extension Cleaner: XCTestObservation {
    func testCaseDidFinish(_ testCase: XCTestCase) { removeAll() }
    func testBundleDidFinish(_ testBundle: Bundle) { removeAll() }
}
#endif
