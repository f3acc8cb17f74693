/// A container image reference, `[registry/]repository[:tag][@digest]`, parsed as the container
/// runtimes do: the first path component is a registry when it holds a `.` or a `:` or is `localhost`;
/// otherwise the registry is Docker Hub (`docker.io`).
package final class ImageReference: Sendable {
    package let original: String
    /// The registry host (with port), `docker.io` when none is written.
    package let registry: String
    /// Whether the registry was written in the reference.
    package let registryExplicit: Bool
    /// The repository path without registry, tag or digest (`library/nginx` for `nginx`).
    package let repository: String
    /// The last path component (`nginx`).
    package let name: String
    package let tag: String?
    /// The digest, e.g. `sha256:…`.
    package let digest: String?

    /// Neither a tag nor a digest: the runtime pulls `latest`.
    package var untagged: Bool { tag == nil && digest == nil }
    /// Pinned by digest.
    package var pinned: Bool { digest != nil }

    package init(_ reference: String) {
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
package final class SemanticVersion: Sendable {
    package let original: String
    package let valid: Bool
    package let major: Int
    package let minor: Int
    package let patch: Int
    package let prerelease: String?
    package let build: String?
    package let hasVPrefix: Bool

    /// Exactly `x.y.z`: no `v`, no pre-release, no build metadata.
    package var strict: Bool { valid && !hasVPrefix && prerelease == nil && build == nil }

    package init(_ text: String) {
        original = text
        let bytes = Array(text.utf8)
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var start = 0, end = bytes.count
        hasVPrefix = end > 0 && (bytes[0] == UInt8(ascii: "v") || bytes[0] == UInt8(ascii: "V"))
        if hasVPrefix { start = 1 }
        var build: String?, prerelease: String?
        var buildRange: Range<Int>?, prereleaseRange: Range<Int>?
        if let plus = bytes[start..<end].firstIndex(of: UInt8(ascii: "+")) {
            buildRange = (plus + 1)..<end
            build = string(buildRange!)
            end = plus
        }
        if let dash = bytes[start..<end].firstIndex(of: UInt8(ascii: "-")) {
            prereleaseRange = (dash + 1)..<end
            prerelease = string(prereleaseRange!)
            end = dash
        }
        self.build = build
        self.prerelease = prerelease
        // MAJOR.MINOR.PATCH: digits, no leading zeros.
        var numbers: [Int] = []
        var cursor = start
        var valid = true
        while valid {
            let digitsStart = cursor
            var value = 0
            while cursor < end, bytes[cursor] >= UInt8(ascii: "0"), bytes[cursor] <= UInt8(ascii: "9") {
                value = value &* 10 &+ Int(bytes[cursor] - UInt8(ascii: "0"))
                cursor += 1
            }
            let length = cursor - digitsStart
            if length == 0 || length > 18 || (length > 1 && bytes[digitsStart] == UInt8(ascii: "0")) { valid = false; break }
            numbers.append(value)
            if cursor == end { break }
            if bytes[cursor] != UInt8(ascii: ".") { valid = false; break }
            cursor += 1
        }
        // Pre-release and build identifiers: non-empty dot-separated runs of [0-9A-Za-z-].
        for range in [prereleaseRange, buildRange].compactMap({ $0 }) where valid {
            var runLength = 0
            for index in range {
                let byte = bytes[index]
                if byte == UInt8(ascii: ".") {
                    if runLength == 0 { valid = false }
                    runLength = 0
                } else if (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "-") {
                    runLength += 1
                } else {
                    valid = false
                }
            }
            if runLength == 0 { valid = false }
        }
        if valid && numbers.count == 3 {
            self.valid = true
            major = numbers[0]; minor = numbers[1]; patch = numbers[2]
        } else {
            self.valid = false
            major = 0; minor = 0; patch = 0
        }
    }
}
