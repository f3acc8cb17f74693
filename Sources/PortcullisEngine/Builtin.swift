/// The functions the language provides. Each is resolved at compile time; an unknown name or a
/// wrong number of arguments is a diagnostic of the policy file.
package enum Builtin: String, CaseIterable, Sendable, Hashable {
    case image, semver, quantity, base64decode
    case len, count, lower, upper, trim, startsWith, endsWith, contains, split, keys, values
    case `default`, string, number
    case glob, concat, ratio, flatten
    /// Cross-document: other resources of the run, and how selectors pick pods.
    case resources, workloads, customResources, podLabels, selects

    /// Accepted argument counts.
    var arity: ClosedRange<Int> {
        switch self {
        case .image, .semver, .quantity, .base64decode, .len, .count, .lower, .upper, .trim, .keys, .values, .string, .number: 1...1
        case .startsWith, .endsWith, .contains, .split, .default, .glob, .selects, .concat, .ratio, .flatten: 2...2
        case .podLabels: 1...1
        case .resources: 1...2
        case .workloads, .customResources: 0...1
        }
    }

    /// The type of the result.
    var resultType: ValueType {
        switch self {
        case .image: .image
        case .semver: .semver
        case .quantity, .len, .count, .number, .ratio: .number
        case .base64decode, .lower, .upper, .trim, .string, .concat: .string
        case .startsWith, .endsWith, .contains, .glob, .selects: .bool
        case .split, .keys, .values, .resources, .workloads, .customResources, .flatten: .list
        case .default, .podLabels: .any
        }
    }

    /// One line for documentation and errors.
    var signature: String {
        switch self {
        case .image: "image(ref) → image reference (.registry .repository .name .tag .digest .untagged .pinned)"
        case .semver: "semver(text) → version (.valid .strict .major .minor .patch .prerelease .build)"
        case .quantity: "quantity(text) → number (500m → 0.5, 1Gi → 1073741824)"
        case .base64decode: "base64decode(text) → text"
        case .len, .count: "\(rawValue)(list | mapping | text) → number"
        case .lower, .upper, .trim: "\(rawValue)(text) → text"
        case .startsWith, .endsWith: "\(rawValue)(text, prefix) → bool"
        case .contains: "contains(text | list, item) → bool"
        case .split: "split(text, separator) → list"
        case .keys, .values: "\(rawValue)(mapping) → list"
        case .default: "default(value, fallback) → value, or fallback when missing or null"
        case .string: "string(value) → text"
        case .number: "number(value) → number"
        case .glob: "glob(text, pattern) → bool ('*' any run of characters, '?' one: glob(c.image, \"ghcr.io/org/*\"))"
        case .flatten: "flatten(list, field) → the elements of every element's field, in order: flatten(containers, \"env\")"
        case .ratio: "ratio(a, b) → number a / b (missing when b is 0 or either is not a number)"
        case .concat: "concat(a, b) → text: the two as text, one after the other (missing counts as empty)"
        case .resources: "resources(kind | [kinds] [, namespace]) → list of the run's resources of those kinds (in that namespace)"
        case .workloads: "workloads([namespace]) → list of the run's workloads (kinds with a pod template), in that namespace when given"
        case .customResources: "customResources([namespace]) → list of the run's custom resources (an apiVersion group outside Kubernetes' own: monitoring.coreos.com/v1 …)"
        case .podLabels: "podLabels(resource) → the labels of a workload's pods (its pod template's)"
        case .selects: "selects(selector, labels) → bool (a label selector with matchLabels/matchExpressions, or a Service's plain map)"
        }
    }
}

/// The static types the checker knows. `any` is document data, whose shape is not known.
package enum ValueType: String, Sendable, Hashable {
    case any, bool, number, string, list, image, semver

    static let imageFields: [String: ValueType] = [
        "registry": .string, "repository": .string, "name": .string, "tag": .string, "digest": .string,
        "untagged": .bool, "pinned": .bool, "original": .string,
    ]
    static let semverFields: [String: ValueType] = [
        "valid": .bool, "strict": .bool, "major": .number, "minor": .number, "patch": .number,
        "prerelease": .string, "build": .string, "original": .string,
    ]
}
