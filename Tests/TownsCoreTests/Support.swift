import Foundation
import TownsCore
import TownsTestSupport
import XCTest

/// The repository root, found from this file's path.
let repositoryRoot = packageRoot()

let bundledData = repositoryRoot + "/Data"

func loadBundled() throws -> Dataset {
    try DatasetLoader.load(directory: bundledData).dataset
}

func dec(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

/// A copy of the bundled data in a temporary folder (removed when the test ends), with `edit`
/// applied to one file.
func brokenCopy(_ file: String, _ edit: (String) -> String) throws -> String {
    let dir = try TemporaryFiles.copy(of: bundledData, name: "test",
                                      only: DatasetLoader.fileNames + DatasetLoader.optionalFileNames)
    let path = dir + "/" + file
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
    return dir
}

/// A fixed sequence, so that a failure repeats: SplitMix64's steps, with the first multiplier
/// `W21DecimalSumTests` was written with (0xBF58_476D_1CE5_E9B9, not SplitMix64's
/// 0xBF58_476D_1CE4_E5B9: kept, so the figures its tests and `W22PageDecimalTextTests` try stay
/// the same). Both draw their random figures from it.
struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// 1-based line of the first line containing `needle` after the line containing `after`.
func lineNumber(in file: String, of needle: String, after: String? = nil) throws -> Int {
    let lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
    var start = 0
    if let after { start = lines.firstIndex { $0.contains(after) }! }
    return lines[start...].firstIndex { $0.contains(needle) }! + 1
}

func loadErrors(_ dir: String) -> [LoadIssue] {
    do {
        _ = try DatasetLoader.load(directory: dir)
        return []
    } catch let failure as LoadFailure {
        return failure.errors
    } catch {
        return [LoadIssue(.error, .unreadable, file: "?", problem: "\(error)")]
    }
}
