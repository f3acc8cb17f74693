/// A container image reference, `[registry/]repository[:tag][@digest]`, parsed as the container
/// runtimes do: the first path component is a registry when it holds a `.` or a `:` or is `localhost`;
/// otherwise the registry is Docker Hub (`docker.io`).
public struct ImageReference: Sendable, Hashable {
    public var original: String
    /// The registry host (with port), `docker.io` when none is written.
    public var registry: String
    /// Whether the registry was written in the reference.
    public var registryExplicit: Bool
    /// The repository path without registry, tag or digest (`library/nginx` for `nginx`).
    public var repository: String
    /// The last path component (`nginx`).
    public var name: String
    public var tag: String?
    /// The digest, e.g. `sha256:…`.
    public var digest: String?

    /// Neither a tag nor a digest: the runtime pulls `latest`.
    public var untagged: Bool { tag == nil && digest == nil }
    /// Pinned by digest.
    public var pinned: Bool { digest != nil }

    public init(_ reference: String) {
        original = reference
        var rest = Substring(reference)
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        var first = ""
        if let slash = rest.firstIndex(of: "/") {
            first = String(rest[..<slash])
        }
        if !first.isEmpty && (first.contains(".") || first.contains(":") || first == "localhost") {
            registry = first
            registryExplicit = true
            rest = rest[rest.index(after: rest.firstIndex(of: "/")!)...]
        } else {
            registry = "docker.io"
            registryExplicit = false
        }
        // A tag follows the last ':' of the last path component.
        let lastSlash = rest.lastIndex(of: "/")
        let component = lastSlash.map { rest[rest.index(after: $0)...] } ?? rest
        if let colon = component.lastIndex(of: ":") {
            tag = String(component[component.index(after: colon)...])
            rest = rest[..<colon]
        }
        repository = String(rest)
        if !registryExplicit && !repository.contains("/") && !repository.isEmpty { repository = "library/" + repository }
        name = String(repository.split(separator: "/").last ?? "")
    }
}

/// A semantic version: `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`, optionally with a leading `v`.
public struct SemanticVersion: Sendable, Hashable {
    public var original: String
    public var valid: Bool
    public var major: Int = 0
    public var minor: Int = 0
    public var patch: Int = 0
    public var prerelease: String?
    public var build: String?
    public var hasVPrefix = false

    /// Exactly `x.y.z`: no `v`, no pre-release, no build metadata.
    public var strict: Bool { valid && !hasVPrefix && prerelease == nil && build == nil }

    public init(_ text: String) {
        original = text
        var rest = Substring(text)
        if rest.first == "v" || rest.first == "V" { hasVPrefix = true; rest = rest.dropFirst() }
        if let plus = rest.firstIndex(of: "+") {
            build = String(rest[rest.index(after: plus)...])
            rest = rest[..<plus]
        }
        if let dash = rest.firstIndex(of: "-") {
            prerelease = String(rest[rest.index(after: dash)...])
            rest = rest[..<dash]
        }
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
        }
    }
}
