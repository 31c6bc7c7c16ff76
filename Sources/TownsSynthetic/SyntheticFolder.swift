import Foundation
import TOMLKit
import TownsCore

/// What a folder holds, as `towns generate --force` must know before it writes a synthetic
/// dataset there: nothing the loader reads, a synthetic dataset (which it may replace whole), or
/// data that is not marked synthetic (which it must never overwrite).
///
/// "Synthetic" is the `synthetic = true` of `[dataset]` in `dataset.toml`, the mark
/// `towns generate` writes (see `SyntheticDataset`); the loader reads the same key.
public enum SyntheticFolder {
    /// What `holding(directory:)` found.
    public enum Holding: Equatable, Sendable {
        /// No file the dataset loader reads (the folder may hold other files, or not exist).
        case noDataset
        /// A dataset whose `dataset.toml` says `synthetic = true`.
        case synthetic
        /// Data not known to be synthetic; `reason` says why, in English, for the refusal.
        case notSynthetic(reason: String)
    }

    /// The files of `directory` the dataset loader reads, relative to it, in name order: the
    /// required and optional files of `DatasetLoader` that are there, then `monthly/NAME.toml`
    /// for every monthly file (`DatasetLoader.monthlyFileNames`).
    public static func datasetFiles(directory: String) -> [String] {
        let names = (DatasetLoader.fileNames + DatasetLoader.optionalFileNames).filter {
            DataFile.entryExists((directory as NSString).appendingPathComponent($0))
        }
        let monthly = DatasetLoader.monthlyFileNames(directory: directory).map {
            DatasetLoader.monthlyFolderName + "/" + $0
        }
        return names.sorted() + monthly
    }

    /// Whether `directory` holds no dataset, a synthetic one, or one that is not marked
    /// synthetic (a `dataset.toml` that is missing while other data files are there, cannot be
    /// read or parsed, or lacks `synthetic = true` counts as not synthetic: real data is never
    /// guessed to be disposable).
    public static func holding(directory: String) -> Holding {
        let files = datasetFiles(directory: directory)
        if files.isEmpty { return .noDataset }
        guard files.contains("dataset.toml") else {
            return .notSynthetic(reason: "it holds \(files.prefix(3).joined(separator: ", "))"
                + "\(files.count > 3 ? ", ..." : "") but no dataset.toml, so it cannot be told synthetic")
        }
        let path = (directory as NSString).appendingPathComponent("dataset.toml")
        let table: TOMLTable
        do {
            table = try GuardedTOML.parse(try GuardedTOML.readSmallFile(path, maximumBytes: 1 << 24),
                                          file: "dataset.toml")
        } catch {
            return .notSynthetic(reason: "its dataset.toml cannot be read (\(error)), so it cannot be told synthetic")
        }
        if table["dataset"]?.table?["synthetic"]?.bool == true { return .synthetic }
        return .notSynthetic(reason: "its dataset.toml does not say synthetic = true: it is real data")
    }
}
