import ArgumentParser
import Foundation
import TownsCore
import TownsImport
import TownsUI

/// `towns edit FILE`: edit one data file safely, as `visudo` and `crontab -e` do.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Edit a data file in $VISUAL or $EDITOR on a copy; put it in place only if the data loads with it.",
        discussion: """
        FILE is a file of the dataset folder (figures.toml, monthly/2015-10.toml, ...; a new \
        monthly file may be created). The editor gets a copy outside the folder; when it exits, \
        the whole dataset is loaded with the copy in the file's place. If it loads, the copy is \
        renamed over the file (atomically, under the import lock, and only if the file has not \
        changed meanwhile): a running dashboard never sees a half-written file. If it does not, \
        every problem is printed and you are asked to edit again (e) or quit (q) leaving the \
        data as it was. Exit status: 0 written or nothing changed, 1 not written (your edit is \
        kept and its path printed), 2 FILE is not a data file. Messages are in --lang's language \
        (else the config's, else Chinese; English under LANG=C).
        """)

    @Argument(help: ArgumentHelp("The data file to edit, e.g. figures.toml.", valueName: "FILE"))
    var file: String
    @OptionGroup var data: DataOptions
    /// `--lang`, declared for this command's help; its value is `towns`'s (`root.display`), which
    /// parses it before or after the command's name.
    @OptionGroup var language: LanguageOption
    /// `towns` itself, whose `--lang` words the messages, and whose `--ascii`, `--themes`,
    /// `--theme` this command refuses.
    @ParentCommand var root: Towns
    func validate() throws { try root.display.refuse(for: "edit", except: ["--lang"]) }
    /// The messages' language: the dashboard's rule (`--lang`, the config, zh; en under LANG=C), as
    /// `towns import`'s (wave 20: they were English, with a few Chinese words, in both).
    var chinese: Bool { root.display.wordsLanguage(config: Config(path: nil).language) == .zh }

    func run() throws {
        let directory = try data.directory()
        let zh = chinese
        func t(_ chinese: String, _ english: String) -> String { zh ? chinese : english }
        // A data folder that is not there is refused (a fresh user's `--data /nonexist` said
        // "no change" and exited 0 after an empty file was edited).
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationFailure(t("没有这个数据文件夹：\(directory)", "no such data folder: \(directory)"))
        }
        guard let name = DatasetEdit.relativeName(of: file, in: directory) else {
            let names = (DatasetLoader.fileNames + DatasetLoader.optionalFileNames).joined(separator: ", ")
            throw ValidationFailure(t("\(file) 不是 \(directory) 的数据文件（\(names)、monthly/YYYY-MM.toml）",
                                      "\(file) is not a data file of \(directory) (\(names), monthly/YYYY-MM.toml)"))
        }
        let path = (directory as NSString).appendingPathComponent(name)
        let original: [UInt8]?
        do {
            original = DataFile.entryExists(path)
                ? try DataFile.read(path: path, displayPath: path, maximumBytes: DatasetLoader.maximumFileBytes) : nil
        } catch let issue as LoadIssue {
            throw ValidationFailure(issue.description(chinese: zh))
        } catch {
            throw ValidationFailure("\(error)")
        }
        // The copy the editor gets, in a folder of this command's own, removed however the
        // command ends unless it holds an edit that was not put in place (its path printed).
        let scratch = try ScratchFolder(prefix: "towns-edit")
        let copy = scratch.path + "/" + (name as NSString).lastPathComponent
        let progress = EditProgress()
        defer { if !progress.keeps { scratch.remove() } }
        guard FileManager.default.createFile(atPath: copy, contents: Data(original ?? [])) else {
            throw ValidationFailure(t("不能在 \(copy) 写入要编辑的副本", "cannot write a copy to edit at \(copy)"))
        }
        /// Whether the folder holds work: the copy changed, or anything beside it (an editor's
        /// swap or backup file).
        @Sendable func holdsWork() -> Bool {
            let edited = FileManager.default.contents(atPath: copy).map { [UInt8]($0) } ?? []
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: scratch.path)) ?? []
            return edited != (original ?? []) || entries.count > 1
        }
        func keep(_ why: String) -> ExitCode {
            guard holdsWork() else {
                printError(t("towns edit: \(why)；\(name) 未改动", "towns edit: \(why); \(name) is unchanged"))
                return ExitCode(1)
            }
            progress.keep()
            printError(t("towns edit: \(why)；\(name) 未改动。你的编辑保存在 \(copy)",
                         "towns edit: \(why); \(name) is unchanged. Your edit is kept at \(copy)"))
            return ExitCode(1)
        }
        // Ctrl-C while the editor runs is the editor's (it got it too); any other SIGINT, SIGTERM
        // or SIGHUP ends the command, the copy removed unless it holds work.
        let interrupted = t("towns edit: 已中断；\(name) 未改动。你的编辑保存在 \(scratch.path)",
                            "towns edit: interrupted; \(name) is unchanged. Your edit is kept in \(scratch.path)")
        scratch.removeOnSignals { signal in
            if signal == SIGINT && progress.editing { return .ignore }
            guard holdsWork() else { return .remove }
            progress.keep()
            printError(interrupted)
            return .keep
        }
        while true {
            progress.editing = true
            let status = EditCommand.runEditor(on: copy)
            progress.editing = false
            guard status == 0 else { throw keep(t("编辑器退出，状态 \(status)", "the editor exited with status \(status)")) }
            let edited = FileManager.default.contents(atPath: copy).map { [UInt8]($0) } ?? []
            if edited == (original ?? []) {
                printOut(t("towns edit: 没有改动（\(name)）", "towns edit: no change (\(name))"))
                return
            }
            switch DatasetEdit.install(directory: directory, name: name, candidate: copy, original: original) {
            case let .installed(warnings):
                printOut(t("towns edit: 已保存 \(path)，数据可读", "towns edit: \(path) written; the dataset loads")
                         + (warnings > 0 ? t("（\(warnings) 个警告：towns check）", " (" + EnglishCount.of(warnings, "warning") + ": towns check)") : ""))
                return
            case .changedMeanwhile:
                throw keep(t("编辑期间 \(path) 已被改动（另一次编辑或导入）",
                             "\(path) changed while you edited it (another edit or an import)"))
            case let .failed(reason):
                throw keep(t("不能写入 \(path)：\(reason)", "cannot write \(path): \(reason)"))
            case let .doesNotLoad(failure):
                for issue in failure.issues { printError(TerminalText.sanitize(issue.description(chinese: zh))) }
                printError(t("towns edit: 改后数据不能读取（\(failure.errors.count) 个错误）。",
                             "towns edit: the dataset does not load with this edit (" + EnglishCount.of(failure.errors.count, "error") + ")."))
                let question = t("再编辑 e / 放弃不保存 q？[e] ", "edit again (e) or quit without saving (q)? [e] ")
                FileHandle.standardError.write(Data(question.utf8))
                guard let answer = readLine(), !answer.lowercased().hasPrefix("q") else { throw keep(t("未保存", "not saved")) }
            }
        }
    }

    /// Runs $VISUAL, else $EDITOR, else vi, on `path` (through /bin/sh, so the variable may
    /// hold arguments, e.g. "code --wait"), with this process's terminal; its exit status.
    static func runEditor(on path: String) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", editor + " \"$1\"", "sh", path]
        do { try process.run() } catch { return 127 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// What `towns edit` is doing, read by its signal thread: whether the editor runs, and whether the
/// copy is to be kept (an edit not put in place, its path printed).
private final class EditProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var editorRuns = false
    private var kept = false
    var editing: Bool {
        get { lock.withLock { editorRuns } }
        set { lock.withLock { editorRuns = newValue } }
    }
    var keeps: Bool { lock.withLock { kept } }
    func keep() { lock.withLock { kept = true } }
}
