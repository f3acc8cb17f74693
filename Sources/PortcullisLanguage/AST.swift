import PortcullisDiagnostics

/// A parsed `.policy` file: parameter declarations and policies, in source order.
package struct PolicyFileSyntax: Sendable {
    package var path: String
    package var parameters: [ParameterDecl]
    package var policies: [PolicyDecl]
    /// `pack NAME`: the pack whose parameter scope the file's parameters belong to (default: the
    /// built-in pack's folder, or the file's name without `.policy`).
    package var pack: (name: String, span: SourceSpan)?

    package init(path: String, parameters: [ParameterDecl], policies: [PolicyDecl], pack: (name: String, span: SourceSpan)? = nil) {
        self.path = path
        self.parameters = parameters
        self.policies = policies
        self.pack = pack
    }
}

/// `param NAME = literal`: a value the user may override (`--param NAME=value`).
package struct ParameterDecl: Sendable {
    package var name: String
    package var defaultValue: Expr
    package var span: SourceSpan
}

/// The severities a policy can have.
package typealias PolicySeverity = Severity

/// `policy "id" { … }`.
package struct PolicyDecl: Sendable {
    package var id: String
    package var idSpan: SourceSpan
    package var title: String?
    package var description: String?
    package var severity: Severity = .error
    package var tags: [String] = []
    package var help: String?
    package var helpURL: String?
    package var remediation: String?
    package var matches: [Matcher] = []
    package var excludes: [Matcher] = []
    /// `for a in X, b in a.y`: nested iterations, outermost first; each later collection may read
    /// the earlier variables (the parent of the element).
    package var iterations: [Iteration] = []
    /// `let NAME = EXPR` clauses in source order; each sees the iteration variables declared before it.
    package var lets: [LetDecl] = []
    /// The `deny when` blocks, in source order; each has its own message and location.
    package var denies: [DenyBlock] = []
    /// A `message` given before any `deny`: the default of every block without its own.
    package var defaultMessage: MessageTemplate?
    /// An `at` given before any `deny`: the default of every block without its own.
    package var defaultAt: Expr?
    package var examples: [Example] = []
    /// `enabled false`: an opt-in policy, run only when selected (`--enable`, `--only`, the config file).
    package var enabledByDefault = true
    package var span: SourceSpan

    /// The outermost iteration (nested ones are in `iterations`).
    package var iteration: Iteration? { iterations.first }
    /// The first block's condition (every block's is in `denies`).
    package var condition: Expr? { denies.first?.condition }
    /// The first block's message (its own, else the policy's default).
    package var message: MessageTemplate? { denies.first?.message ?? defaultMessage }
    /// The first block's location (its own, else the policy's default).
    package var at: Expr? { denies.first?.at ?? defaultAt }
}

/// `deny [LABEL] when EXPR`, with the `message` and `at` clauses that follow it.
///
/// A finding names its block: by `label` when given, else by its 1-based number when the policy
/// has several blocks (a single unlabelled block is not named: reports stay as they were).
package struct DenyBlock: Sendable {
    package var label: String?
    package var condition: Expr
    /// This block's message and location; `nil`: the policy-level ones (or their defaults).
    package var message: MessageTemplate?
    package var at: Expr?
    package var span: SourceSpan
}

/// `let NAME = EXPR`: a name for a sub-expression. It costs nothing at run time: uses of the name
/// are the expression's own plan node.
package struct LetDecl: Sendable {
    package var name: String
    package var value: Expr
    /// How many iteration variables (`policy.iterations`) are in scope where the `let` stands.
    package var iterationDepth: Int
    package var span: SourceSpan
}
/// What a policy applies to: `match …` / `exclude …`.
package enum Matcher: Sendable {
    /// Every kind with a pod template.
    case workload
    case kinds([String])
    case apiVersions([String])
    case namespaces([String])
    /// Label or annotation present (value `nil`) or equal to a value.
    case label(String, value: String?)
    case annotation(String, value: String?)
    /// File path globs (`envs/prod/**`).
    case paths([String])
    /// The admission operation of a resource read from an AdmissionReview (`UPDATE`); a manifest
    /// file has none, so `operation` never holds for it.
    case operations([String])
    /// `namespaced` / `cluster-scoped`: the resource's kind lives in a namespace / in the cluster as a
    /// whole, as Kubernetes says for its own kinds and a CustomResourceDefinition of the run for its kind.
    case namespaced
    case clusterScoped
    /// `A and B`: every one holds (`exclude kind Pod and operation UPDATE`).
    case all([Matcher])
    /// `namespace params.prod_namespaces` (kind, apiVersion, namespace, path, operation): the names a
    /// parameter holds, resolved when the policy compiles. `path` is `["name"]` or `["pack", "name"]`.
    case parameter(ParameterMatcher, path: [String], span: SourceSpan)
}

/// The matchers whose names may come from a parameter.
package enum ParameterMatcher: String, Sendable {
    case kind, apiVersion, namespace, path, operation
}

/// `for NAME in EXPR`.
package struct Iteration: Sendable {
    package var variable: String
    package var collection: Expr
    package var span: SourceSpan
}

/// A message with `{expression}` holes.
package struct MessageTemplate: Sendable {
    package enum Part: Sendable {
        case text(String)
        case expression(Expr)
    }

    package var parts: [Part]
    package var span: SourceSpan
}

/// `example pass """…"""` or `example fail """…"""`.
package struct Example: Sendable {
    package var shouldFail: Bool
    /// `example fail with {name: value, …}`: parameters set for this example only.
    package var parameters: [(name: String, value: Expr)] = []
    package var text: String
    /// Line of the policy file holding the example's first line.
    package var firstLine: Int
    package var span: SourceSpan
}

/// An expression, with its source span.
package indirect enum Expr: Sendable {
    case identifier(String, SourceSpan)
    case string(String, SourceSpan)
    case number(Double, SourceSpan)
    case bool(Bool, SourceSpan)
    case null(SourceSpan)
    case list([Expr], SourceSpan)
    /// `{key: value, …}`: a mapping literal (parameters and examples).
    case mapping([(key: String, value: Expr)], SourceSpan)
    case field(Expr, String, SourceSpan)
    case index(Expr, Expr, SourceSpan)
    case call(String, [Expr], SourceSpan)
    case unary(UnaryOperator, Expr, SourceSpan)
    case binary(BinaryOperator, Expr, Expr, SourceSpan)
    /// `a and b and c …` / `a or b or c …` (`.and` or `.or`): a chain of any length is one node, so
    /// its depth and the work on it stay linear in its length.
    case chain(BinaryOperator, [Expr], SourceSpan)
    case quantifier(Quantifier, String, Expr, Expr, SourceSpan)

    package var span: SourceSpan {
        switch self {
        case .identifier(_, let s), .string(_, let s), .number(_, let s), .bool(_, let s), .null(let s), .list(_, let s), .mapping(_, let s),
             .field(_, _, let s), .index(_, _, let s), .call(_, _, let s), .unary(_, _, let s), .binary(_, _, _, let s),
             .chain(_, _, let s), .quantifier(_, _, _, _, let s):
            return s
        }
    }
}

package enum UnaryOperator: String, Sendable {
    case not
    case exists
    case missing
}

package enum BinaryOperator: String, Sendable, CaseIterable {
    case and, or
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case `in` = "in", notIn = "not in", matches = "matches"
}

package enum Quantifier: String, Sendable {
    case any
    case all
}
