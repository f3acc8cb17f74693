import PortcullisDiagnostics

/// A parsed `.policy` file: parameter declarations and policies, in source order.
public struct PolicyFileSyntax: Sendable {
    public var path: String
    public var parameters: [ParameterDecl]
    public var policies: [PolicyDecl]
}

/// `param NAME = literal`: a value the user may override (`--param NAME=value`).
public struct ParameterDecl: Sendable {
    public var name: String
    public var defaultValue: Expr
    public var span: SourceSpan
}

/// The severities a policy can have.
public typealias PolicySeverity = Severity

/// `policy "id" { … }`.
public struct PolicyDecl: Sendable {
    public var id: String
    public var idSpan: SourceSpan
    public var title: String?
    public var description: String?
    public var severity: Severity = .error
    public var tags: [String] = []
    public var help: String?
    public var helpURL: String?
    public var remediation: String?
    public var matches: [Matcher] = []
    public var excludes: [Matcher] = []
    public var iteration: Iteration?
    public var condition: Expr?
    public var message: MessageTemplate?
    public var at: Expr?
    public var examples: [Example] = []
    /// `enabled false`: an opt-in policy, run only when selected (`--enable`, `--only`, the config file).
    public var enabledByDefault = true
    public var span: SourceSpan
}

/// What a policy applies to: `match …` / `exclude …`.
public enum Matcher: Sendable {
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
    /// `A and B`: every one holds (`exclude kind Pod and operation UPDATE`).
    case all([Matcher])
}

/// `for NAME in EXPR`.
public struct Iteration: Sendable {
    public var variable: String
    public var collection: Expr
    public var span: SourceSpan
}

/// A message with `{expression}` holes.
public struct MessageTemplate: Sendable {
    public enum Part: Sendable {
        case text(String)
        case expression(Expr)
    }

    public var parts: [Part]
    public var span: SourceSpan
}

/// `example pass """…"""` or `example fail """…"""`.
public struct Example: Sendable {
    public var shouldFail: Bool
    /// `example fail with {name: value, …}`: parameters set for this example only.
    public var parameters: [(name: String, value: Expr)] = []
    public var text: String
    /// Line of the policy file holding the example's first line.
    public var firstLine: Int
    public var span: SourceSpan
}

/// An expression, with its source span.
public indirect enum Expr: Sendable {
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
    case quantifier(Quantifier, String, Expr, Expr, SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .identifier(_, let s), .string(_, let s), .number(_, let s), .bool(_, let s), .null(let s), .list(_, let s), .mapping(_, let s),
             .field(_, _, let s), .index(_, _, let s), .call(_, _, let s), .unary(_, _, let s), .binary(_, _, _, let s),
             .quantifier(_, _, _, _, let s):
            return s
        }
    }
}

public enum UnaryOperator: String, Sendable {
    case not
    case exists
    case missing
}

public enum BinaryOperator: String, Sendable, CaseIterable {
    case and, or
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case `in` = "in", notIn = "not in", matches = "matches"
}

public enum Quantifier: String, Sendable {
    case any
    case all
}
