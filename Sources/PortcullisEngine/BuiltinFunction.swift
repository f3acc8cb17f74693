/// What the language knows of one built-in function: arity, types, documentation line, what it reads
/// beyond the document at hand, and how it computes its result. Each built-in's is written once, in
/// `Builtin.function`; every other part reads it there: the lowering checks calls against it, the
/// rule graph derives from it which kinds cross-document rules look up, and the evaluator calls
/// `evaluate` through the graph's function table, resolved when the graph is built, so evaluation
/// never looks a name up.
package struct BuiltinFunction: Sendable {
    /// The values of a call's arguments: the ones given, `.absent` for the rest.
    package struct Arguments {
        /// How many arguments the call gives.
        var count: Int
        var first: Value
        var second: Value

        /// An optional namespace argument at `position`: its text (`""` when it is not text), `nil`
        /// when the call does not give it.
        func namespace(at position: Int) -> String? {
            guard count > position else { return nil }
            return (position == 0 ? first : second).stringValue ?? ""
        }
    }

    /// What the first argument may be; a call whose first argument is statically something else is
    /// a type error of the policy file.
    package enum ArgumentKind: Sendable {
        case any
        case text
        /// Text, or a number (`quantity(2)`).
        case textOrNumber

        /// The static types rejected.
        var rejected: Set<ValueType> {
            switch self {
            case .any: []
            case .text: [.bool, .number, .list, .image, .semver]
            case .textOrNumber: [.bool, .list, .image, .semver]
            }
        }
    }

    /// What a cross-document function looks at beyond the document being checked.
    package enum Lookup: Sendable, Equatable {
        /// The run's resources of the kinds its first argument names (a kind or a list of kinds; any
        /// kind when that argument is computed).
        case kindsInFirstArgument
        /// The run's resources of these kinds.
        case kinds(Set<String>)
        /// The run's custom resources (their identity and metadata are always built).
        case customResources
        /// What the run's CustomResourceDefinitions declare for the resource's own kind and API group
        /// (its scope, its schema). A definition can only declare a group with a dot in it, so only
        /// a resource of such a group can get a different verdict from them.
        case definitions
    }

    package let builtin: Builtin
    /// Accepted argument counts.
    package let arity: ClosedRange<Int>
    /// The type of the result.
    package let resultType: ValueType
    /// One line for documentation and errors.
    package let signature: String
    package let firstArgument: ArgumentKind
    /// `nil`: the function reads only its arguments.
    package let lookup: Lookup?
    /// The result on the arguments' values; `InputSet` holds the run's resources for lookups.
    let evaluate: @Sendable (_ arguments: Arguments, _ run: InputSet) -> Value

    init(_ builtin: Builtin, arity: ClosedRange<Int>, _ resultType: ValueType, firstArgument: ArgumentKind = .any, lookup: Lookup? = nil,
         _ signature: String, evaluate: @escaping @Sendable (_ arguments: Arguments, _ run: InputSet) -> Value) {
        self.builtin = builtin
        self.arity = arity
        self.resultType = resultType
        self.signature = signature
        self.firstArgument = firstArgument
        self.lookup = lookup
        self.evaluate = evaluate
    }

    /// The name policies call it by.
    package var name: String { builtin.rawValue }

    /// Whether the function looks across documents.
    package var isCrossDocument: Bool { lookup != nil }
}
