#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import TownsCore

/// Editing one data file by hand the way `visudo` and `crontab -e` do (`towns edit FILE`): the
/// user edits a copy; the whole dataset is loaded with the copy in the file's place; only a
/// copy with which it loads is renamed into place, under the import lock, and only when the
/// file has not changed since the copy was taken. The data folder is never left broken.
public enum DatasetEdit {
    /// The name inside the dataset folder `directory` (`figures.toml`, `monthly/2015-10.toml`)
    /// of `file`, given as such a name or as a path to it; nil when it is not a file the
    /// loader reads (a required or optional file, or `monthly/YYYY-MM.toml`).
    public static func relativeName(of file: String, in directory: String) -> String? {
        var name = file
        let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
        let folder = URL(fileURLWithPath: directory).standardizedFileURL.path + "/"
        if absolute.hasPrefix(folder) { name = String(absolute.dropFirst(folder.count)) }
        if (DatasetLoader.fileNames + DatasetLoader.optionalFileNames).contains(name) { return name }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0] == Substring(DatasetLoader.monthlyFolderName), parts[1].hasSuffix(".toml"),
           !parts[1].hasPrefix("."), parts[1].count == "YYYY-MM.toml".count {
            return name
        }
        return nil
    }

    /// Loads the dataset in `directory` with the file at `candidate` in place of `name`. Every
    /// problem names `directory`'s file (the lines are the candidate's: those of the file once
    /// it is put in place).
    public static func check(directory: String, name: String,
                             candidate: String) -> Result<(Dataset, [LoadIssue]), LoadFailure> {
        let shadow = NSTemporaryDirectory() + "towns-edit-check-\(getpid())-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: shadow) }
        func fail(_ problem: String) -> Result<(Dataset, [LoadIssue]), LoadFailure> {
            .failure(LoadFailure(issues: [LoadIssue(.error, .unreadable, file: directory,
                                                    .value(.unexpected(problem)))]))
        }
        do {
            try FileManager.default.createDirectory(atPath: shadow + "/" + DatasetLoader.monthlyFolderName,
                                                    withIntermediateDirectories: true)
        } catch {
            return fail("cannot make a folder to check the edit in: \(error)")
        }
        var names = DatasetLoader.readFileNames(directory: directory)
        if !names.contains(name) { names.append(name) }
        for entry in names {
            let source = entry == name ? candidate : (directory as NSString).appendingPathComponent(entry)
            var info = stat()
            guard entry == name || lstat(source, &info) == 0 else { continue }
            let absolute = URL(fileURLWithPath: source).standardizedFileURL.path
            guard symlink(absolute, shadow + "/" + entry) == 0 else {
                return fail("cannot link \(entry) to check the edit: \(String(cString: strerror(errno)))")
            }
        }
        func relocated(_ issue: LoadIssue) -> LoadIssue {
            var issue = issue
            if issue.file.hasPrefix(shadow + "/") {
                let inside = String(issue.file.dropFirst(shadow.count + 1))
                issue.file = (directory as NSString).appendingPathComponent(inside)
            } else if issue.file == shadow {
                issue.file = directory
            }
            return issue
        }
        do {
            let loaded = try DatasetLoader.load(directory: shadow)
            return .success((loaded.dataset, loaded.warnings.map(relocated)))
        } catch let failure as LoadFailure {
            return .failure(LoadFailure(issues: failure.issues.map(relocated)))
        } catch {
            return fail("\(error)")
        }
    }

    /// What `install` did.
    public enum Outcome: Sendable {
        /// Renamed into place; the dataset loads with it (with these many warnings).
        case installed(warnings: Int)
        /// The dataset does not load with the edit: nothing written.
        case doesNotLoad(LoadFailure)
        /// The file changed since the copy was taken (another editor, an import): nothing written.
        case changedMeanwhile
        /// The write failed (`reason`): nothing written.
        case failed(String)
    }

    /// Puts the bytes of `candidate` at `name` in `directory`, if the file still holds
    /// `original` (nil: it did not exist) and the dataset loads with the candidate; under the
    /// import lock, so no import or other edit runs meanwhile.
    public static func install(directory: String, name: String, candidate: String, original: [UInt8]?) -> Outcome {
        let lock: ImportLock
        do { lock = try ImportLock(directory: directory) } catch { return .failed("\(error)") }
        defer { lock.release() }
        let path = (directory as NSString).appendingPathComponent(name)
        var info = stat()
        let exists = lstat(path, &info) == 0
        let current = exists ? FileManager.default.contents(atPath: path).map { [UInt8]($0) } : nil
        guard current == original else { return .changedMeanwhile }
        let warnings: Int
        switch check(directory: directory, name: name, candidate: candidate) {
        case let .failure(failure): return .doesNotLoad(failure)
        case let .success((_, found)): warnings = found.count
        }
        guard let bytes = FileManager.default.contents(atPath: candidate) else {
            return .failed("cannot read \(candidate)")
        }
        // A data file that is a symbolic link: the file it points to is the one replaced.
        var target = path
        if exists && info.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) {
            target = String(cString: resolved)
            free(resolved)
            _ = stat(target, &info)
        }
        if name.hasPrefix(DatasetLoader.monthlyFolderName + "/") {
            let monthly = (directory as NSString).appendingPathComponent(DatasetLoader.monthlyFolderName)
            try? FileManager.default.createDirectory(atPath: monthly, withIntermediateDirectories: true)
        }
        do {
            let file = try AtomicFile(path: target, bytes: [UInt8](bytes), mode: exists ? info.st_mode & 0o7777 : 0o644)
            try file.commit()
        } catch {
            return .failed("\(error)")
        }
        return .installed(warnings: warnings)
    }
}
