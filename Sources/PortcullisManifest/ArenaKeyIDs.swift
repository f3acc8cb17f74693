/// Key names resolved to key ids (`KeyID`) in one arena at a time, each looked up by its bytes the
/// first time it is asked for there, not once per mapping asked: what a loop over the documents of
/// a file (or over documents evaluated one after another) keeps between them.
package struct ArenaKeyIDs {
    private let names: [String]
    /// Per name: not looked up yet (`.none`), absent from the arena (`.some(nil)`), or its id.
    private var ids: [KeyID??]
    /// The arena the ids are of (`ManifestStorage.address`) and the caller's generation for it.
    private var arena: UInt = 0
    private var generation: UInt32 = 0

    /// No name looked up yet.
    package init(_ names: [String]) {
        self.names = names
        ids = [KeyID??](repeating: .none, count: names.count)
    }

    /// How many names there are.
    package var count: Int { names.count }

    /// The id of name `number` in `storage`, `nil` when no mapping there has that key. Another arena
    /// starts the ids over; so does another `generation`, which a caller that keeps these across
    /// arenas it lets go changes with each arena (one address may be another arena's later on).
    package mutating func id(_ number: Int, in storage: ManifestStorage, generation: UInt32 = 0) -> KeyID? {
        if storage.address != arena || generation != self.generation {
            arena = storage.address
            self.generation = generation
            for index in ids.indices { ids[index] = .none }
        }
        if case .some(let known) = ids[number] { return known }
        let id = storage.keyID(names[number])
        ids[number] = .some(id)
        return id
    }
}
