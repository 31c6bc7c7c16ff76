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
        /// Data not known to be synthetic; `reason` says why, for the refusal (`Reason.zh`, `Reason.en`).
        case notSynthetic(reason: Reason)
    }

    /// Why a folder's data is not known to be synthetic, worded in either language (wave 24's
    /// fresh user: `generate --force`'s refusal gave it in English under a Chinese interface).
    public enum Reason: Equatable, Sendable {
        /// Data files (`files`: the first three; `more`: others follow) but no `dataset.toml`.
        case noDatasetFile(files: [String], more: Bool)
        /// `dataset.toml` cannot be read or parsed (`error`: the reader's words, as given).
        case unreadable(error: String)
        /// `dataset.toml` does not say `synthetic = true`.
        case notMarked

        /// The reason in Chinese.
        public var zh: String {
            switch self {
            case let .noDatasetFile(files, more):
                return "其中有 \(files.joined(separator: "、"))\(more ? "等" : "") 而没有 dataset.toml，无法判断是否为合成数据"
            case let .unreadable(error): return "其 dataset.toml 无法读取（\(error)），无法判断是否为合成数据"
            case .notMarked: return "其 dataset.toml 未写 synthetic = true：这是真实数据"
            }
        }

        /// The reason in English.
        public var en: String {
            switch self {
            case let .noDatasetFile(files, more):
                return "it holds \(files.joined(separator: ", "))\(more ? ", ..." : "") but no dataset.toml, "
                    + "so it cannot be told synthetic"
            case let .unreadable(error): return "its dataset.toml cannot be read (\(error)), so it cannot be told synthetic"
            case .notMarked: return "its dataset.toml does not say synthetic = true: it is real data"
            }
        }
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
            return .notSynthetic(reason: .noDatasetFile(files: Array(files.prefix(3)), more: files.count > 3))
        }
        let path = (directory as NSString).appendingPathComponent("dataset.toml")
        let table: TOMLTable
        do {
            table = try GuardedTOML.parse(try GuardedTOML.readSmallFile(path, maximumBytes: 1 << 24),
                                          file: "dataset.toml")
        } catch {
            return .notSynthetic(reason: .unreadable(error: "\(error)"))
        }
        if table["dataset"]?.table?["synthetic"]?.bool == true { return .synthetic }
        return .notSynthetic(reason: .notMarked)
    }
}
