import Synchronization

/// The name a missing field was looked up by (`Value.missing`), as a number: a finding at a missing
/// field shows it at the end of its path, and nothing else reads it.
///
/// A `String` there was counted at every copy of the value (most field names a policy reads past a
/// missing one, `allowPrivilegeEscalation`, are longer than a small string holds): a missing value is
/// copied out of the evaluator's cache each time a rule reads it. A number makes the copy free.
/// The names are held once for the process, in the order first asked for: a graph numbers the field
/// names of its plan when it is built, so evaluating asks for none.
package struct MissingKey: Hashable, Sendable {
    private let id: Int32

    /// The key for `name`.
    package init(_ name: String) {
        id = Self.names.withLock { names in
            if let id = names.ids[name] { return id }
            let id = Int32(names.all.count)
            names.all.append(name)
            names.ids[name] = id
            return id
        }
    }

    /// The field name.
    package var name: String {
        Self.names.withLock { $0.all[Int(id)] }
    }

    /// `labels`, the key a pod template's metadata is read by (`LabelSelector`).
    static let labels = MissingKey("labels")

    /// Every name asked for, and each one's number.
    private static let names = Mutex<(all: [String], ids: [String: Int32])>(([], [:]))
}
