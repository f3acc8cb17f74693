import PortcullisDiagnostics

// The syntax a compiled policy keeps (its examples, with their `with {…}` parameters) is stored with
// the compiled built-in packs. Cases are numbered by `Case`; a new case does not compile until it
// is stored and read here too.

extension UnaryOperator: CompactStorable {}
extension BinaryOperator: CompactStorable {}
extension Quantifier: CompactStorable {}

extension Example: CompactStorable {
    package func store(in writer: inout CompactWriter) {
        writer.write(shouldFail)
        writer.write(parameters.map(\.name))
        writer.write(parameters.map(\.value))
        writer.write(text)
        writer.write(firstLine)
        writer.write(span)
    }

    package init(from reader: inout CompactReader) throws(CompactStorageError) {
        let shouldFail = try reader.bool()
        let names: [String] = try reader.read(), values: [Expr] = try reader.read()
        guard names.count == values.count else { throw CompactStorageError("example parameters: names and values differ in number") }
        self.init(shouldFail: shouldFail, parameters: Array(zip(names, values)), text: try reader.string(), firstLine: try reader.integer(),
                  span: try reader.read())
    }
}

extension Expr: CompactStorable {
    private enum Case: Int, CaseIterable {
        case identifier, string, number, bool, null, list, mapping, field, index, call, unary, binary, chain, quantifier
    }

    package func store(in writer: inout CompactWriter) {
        func tag(_ c: Case) { writer.write(UInt64(c.rawValue)) }
        switch self {
        case .identifier(let name, let span): tag(.identifier); writer.write(name); writer.write(span)
        case .string(let text, let span): tag(.string); writer.write(text); writer.write(span)
        case .number(let number, let span): tag(.number); writer.write(number); writer.write(span)
        case .bool(let bool, let span): tag(.bool); writer.write(bool); writer.write(span)
        case .null(let span): tag(.null); writer.write(span)
        case .list(let items, let span): tag(.list); writer.write(items); writer.write(span)
        case .mapping(let entries, let span): tag(.mapping); writer.write(entries.map(\.key)); writer.write(entries.map(\.value)); writer.write(span)
        case .field(let base, let name, let span): tag(.field); writer.write(base); writer.write(name); writer.write(span)
        case .index(let base, let index, let span): tag(.index); writer.write(base); writer.write(index); writer.write(span)
        case .call(let name, let arguments, let span): tag(.call); writer.write(name); writer.write(arguments); writer.write(span)
        case .unary(let op, let operand, let span): tag(.unary); writer.write(op); writer.write(operand); writer.write(span)
        case .binary(let op, let left, let right, let span): tag(.binary); writer.write(op); writer.write(left); writer.write(right); writer.write(span)
        case .chain(let op, let items, let span): tag(.chain); writer.write(op); writer.write(items); writer.write(span)
        case .quantifier(let quantifier, let variable, let collection, let body, let span):
            tag(.quantifier); writer.write(quantifier); writer.write(variable); writer.write(collection); writer.write(body); writer.write(span)
        }
    }

    package init(from reader: inout CompactReader) throws(CompactStorageError) {
        switch try Case(from: &reader) {
        case .identifier: self = .identifier(try reader.string(), try reader.read())
        case .string: self = .string(try reader.string(), try reader.read())
        case .number: self = .number(try reader.read(), try reader.read())
        case .bool: self = .bool(try reader.bool(), try reader.read())
        case .null: self = .null(try reader.read())
        case .list: self = .list(try reader.read(), try reader.read())
        case .mapping:
            let keys: [String] = try reader.read(), values: [Expr] = try reader.read()
            guard keys.count == values.count else { throw CompactStorageError("mapping: keys and values differ in number") }
            self = .mapping(zip(keys, values).map { (key: $0, value: $1) }, try reader.read())
        case .field: self = .field(try reader.read(), try reader.string(), try reader.read())
        case .index: self = .index(try reader.read(), try reader.read(), try reader.read())
        case .call: self = .call(try reader.string(), try reader.read(), try reader.read())
        case .unary: self = .unary(try reader.read(), try reader.read(), try reader.read())
        case .binary: self = .binary(try reader.read(), try reader.read(), try reader.read(), try reader.read())
        case .chain: self = .chain(try reader.read(), try reader.read(), try reader.read())
        case .quantifier: self = .quantifier(try reader.read(), try reader.string(), try reader.read(), try reader.read(), try reader.read())
        }
    }
}
