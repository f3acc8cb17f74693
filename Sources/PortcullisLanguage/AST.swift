import PortcullisDiagnostics

/// A parsed `.policy` file: parameter declarations and policies, in source order.
package struct PolicyFileSyntax: Sendable {
    package var path: String
    package var parameters: [ParameterDecl]
    package var policies: [PolicyDecl]
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
    package var iteration: Iteration?
    package var condition: Expr?
    package var message: MessageTemplate?
    package var at: Expr?
    package var examples: [Example] = []
    /// `enabled false`: an opt-in policy, run only when selected (`--enable`, `--only`, the config file).
    package var enabledByDefault = true
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
