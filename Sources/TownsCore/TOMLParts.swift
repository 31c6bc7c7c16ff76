import Foundation
import TOMLKit

/// Reading a large TOML file in parts (see `TOMLDocument`): how the file splits at its
/// `[[name]]` headers, the check that every part parses, and the parts handed to the loader
/// one at a time, each parsed on another core while the one before is read.
extension TOMLDocument {
    /// For a document whose later parts were found not to parse: what init (checking every
    /// part) would have made of the file: its syntax error, or, when the whole file parses
    /// all the same, the document read whole (not in parts).
    func wholeFile() -> Result<TOMLDocument, LoadIssue> {
        do {
            return .success(TOMLDocument(wholeFileOf: self,
                table: try TOMLDocument.parseWhole(lines.text, displayPath: path)))
        } catch let issue as LoadIssue {
            return .failure(issue)
        } catch {
            return .failure(LoadIssue(.error, .syntax, file: path, .tomlSyntax("\(error)")))
        }
    }

    /// For a document whose later parts are unchecked: whether every part parses (each is
    /// parsed and freed, on every core).
    func partsParse() -> Bool {
        guard partsUnchecked, let parts else { return true }
        guard let first = TOMLDocument.validate(parts, lines) else { return false }
        first.clear()
        return true
    }

    /// How a file made only of `[[name]]` records (one name, no `[table]` headers, no
    /// multi-line strings, more than one part's worth) splits into parts at its headers; nil
    /// for any other file.
    static func split(_ text: String, _ lines: TextLines, _ arrays: [String: [Int]],
                              _ tables: [String: Int]) -> (name: String, lines: [Range<Int>], firstRecord: [Int])? {
        guard tables.isEmpty, arrays.count == 1, let (name, headers) = arrays.first, headers.count > partRecords,
              !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isASCII
                  && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }),
              !containsTripleQuote(text) else { return nil }
        var ranges: [Range<Int>] = []
        var firsts: [Int] = []
        var start = 0
        var record = 0
        while record < headers.count {
            let next = record + partRecords
            let end = next < headers.count ? headers[next] - 1 : lines.count
            ranges.append(start..<end)
            firsts.append(record)
            start = end
            record = next
        }
        return (name, ranges, firsts)
    }

    /// Whether `text` holds `"""` or `'''` (a multi-line string may). The bytes are searched
    /// first; only a file where they are found is asked again as `String.contains` did, so the
    /// answer is the same (a quote followed by a combining mark is no match there).
    static func containsTripleQuote(_ text: String) -> Bool {
        var text = text
        text.makeContiguousUTF8()
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var run = 0
            var quote: UInt8 = 0
            for byte in bytes {
                if byte == 0x22 || byte == 0x27 {
                    run = byte == quote ? run + 1 : 1
                    quote = byte
                    if run == 3 { return true }
                } else {
                    run = 0
                }
            }
            return false
        } ?? true
        return found && (text.contains("\"\"\"") || text.contains("\'\'\'"))
    }

    /// Parses every part; returns the first part's table, or nil on any syntax error (the
    /// caller then parses the whole file, whose error names the right place in its words).
    /// The parts are parsed on every core (toml++ keeps no state between documents); the
    /// answer does not depend on which part fails first.
    static func validate(_ split: (name: String, lines: [Range<Int>], firstRecord: [Int]),
                         _ lines: TextLines) -> TOMLTable? {
        let results = PartResults(count: split.lines.count)
        DispatchQueue.concurrentPerform(
            iterations: min(ProcessInfo.processInfo.activeProcessorCount, split.lines.count)
        ) { worker in
            while let i = results.next(), !results.failed {
                guard let table = try? GuardedTOML.parseChecked(String(lines.text(of: split.lines[i])), file: "") else {
                    results.fail()
                    return
                }
                if i == 0 { results.keep(table) } else { table.clear() }
            }
        }
        if results.failed {
            results.first?.clear()
            return nil
        }
        return results.first
    }

    /// The parts `validate` has handed out, whether one failed, and the first part's table;
    /// shared by its workers under a lock.
    private final class PartResults: @unchecked Sendable {
        private let lock = NSLock()
        private let count: Int
        private var taken = 0
        private var _failed = false
        private(set) var first: TOMLTable?

        init(count: Int) { self.count = count }

        /// The next part to parse, or nil when every part is handed out.
        func next() -> Int? {
            lock.withLock {
                guard taken < count else { return nil }
                taken += 1
                return taken - 1
            }
        }

        var failed: Bool { lock.withLock { _failed } }
        func fail() { lock.withLock { _failed = true } }
        func keep(_ table: TOMLTable) { lock.withLock { first = table } }
    }

    /// The number of tables `[[name]]` records come in: 1, or the number of parts.
    func partCount(of name: String) -> Int {
        guard let parts, parts.name == name else { return 1 }
        return parts.lines.count
    }

    /// The table holding part `index` of the `[[name]]` records and the index of its first
    /// record. Part 0 is `table`; a later part is parsed now: `clear()` it when done.
    func part(_ index: Int, of name: String) -> (table: TOMLTable, firstRecord: Int) {
        tryPart(index, of: name) ?? (TOMLTable(), parts?.firstRecord[index] ?? 0)
    }

    /// `part`, or nil when the part does not parse (only possible when `partsUnchecked`: the
    /// parts of a checked document all parsed at init).
    private func tryPart(_ index: Int, of name: String) -> (table: TOMLTable, firstRecord: Int)? {
        guard index > 0, parts?.name == name else { return (table, 0) }
        return partText.parse(index)
    }

    /// What parsing a later part needs (the text, where the parts are), without the parsed
    /// first part: a value another thread may take (`TOMLTable` is a class shared with no lock).
    struct PartText: Sendable {
        let lines: TextLines
        let parts: (name: String, lines: [Range<Int>], firstRecord: [Int])?
        let path: String

        /// Part `index` (> 0) parsed, or nil when it does not parse.
        func parse(_ index: Int) -> (table: TOMLTable, firstRecord: Int)? {
            guard let parts else { return nil }
            let text = String(lines.text(of: parts.lines[index]))
            guard let table = try? GuardedTOML.parseChecked(text, file: path) else { return nil }
            return (table, parts.firstRecord[index])
        }
    }

    var partText: PartText { PartText(lines: lines, parts: parts, path: path) }

    /// The parts of the `[[name]]` records in order, each parsed while the caller reads the
    /// one before it (on another core): `body` gets part 0, 1, ... on the calling thread, and
    /// each part after the first is cleared when `body` returns. Returns false, having stopped
    /// before it, when a part does not parse (only possible when `partsUnchecked`).
    @discardableResult
    func forEachPart(of name: String, _ body: ((table: TOMLTable, firstRecord: Int)) -> Void) -> Bool {
        let count = partCount(of: name)
        guard count > 1 else {
            body(part(0, of: name))
            return true
        }
        let queue = DispatchQueue(label: "towns.toml-part")
        var next: PartFuture?
        for index in 0..<count {
            let parsed = next.map { $0.wait() } ?? tryPart(index, of: name)
            next = nil
            guard let current = parsed ?? (partsUnchecked ? nil : (TOMLTable(), parts?.firstRecord[index] ?? 0)) else {
                return false
            }
            if index + 1 < count {
                let future = PartFuture()
                let source = partText
                queue.async { future.fulfil(source.parse(index + 1)) }
                next = future
            }
            body(current)
            if index > 0 { current.table.clear() }
        }
        return true
    }

    /// A part being parsed on another thread. `@unchecked Sendable` beside its lock: the
    /// semaphore `done`. `value` is written once by the parsing thread before `signal`, and
    /// read by the waiting thread only after `wait` returns; the table is then used by that
    /// thread alone.
    private final class PartFuture: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var value: (table: TOMLTable, firstRecord: Int)??

        func fulfil(_ part: (table: TOMLTable, firstRecord: Int)?) {
            value = .some(part)
            done.signal()
        }

        /// The part, or nil when it does not parse.
        func wait() -> (table: TOMLTable, firstRecord: Int)? {
            done.wait()
            return value!
        }
    }
}
