/// The last `capacity` values put, by key; a value read or put becomes the most recent.
struct Recent<Key: Equatable, Value> {
    private var entries: [(key: Key, value: Value)] = []
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    mutating func get(_ key: Key) -> Value? {
        guard let i = entries.firstIndex(where: { $0.key == key }) else { return nil }
        let entry = entries.remove(at: i)
        entries.append(entry)
        return entry.value
    }

    mutating func put(_ key: Key, _ value: Value) {
        entries.removeAll { $0.key == key }
        entries.append((key, value))
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
    }
}
