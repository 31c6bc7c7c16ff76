import Foundation
import Glibc
import TownsImport
import XCTest

/// `SafeWrite` (exports, `report --output`): a new file is written, a regular file replaced
/// only when asked, and nothing else at the path is ever touched. In this process (root in CI);
/// `ExportSafetyTests` runs the same matrix through `towns report` as root and as `nobody`.
final class SafeWriteTests: XCTestCase {
    var folder: String!
    let bytes = Array("new,content\n".utf8)

    override func setUpWithError() throws {
        folder = try temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    func testANewFileIsWritten() {
        let path = folder + "/out.csv"
        XCTAssertEqual(SafeWrite.write(bytes, to: path, replace: false), .written(path: path, replaced: false))
        XCTAssertEqual(contents(path), "new,content\n")
        // No temporary file is left beside it.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["out.csv"])
    }

    func testARegularFileIsReplacedOnlyWhenAskedAndKeepsItsMode() throws {
        let path = folder + "/out.csv"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o640)
        XCTAssertEqual(SafeWrite.write(bytes, to: path, replace: false), .exists(path: path))
        XCTAssertEqual(contents(path), "old")
        XCTAssertEqual(SafeWrite.write(bytes, to: path, replace: true), .written(path: path, replaced: true))
        XCTAssertEqual(contents(path), "new,content\n")
        var info = stat()
        XCTAssertEqual(lstat(path, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o640)
    }

    func testAReadOnlyFileIsRefusedEvenWithForceAndAsRoot() throws {
        let path = folder + "/locked.csv"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o444)
        XCTAssertEqual(SafeWrite.write(bytes, to: path, replace: true), .refused(path: path, .readOnly))
        XCTAssertEqual(contents(path), "old")
    }

    func testASymbolicLinkIsNeverFollowedNorReplaced() throws {
        let target = folder + "/target.txt"
        try "precious".write(toFile: target, atomically: false, encoding: .utf8)
        let link = folder + "/link.csv"
        XCTAssertEqual(symlink(target, link), 0)
        for replace in [false, true] {
            XCTAssertEqual(SafeWrite.write(bytes, to: link, replace: replace),
                           .refused(path: link, .symbolicLink(target: target)))
        }
        XCTAssertEqual(contents(target), "precious")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target)
        // A dangling link too: writing would create its target.
        let dangling = folder + "/dangling.csv"
        XCTAssertEqual(symlink(folder + "/nowhere", dangling), 0)
        XCTAssertEqual(SafeWrite.write(bytes, to: dangling, replace: true),
                       .refused(path: dangling, .symbolicLink(target: folder + "/nowhere")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/nowhere"))
    }

    func testAFIFOAFolderAndDevicesAreRefused() throws {
        let fifo = folder + "/pipe"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        XCTAssertEqual(SafeWrite.write(bytes, to: fifo, replace: true), .refused(path: fifo, .fifo))
        let sub = folder + "/sub"
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: false)
        XCTAssertEqual(SafeWrite.write(bytes, to: sub, replace: true), .refused(path: sub, .directory))
        for device in ["/dev/null", "/dev/full"] {
            XCTAssertEqual(SafeWrite.write(bytes, to: device, replace: true), .refused(path: device, .characterDevice))
        }
        // /dev/stdout is a link to the process's descriptor.
        if case .refused(_, .symbolicLink) = SafeWrite.write(bytes, to: "/dev/stdout", replace: true) {} else {
            XCTFail("/dev/stdout should be refused as a symbolic link")
        }
        var info = stat()
        XCTAssertEqual(lstat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/null is still a device")
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the FIFO is still a FIFO")
    }

    func testTheDatasetFolderAndTheKernelsFilesAreNeverWritten() throws {
        let data = try dataCopy()
        let before = contents(data + "/figures.toml")
        for path in [data + "/figures.toml", data + "/new.csv", data + "/monthly/x.csv"] {
            try? FileManager.default.createDirectory(atPath: data + "/monthly", withIntermediateDirectories: true)
            XCTAssertEqual(SafeWrite.write(bytes, to: path, replace: true, protecting: [data]),
                           .refused(path: path, .insideProtectedFolder(data)), path)
        }
        XCTAssertEqual(contents(data + "/figures.toml"), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: data + "/new.csv"))
        // Reached through a link to the folder, still refused.
        let link = folder + "/data-link"
        XCTAssertEqual(symlink(data, link), 0)
        let throughLink = SafeWrite.write(bytes, to: link + "/x.csv", replace: false, protecting: [data])
        if case .refused(_, .insideProtectedFolder) = throughLink {} else {
            XCTFail("a path through a link into the dataset folder should be refused")
        }
        XCTAssertEqual(SafeWrite.write(bytes, to: "/proc/version", replace: true),
                       .refused(path: "/proc/version", .kernelFileSystem("/proc")))
        let message = SafeWrite.Outcome.refused(path: "/proc/version", .kernelFileSystem("/proc"))
            .message(replaceHint: ("", "")).en
        XCTAssertTrue(message.contains("where the kernel shows the system's state"), message)
        XCTAssertEqual(SafeWrite.write(bytes, to: folder + "/no/such/x.csv", replace: false),
                       .refused(path: folder + "/no/such/x.csv", .noFolder(folder + "/no/such")))
    }
}
