import PortcullisDiagnostics
import PortcullisLanguage
import PortcullisManifest

// How the compiled plan is stored (`RuleGraph+Image.swift`). Each enumeration numbers its cases in
// `Case`; the `switch`es are exhaustive, so a new case or operand does not compile until it is
// stored and read here too.

extension Builtin: CompactStorable {}
extension ResourceScope: CompactStorable {}

extension Literal: CompactStorable {
    private enum Case: Int, CaseIterable { case null, bool, number, string, list, mapping }

    package func store(in writer: inout CompactWriter) {
        func tag(_ c: Case) { writer.write(UInt64(c.rawValue)) }
        switch self {
        case .null: tag(.null)
        case .bool(let value): tag(.bool); writer.write(value)
        case .number(let value): tag(.number); writer.write(value)
        case .string(let value): tag(.string); writer.write(value)
        case .list(let items): tag(.list); writer.write(items)
        case .mapping(let entries): tag(.mapping); writer.write(entries.map(\.key)); writer.write(entries.map(\.value))
        }
    }

    package init(from reader: inout CompactReader) throws(CompactStorageError) {
        switch try Case(from: &reader) {
        case .null: self = .null
        case .bool: self = .bool(try reader.bool())
        case .number: self = .number(try reader.read())
        case .string: self = .string(try reader.string())
        case .list: self = .list(try reader.read())
        case .mapping:
            let keys: [String] = try reader.read(), values: [Literal] = try reader.read()
            guard keys.count == values.count else { throw CompactStorageError("mapping literal: keys and values differ in number") }
            self = .mapping(zip(keys, values).map { LiteralEntry(key: $0, value: $1) })
        }
    }
}

extension PlanOp: CompactStorable {
    private enum Case: Int, CaseIterable {
        case constant, root, podSpec, podMetadata, allContainers, filePath, binding, field, index, call, not, exists, missing, and, or
        case compare, member, regex, regexDynamic, quantifier
    }

    package func store(in writer: inout CompactWriter) {
        func tag(_ c: Case) { writer.write(UInt64(c.rawValue)) }
        switch self {
        case .constant(let literal): tag(.constant); writer.write(literal)
        case .root: tag(.root)
        case .podSpec: tag(.podSpec)
        case .podMetadata: tag(.podMetadata)
        case .allContainers: tag(.allContainers)
        case .filePath: tag(.filePath)
        case .binding(let slot): tag(.binding); writer.write(slot)
        case .field(let base, let name): tag(.field); writer.write(base); writer.write(name)
        case .index(let base, let index): tag(.index); writer.write(base); writer.write(index)
        case .call(let builtin, let operands): tag(.call); writer.write(builtin); writer.write(operands)
        case .not(let a): tag(.not); writer.write(a)
        case .exists(let a): tag(.exists); writer.write(a)
        case .missing(let a): tag(.missing); writer.write(a)
        case .and(let operands): tag(.and); writer.write(operands)
        case .or(let operands): tag(.or); writer.write(operands)
        case .compare(let op, let l, let r): tag(.compare); writer.write(op); writer.write(l); writer.write(r)
        case .member(let l, let r, let negated): tag(.member); writer.write(l); writer.write(r); writer.write(negated)
        case .regex(let subject, let pattern): tag(.regex); writer.write(subject); writer.write(pattern)
        case .regexDynamic(let subject, let pattern): tag(.regexDynamic); writer.write(subject); writer.write(pattern)
        case .quantifier(let q, let slot, let collection, let body):
            tag(.quantifier); writer.write(q); writer.write(slot); writer.write(collection); writer.write(body)
        }
    }

    package init(from reader: inout CompactReader) throws(CompactStorageError) {
        switch try Case(from: &reader) {
        case .constant: self = .constant(try reader.read())
        case .root: self = .root
        case .podSpec: self = .podSpec
        case .podMetadata: self = .podMetadata
        case .allContainers: self = .allContainers
        case .filePath: self = .filePath
        case .binding: self = .binding(try reader.integer())
        case .field: self = .field(try reader.integer(), try reader.string())
        case .index: self = .index(try reader.integer(), try reader.integer())
        case .call: self = .call(try reader.read(), try reader.read())
        case .not: self = .not(try reader.integer())
        case .exists: self = .exists(try reader.integer())
        case .missing: self = .missing(try reader.integer())
        case .and: self = .and(try reader.read())
        case .or: self = .or(try reader.read())
        case .compare: self = .compare(try reader.read(), try reader.integer(), try reader.integer())
        case .member: self = .member(try reader.integer(), try reader.integer(), negated: try reader.bool())
        case .regex: self = .regex(try reader.integer(), pattern: try reader.integer())
        case .regexDynamic: self = .regexDynamic(try reader.integer(), try reader.integer())
        case .quantifier: self = .quantifier(try reader.read(), slot: try reader.integer(), collection: try reader.integer(), body: try reader.integer())
        }
    }
}

extension PlanNode: CompactStorable {
    package func store(in writer: inout CompactWriter) {
        writer.write(op)
        writer.write(slots)
        writer.write(users)
        writer.write(text)
    }

    package init(from reader: inout CompactReader) throws(CompactStorageError) {
        self.init(op: try reader.read(), slots: try reader.read(), users: try reader.read(), text: try reader.string())
    }
}

extension CompiledMatcher: CompactStorable {
    private enum Case: Int, CaseIterable { case kinds, apiVersions, namespaces, label, annotation, paths, operations, scope, all }

    func store(in writer: inout CompactWriter) {
        func tag(_ c: Case) { writer.write(UInt64(c.rawValue)) }
        switch self {
        case .kinds(let kinds): tag(.kinds); writer.write(kinds)
        case .apiVersions(let versions): tag(.apiVersions); writer.write(versions)
        case .namespaces(let globs): tag(.namespaces); writer.write(globs)
        case .label(let key, let value): tag(.label); writer.write(key); writer.write(value)
        case .annotation(let key, let value): tag(.annotation); writer.write(key); writer.write(value)
        case .paths(let globs): tag(.paths); writer.write(globs)
        case .operations(let operations): tag(.operations); writer.write(operations)
        case .scope(let scope): tag(.scope); writer.write(scope)
        case .all(let matchers): tag(.all); writer.write(matchers)
        }
    }

    init(from reader: inout CompactReader) throws(CompactStorageError) {
        switch try Case(from: &reader) {
        case .kinds: self = .kinds(try reader.read())
        case .apiVersions: self = .apiVersions(try reader.read())
        case .namespaces: self = .namespaces(try reader.read())
        case .label: self = .label(try reader.string(), try reader.read())
        case .annotation: self = .annotation(try reader.string(), try reader.read())
        case .paths: self = .paths(try reader.read())
        case .operations: self = .operations(try reader.read())
        case .scope: self = .scope(try reader.read())
        case .all: self = .all(try reader.read())
        }
    }
}

extension MessagePiece: CompactStorable {
    private enum Case: Int, CaseIterable { case text, value }

    func store(in writer: inout CompactWriter) {
        switch self {
        case .text(let text): writer.write(UInt64(Case.text.rawValue)); writer.write(text)
        case .value(let node): writer.write(UInt64(Case.value.rawValue)); writer.write(node)
        }
    }

    init(from reader: inout CompactReader) throws(CompactStorageError) {
        switch try Case(from: &reader) {
        case .text: self = .text(try reader.string())
        case .value: self = .value(try reader.integer())
        }
    }
}

extension CompiledCheck: CompactStorable {
    func store(in writer: inout CompactWriter) {
        writer.write(name)
        writer.write(condition)
        writer.write(message)
        writer.write(at)
    }

    init(from reader: inout CompactReader) throws(CompactStorageError) {
        self.init(name: try reader.read(), condition: try reader.integer(), message: try reader.read(), at: try reader.read())
    }
}

extension ParameterDetail: CompactStorable {
    package func store(in writer: inout CompactWriter) {
        writer.write(qualifiedName)
        writer.write(value)
        writer.write(defaultValue)
        writer.write(path)
        writer.write(line)
    }

    package init(from reader: inout CompactReader) throws(CompactStorageError) {
        self.init(qualifiedName: try reader.string(), value: try reader.string(), defaultValue: try reader.string(), path: try reader.string(),
                  line: try reader.integer())
    }
}

extension PolicyInfo: CompactStorable {
    package func store(in writer: inout CompactWriter) {
        writer.write(id)
        writer.write(title)
        writer.write(description)
        writer.write(severity)
        writer.write(tags)
        writer.write(help)
        writer.write(helpURL)
        writer.write(remediation)
        writer.write(path)
        writer.write(span)
        writer.write(examples)
        writer.write(enabledByDefault)
        writer.write(parameterDetails)
        writer.write(checkNames)
    }

    package init(from reader: inout CompactReader) throws(CompactStorageError) {
        self.init(id: try reader.string(), title: try reader.read(), description: try reader.read(), severity: try reader.read(),
                  tags: try reader.read(), help: try reader.read(), helpURL: try reader.read(), remediation: try reader.read(),
                  path: try reader.string(), span: try reader.read(), examples: try reader.read(), enabledByDefault: try reader.bool())
        parameterDetails = try reader.read()
        checkNames = try reader.read()
    }
}
