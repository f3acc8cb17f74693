import PortcullisDiagnostics

/// Where a parameter's value came from, so a problem with it points there.
package enum ParameterOrigin: Sendable, Hashable {
    /// Its default in a policy file (`param NAME = …`).
    case declared(path: String, span: SourceSpan)
    /// A configuration file's `parameters:` (file and the value's position).
    case configured(path: String, span: SourceSpan)
    /// `--param NAME=value`.
    case commandLine
}

/// Limits and provenance for one compilation.
package struct PolicyCompileOptions: Sendable {
    /// Expressions nested deeper than this are `policy.too-deep` (parsing and lowering recurse).
    package var maxNesting = 64
    /// PCRE2's match limit for every pattern (static and run-time ones).
    package var regexMatchLimit: UInt32 = 1_000_000
    /// PCRE2's depth limit (backtracking) for every pattern.
    package var regexDepthLimit: UInt32 = 10_000
    /// Where structured overrides (`literalParameters`) came from: errors about them point there.
    package var parameterOrigins: [String: ParameterOrigin] = [:]
    /// Where selection names (`enable`, `disable`, `only`, `severity`) were written, when in a file.
    package var nameOrigins: [String: (path: String, span: SourceSpan)] = [:]

    /// Whether the built-in packs (sources named `builtin:…`) are type-checked against the schema.
    /// Off at run time: a test proves they check cleanly, and `check` then never decodes the schema.
    package var typeCheckBuiltins = false

    package init() {}
}
