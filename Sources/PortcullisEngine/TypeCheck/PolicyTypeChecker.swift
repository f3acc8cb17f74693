import PortcullisDiagnostics
import PortcullisLanguage
import PortcullisSchema

/// The type check of policies against the Kubernetes schema, a compile pass of its own (cel-go's
/// check phase is the model): a policy that matches kinds (`match kind …`, `match workload`) has
/// its field references resolved against those kinds' schemas. Unknown fields and kinds, conditions
/// that are not boolean, and comparisons of a typed field with a literal of another type are errors;
/// loop variables that are never used or shadow another are warnings.
///
/// What it does not know is dynamic, never an error: custom resources (a `match apiVersion` naming
/// a group outside Kubernetes' own makes a policy's unknown kinds custom), computed indexes, and
/// any construct it has no rule for.
struct PolicyTypeChecker {
    let schema: KubernetesSchema
    private(set) var diagnostics: [Diagnostic] = []
    var path = ""
    /// Variables in scope, innermost last: name, type, where bound, and whether read.
    var scope: [(name: String, type: CheckedType, span: SourceSpan, used: Bool)] = []
    /// The type of the resource (`resource`, and the root of bare field names).
    var root: CheckedType = .dynamic
    /// The kinds the policy matches, for messages ("Deployment has no field …").
    var rootKinds: [String] = []
    let parameters: [String: Literal]

    init(schema: KubernetesSchema, parameters: [String: Literal]) {
        self.schema = schema
        self.parameters = parameters
    }

    mutating func error(_ id: DiagnosticID, _ message: String, at span: SourceSpan, notes: [DiagnosticNote] = []) {
        diagnostics.append(.error(id, message, path: path, at: span, notes: notes))
    }

    mutating func warning(_ id: DiagnosticID, _ message: String, at span: SourceSpan) {
        diagnostics.append(.warning(id, message, path: path, at: span))
    }

    /// Checks one policy of the file at `path`: its iterations (each variable typed as an element
    /// of its collection, later collections seeing earlier variables), its `let` names (typed as
    /// their values, in scope from where they stand), then every `deny` block's condition, message
    /// and location.
    mutating func check(_ policy: PolicyDecl) {
        scope = []
        (root, rootKinds) = rootType(of: policy)
        var iterationSlots: [Int] = []
        for depth in 0...policy.iterations.count {
            if depth > 0 {
                let iteration = policy.iterations[depth - 1]
                let collection = type(of: iteration.collection)
                if let outer = scope.last(where: { $0.name == iteration.variable }), iteration.variable != "_" {
                    warning("policy.shadowed-variable", "'\(iteration.variable)' hides the variable of the same name bound at line \(outer.span.start.line)",
                            at: iteration.span)
                }
                iterationSlots.append(scope.count)
                scope.append((iteration.variable, elementType(of: collection), iteration.span, false))
            }
            for binding in policy.lets where binding.iterationDepth == depth {
                // A name is read where it is used; an unused `let` is not warned about.
                scope.append((binding.name, type(of: binding.value), binding.span, true))
            }
        }
        for block in policy.denies {
            let type = type(of: block.condition)
            if !type.isConditionLike, isSchemaTyped(type) {
                error("policy.type-mismatch", "'deny when' needs a condition (true or false), found \(type.noun): compare it, or test it with 'exists'",
                      at: block.condition.span)
            }
            for part in (block.message ?? policy.defaultMessage)?.parts ?? [] {
                if case .expression(let expression) = part { _ = self.type(of: expression) }
            }
            if let at = block.at ?? policy.defaultAt { _ = self.type(of: at) }
        }
        for (slot, iteration) in zip(iterationSlots, policy.iterations) where !scope[slot].used && iteration.variable != "_" {
            warning("policy.unused-variable", "loop variable '\(iteration.variable)' is never used: the policy checks the same thing once per element",
                    at: iteration.span)
        }
    }

    /// Whether a type came from the schema (the checker's to report on).
    func isSchemaTyped(_ type: CheckedType) -> Bool {
        switch type {
        case .dynamic, .plain: return false
        default: return true
        }
    }

    /// The type of the resource: the union of the matched kinds' schemas (at the apiVersions a
    /// `match apiVersion` allows), or dynamic. An unknown kind is an error unless the policy names
    /// a custom API group.
    private mutating func rootType(of policy: PolicyDecl) -> (CheckedType, [String]) {
        var kinds: Set<String>?
        var kindSpans: [String] = []
        var apiVersions: Set<String>?
        func visit(_ matcher: Matcher) {
            switch matcher {
            case .workload:
                kinds = kinds.map { $0.intersection(WorkloadKinds.all) } ?? WorkloadKinds.all
            case .kinds(let names):
                kinds = kinds.map { $0.intersection(names) } ?? Set(names)
                kindSpans += names
            case .apiVersions(let versions):
                apiVersions = apiVersions.map { $0.intersection(versions) } ?? Set(versions)
            case .all(let parts):
                parts.forEach(visit)
            default:
                break
            }
        }
        policy.matches.forEach(visit)
        guard let kinds, !kinds.isEmpty else { return (.dynamic, []) }
        let customGroups = (apiVersions ?? []).map(ResourceScopes.group(ofAPIVersion:)).filter { !schema.groups.contains($0) }
        var objects: [ObjectSchema] = []
        var dynamic = false
        for kind in kinds.sorted() {
            var versions = schema.versions(of: kind)
            if let apiVersions { versions = versions.filter { apiVersions.contains($0.apiVersion) } }
            if versions.isEmpty {
                dynamic = true
                // A kind one or two letters from a Kubernetes kind is a typo; any other is taken
                // as a custom resource's (Flux's GitRepository, Argo CD's Application).
                if !schema.isKnownKind(kind) && customGroups.isEmpty,
                   let suggestion = NameSuggestion.nearest(to: kind, among: schema.kindNames) {
                    error("policy.unknown-kind", "unknown kind '\(kind)'; did you mean '\(suggestion)'?", at: policy.idSpan,
                          notes: [DiagnosticNote("a custom resource's kind is checked dynamically when the policy also says `match apiVersion [\"GROUP/VERSION\"]` with its API group")])
                }
                continue
            }
            objects += versions.map { schema.object($0.type) }
        }
        // A kind the schema does not describe makes the resource dynamic: its fields are unknown.
        return (dynamic || objects.isEmpty ? .dynamic : CheckedType.union(objects.map { .object([$0]) }), kinds.sorted())
    }

    /// The elements' type when iterating a value of `type`.
    func elementType(of type: CheckedType) -> CheckedType {
        switch type {
        case .list(let element): return element
        case .plain(.list): return .dynamic
        default: return .dynamic
        }
    }

    /// The type of an object field of the schema (`pod`: a PodSpec).
    func schemaType(kind: String, apiVersion: String, path: [String]) -> CheckedType {
        guard let entry = schema.kind(kind, apiVersion: apiVersion) else { return .dynamic }
        var type = CheckedType.object([schema.object(entry.type)])
        for name in path {
            guard case .object(let objects) = type, let field = objects.first?.field(name) else { return .dynamic }
            type = CheckedType(field.type, in: schema)
        }
        return type
    }
}
