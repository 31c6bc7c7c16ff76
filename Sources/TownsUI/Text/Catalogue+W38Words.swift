/// Wave 38's words.
extension Catalogue {
    /// The warning once blocks of the snapshot's deferred part are found damaged after the first
    /// frame (`Action.snapshotDamaged`): what is shown is still the data's (each table in a damaged
    /// block is worked out from the data instead), and the snapshot is being rebuilt.
    static func snapshotBlocksDamaged(_ blocks: Int) -> Bilingual {
        Bilingual(
            "快照有 \(blocks) 块损坏：其中的表已改从数据算出（所示数字不受影响），快照在后台重建",
            "\(blocks) block\(blocks == 1 ? " is" : "s are") damaged in the snapshot: the tables in "
                + "\(blocks == 1 ? "it" : "them") are worked out from the data instead (the figures shown are not "
                + "affected); the snapshot is being rebuilt in the background")
    }
}
