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
