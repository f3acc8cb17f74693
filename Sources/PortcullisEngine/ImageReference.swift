/// A container image reference, `[registry/]repository[:tag][@digest]`, parsed as the container
/// runtimes do: the first path component is a registry when it holds a `.` or a `:` or is `localhost`;
/// otherwise the registry is Docker Hub (`docker.io`).
public final class ImageReference: Sendable {
    public let original: String
    /// The registry host (with port), `docker.io` when none is written.
    public let registry: String
    /// Whether the registry was written in the reference.
    public let registryExplicit: Bool
    /// The repository path without registry, tag or digest (`library/nginx` for `nginx`).
    public let repository: String
    /// The last path component (`nginx`).
    public let name: String
    public let tag: String?
    /// The digest, e.g. `sha256:…`.
    public let digest: String?

    /// Neither a tag nor a digest: the runtime pulls `latest`.
    public var untagged: Bool { tag == nil && digest == nil }
    /// Pinned by digest.
    public var pinned: Bool { digest != nil }

    public init(_ reference: String) {
        original = reference
        // Work on the UTF-8 bytes: separators are ASCII, and byte offsets avoid String.Index walks.
        let bytes = Array(reference.utf8)
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var end = bytes.count
        if let at = bytes.firstIndex(of: UInt8(ascii: "@")) {
            digest = text((at + 1)..<bytes.count)
            end = at
        } else {
            digest = nil
        }
        var start = 0
        if let slash = bytes[..<end].firstIndex(of: UInt8(ascii: "/")) {
            let first = bytes[0..<slash]
            if first.contains(UInt8(ascii: ".")) || first.contains(UInt8(ascii: ":")) || first.elementsEqual("localhost".utf8) {
                registry = text(0..<slash)
                registryExplicit = true
                start = slash + 1
            } else {
                registry = "docker.io"
                registryExplicit = false
            }
        } else {
            registry = "docker.io"
            registryExplicit = false
        }
        // A tag follows the last ':' of the last path component.
        let componentStart = (bytes[start..<end].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 }) ?? start
        if let colon = bytes[componentStart..<end].lastIndex(of: UInt8(ascii: ":")) {
            tag = text((colon + 1)..<end)
            end = colon
        } else {
            tag = nil
        }
        var repository = text(start..<end)
        if !registryExplicit && !bytes[start..<end].contains(UInt8(ascii: "/")) && end > start { repository = "library/" + repository }
        self.repository = repository
        name = text(componentStart..<end)
    }
}

/// A semantic version: `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`, optionally with a leading `v`.
public final class SemanticVersion: Sendable {
    public let original: String
    public let valid: Bool
    public let major: Int
    public let minor: Int
    public let patch: Int
    public let prerelease: String?
    public let build: String?
    public let hasVPrefix: Bool

    /// Exactly `x.y.z`: no `v`, no pre-release, no build metadata.
    public var strict: Bool { valid && !hasVPrefix && prerelease == nil && build == nil }

    public init(_ text: String) {
        original = text
        var rest = Substring(text)
        var build: String?, prerelease: String?
        hasVPrefix = rest.first == "v" || rest.first == "V"
        if hasVPrefix { rest = rest.dropFirst() }
        if let plus = rest.firstIndex(of: "+") {
            build = String(rest[rest.index(after: plus)...])
            rest = rest[..<plus]
        }
        if let dash = rest.firstIndex(of: "-") {
            prerelease = String(rest[rest.index(after: dash)...])
            rest = rest[..<dash]
        }
        self.build = build
        self.prerelease = prerelease
        let numbers = rest.split(separator: ".", omittingEmptySubsequences: false)
        func number(_ s: Substring) -> Int? {
            guard !s.isEmpty, s.allSatisfy(\.isASCII), s.allSatisfy(\.isNumber), !(s.count > 1 && s.first == "0") else { return nil }
            return Int(s)
        }
        let identifiersValid = [prerelease, build].allSatisfy { part in
            guard let part else { return true }
            return !part.isEmpty && part.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { id in
                !id.isEmpty && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            }
        }
        if numbers.count == 3, let a = number(numbers[0]), let b = number(numbers[1]), let c = number(numbers[2]), identifiersValid {
            valid = true
            major = a; minor = b; patch = c
        } else {
            valid = false
            major = 0; minor = 0; patch = 0
        }
    }
}
