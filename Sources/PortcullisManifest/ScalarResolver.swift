/// Decides the type of a plain (unquoted, untagged) scalar the way Kubernetes does when it turns
/// YAML into JSON: YAML 1.1 as go-yaml v2 resolves it (sigs.k8s.io/yaml). `docs/yaml.md` lists the
/// rules and where they differ from PyYAML.
///
/// Works on bytes and allocates nothing.
enum ScalarResolver {
    static func resolvePlain(_ s: UnsafeRawBufferPointer) -> ScalarType {
        let n = s.count
        if n == 0 { return .null }
        let first = s[0]
        switch first {
        case UInt8(ascii: "~"):
            return n == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            if matches(s, "null", "Null", "NULL") { return .null }
            if matches(s, "n", "N") || matches(s, "no", "No", "NO") { return .bool }
            return .string
        case UInt8(ascii: "y"), UInt8(ascii: "Y"):
            return matches(s, "y", "Y") || matches(s, "yes", "Yes", "YES") ? .bool : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return matches(s, "true", "True", "TRUE") ? .bool : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return matches(s, "false", "False", "FALSE") ? .bool : .string
        case UInt8(ascii: "o"), UInt8(ascii: "O"):
            return matches(s, "on", "On", "ON") || matches(s, "off", "Off", "OFF") ? .bool : .string
        case UInt8(ascii: "."):
            if matches(s, ".inf", ".Inf", ".INF") || matches(s, ".nan", ".NaN", ".NAN") { return .float }
            return isGoDecimalFloat(s, allowUnderscore: false) ? .float : .string
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            if n == 5 {
                let rest = UnsafeRawBufferPointer(rebasing: s[1...])
                if matches(rest, ".inf", ".Inf", ".INF") { return .float }
            }
            return resolveNumber(s)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return resolveNumber(s)
        default:
            return .string
        }
    }

    /// go-yaml v2: strip `_`, then Go's `ParseInt(s, 0, 64)` / `ParseUint`, then the YAML float pattern.
    private static func resolveNumber(_ s: UnsafeRawBufferPointer) -> ScalarType {
        switch parseGoInteger(s) {
        case .some: return .int
        case .none: break
        }
        if isYAMLStyleFloat(s) && !floatOverflows(s) { return .float }
        return .string
    }

    /// The integer value of a scalar resolved as `.int`, as Go's `ParseInt(s, 0, 64)` (or
    /// `ParseUint`) gives it after removing underscores. `nil` when it is not such an integer.
    static func parseGoInteger(_ s: UnsafeRawBufferPointer) -> IntegerValue? {
        var index = 0
        var negative = false
        let n = s.count
        // Skip underscores everywhere (go-yaml removes them before parsing).
        @inline(__always) func next() -> UInt8? {
            while index < n && s[index] == UInt8(ascii: "_") { index += 1 }
            guard index < n else { return nil }
            defer { index += 1 }
            return s[index]
        }
        @inline(__always) func peek() -> UInt8? {
            var probe = index
            while probe < n && s[probe] == UInt8(ascii: "_") { probe += 1 }
            return probe < n ? s[probe] : nil
        }
        var signed = false
        if let c = peek(), c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
            negative = c == UInt8(ascii: "-")
            signed = true
            _ = next()
        }
        var base: UInt64 = 10
        if peek() == UInt8(ascii: "0") {
            _ = next()
            guard let c = peek() else { return IntegerValue(magnitude: 0, negative: negative) }
            switch c {
            case UInt8(ascii: "x"), UInt8(ascii: "X"): base = 16; _ = next()
            case UInt8(ascii: "b"), UInt8(ascii: "B"): base = 2; _ = next()
            case UInt8(ascii: "o"), UInt8(ascii: "O"): base = 8; _ = next()
            default: base = 8
            }
            if base != 8 || c == UInt8(ascii: "o") || c == UInt8(ascii: "O") {
                guard peek() != nil else { return nil }
            }
        } else if peek() == nil {
            return nil
        }
        var value: UInt64 = 0
        while let c = next() {
            let digit: UInt64
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            guard digit < base else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: base)
            let (a, o2) = m.addingReportingOverflow(digit)
            if o1 || o2 { return nil }
            value = a
        }
        // ParseInt range, or ParseUint (no sign) for values above Int64.max.
        if value > UInt64(Int64.max) {
            if signed && !(negative && value == UInt64(Int64.max) + 1) { return nil }
        }
        return IntegerValue(magnitude: value, negative: negative && value != 0)
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$` over the text with `_` removed.
    private static func isYAMLStyleFloat(_ s: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let n = s.count
        func skip() { while i < n && s[i] == UInt8(ascii: "_") { i += 1 } }
        func isDigit() -> Bool { skip(); return i < n && s[i] >= UInt8(ascii: "0") && s[i] <= UInt8(ascii: "9") }
        skip()
        if i < n && (s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-")) { i += 1 }
        skip()
        if i < n && s[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit() else { return false }
            while isDigit() { i += 1 }
        } else {
            guard isDigit() else { return false }
            while isDigit() { i += 1 }
            skip()
            if i < n && s[i] == UInt8(ascii: ".") {
                i += 1
                while isDigit() { i += 1 }
            }
        }
        skip()
        if i < n && (s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E")) {
            i += 1
            skip()
            if i < n && (s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-")) { i += 1 }
            guard isDigit() else { return false }
            while isDigit() { i += 1 }
        }
        skip()
        return i == n
    }

    /// Go's `ParseFloat` for a float starting with `.` (no underscores allowed there).
    private static func isGoDecimalFloat(_ s: UnsafeRawBufferPointer, allowUnderscore: Bool) -> Bool {
        for byte in s where byte == UInt8(ascii: "_") && !allowUnderscore { return false }
        return isYAMLStyleFloat(s)
    }

    /// Go's `ParseFloat` fails with a range error for values beyond `Double`; go-yaml then keeps a string.
    private static func floatOverflows(_ s: UnsafeRawBufferPointer) -> Bool {
        let text = String(decoding: s.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        guard let value = Double(text) else { return true }
        return value.isInfinite
    }

    @inline(__always)
    private static func matches(_ s: UnsafeRawBufferPointer, _ candidates: StaticString...) -> Bool {
        for candidate in candidates where candidate.utf8CodeUnitCount == s.count {
            let pointer = candidate.utf8Start
            var equal = true
            for i in 0..<s.count where s[i] != pointer[i] {
                equal = false
                break
            }
            if equal { return true }
        }
        return false
    }

    /// The boolean value of a scalar resolved as `.bool`.
    static func boolValue(_ s: UnsafeRawBufferPointer) -> Bool {
        guard let first = s.first else { return false }
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "t"), UInt8(ascii: "T"): return true
        case UInt8(ascii: "o"), UInt8(ascii: "O"): return s.count == 2  // on / off
        default: return false
        }
    }

    /// The value of a scalar resolved as `.float`.
    static func doubleValue(_ s: UnsafeRawBufferPointer) -> Double? {
        let text = String(decoding: s.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: return Double(text)
        }
    }
}

/// A resolved integer: a magnitude and a sign, so that both Int64 and UInt64 ranges fit.
struct IntegerValue: Hashable, Sendable {
    var magnitude: UInt64
    var negative: Bool

    /// The value as `Int64`, when it fits.
    var int64: Int64? {
        if negative {
            return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// Decimal text, as JSON writes it.
    var decimalText: String { (negative ? "-" : "") + String(magnitude) }
}
