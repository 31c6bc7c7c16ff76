import Foundation
import TownsCore
import XCTest

/// Wave 11: the data's notes (a provenance's `note`, `also_note`, an interpretation's reasoning
/// and readings, a source's note) have their Chinese words beside the English in Data/*.toml;
/// the English stays the data's text.
final class W11DataNotesTests: XCTestCase {
    /// Every note written in the bundled data has Chinese words, loaded by its English: a note
    /// added in English only fails this test.
    func testEveryNoteOfTheBundledDataHasChineseWords() throws {
        let dataset = try loadBundled()
        var notes: [String] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: bundledData).filter { $0.hasSuffix(".toml") }
        for name in names {
            let text = try String(contentsOfFile: bundledData + "/" + name, encoding: .utf8)
            for line in text.components(separatedBy: "\n") {
                for key in ["note", "also_note", "interpreted"] where line.hasPrefix(key + " = \"") && line.hasSuffix("\"") {
                    let body = String(line.dropFirst(key.count + 4).dropLast())
                    notes.append(body.replacingOccurrences(of: "\\\"", with: "\""))
                }
            }
        }
        XCTAssertGreaterThanOrEqual(notes.count, 15, "the notes were found")
        for note in notes {
            let zh = try XCTUnwrap(dataset.notesZH[note], "no note_zh for: \(note)")
            XCTAssertNotNil(zh.range(of: "\\p{Han}", options: .regularExpression), zh)
            XCTAssertEqual(dataset.note(note, chinese: false), note, "the English is kept")
            XCTAssertEqual(dataset.note(note, chinese: true), zh)
        }
        XCTAssertEqual(dataset.note("no such note", chinese: true), "no such note", "without Chinese words: English")
    }

    /// The interpretation's readings have Chinese words, one each, and the count is checked.
    func testReadingsHaveChineseWordsOneEach() throws {
        let dataset = try loadBundled()
        let readings = Set(dataset.towns.flatMap { $0.figures.values }.compactMap { f -> [String]? in
            if case let .interpreted(_, readings) = f.provenance { return readings }
            return nil
        }.joined())
        XCTAssertGreaterThanOrEqual(readings.count, 2)
        for r in readings { XCTAssertNotNil(dataset.notesZH[r], r) }
        let dir = try brokenCopy("figures.toml") {
            guard let r = $0.range(of: "readings_zh = [\"") else { return $0 }
            return $0.replacingCharacters(in: r, with: "readings_zh = [\"x\", \"")
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let issue = try XCTUnwrap(loadErrors(dir).first { $0.field?.hasSuffix("readings_zh") == true })
        XCTAssertEqual(issue.message, .value(.readingsZHCount(2, 3)))
        XCTAssertTrue(issue.description(chinese: true).contains("有 3 种读法"), issue.description(chinese: true))
    }

    /// The notes' Chinese words travel in a snapshot.
    func testNotesChineseWordsRoundTripInASnapshot() throws {
        let dir = try brokenCopy("dataset.toml") { $0 }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cache = NSTemporaryDirectory() + "towns-notes-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let store = SnapshotStore(folder: cache)
        try store.write(directory: dir)
        let read = try store.load(directory: dir)
        let loaded = try DatasetLoader.load(directory: dir).dataset
        XCTAssertFalse(loaded.notesZH.isEmpty)
        XCTAssertEqual(read.dataset.notesZH, loaded.notesZH)
    }
}
