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

    /// The warning once the snapshot rebuilt in the background could not be written
    /// (`Action.snapshotNotRebuilt`; wave 41's fresh user: a read-only damaged snapshot was said to
    /// be rebuilt at every start, and never was): the figures shown are the text's; later starts
    /// read the text too, until `command` (which says why) succeeds.
    static func snapshotNotRebuilt(status: Int32, command: String) -> Bilingual {
        let why = status == 3 ? Bilingual("缓存文件夹不可写或磁盘已满", "the cache folder is not writable or the disk is full")
            : Bilingual("退出码 \(status)", "exit \(status)")
        return Bilingual(
            "快照未能重新生成（\(why.zh)）：所示数据读自文本，以后启动仍读文本；\(command) 说明原因",
            "the snapshot could not be rebuilt (\(why.en)): the data shown was read from the text, and later "
                + "starts read it too; \(command) says why")
    }
}
