import Foundation
import Testing
@testable import Portcullis

/// Paths are standardized by their text (`PathResolution.standardized`), as Foundation's
/// `standardizedFileURL` does it: planning a run and reading kustomizations do it for every path.
@Suite struct PathResolutionTests {
    static let names = ["a.yaml", "base/", "./base", "../base", "../../x/y.yaml", "a/./b/../c.yml", "a//b///c", "...", ".hidden/x",
                        "with space/é.yaml", "%20/~/x", "..", ".", "../../../../../../../../../etc", "a/b/..", "a/b/../", "x/.."]

    @Test(arguments: ["/", "/tmp", "/work/repo/overlays/prod", "/does/not/exist", "/a/./b/../c"])
    func relativePathsMatchFoundation(_ folder: String) {
        for name in Self.names {
            let foundation = URL(fileURLWithPath: folder).appendingPathComponent(name).standardizedFileURL.path
            #expect(PathResolution.standardized(name, in: folder) == foundation, "\(folder) + \(name)")
        }
    }

    @Test func absolutePathsMatchFoundation() {
        let paths = ["/", "/a", "/a/", "//a//b/", "/a/./b", "/a/../b", "/..", "/../../x", "/a/b/../../..", "/a/..b/c", "/tmp/./x/../y.yaml",
                     "/with space/é.yaml", "/private/tmp/x.yaml", "/private", "/var/automount/x", "/var/automounted/x"]
        for path in paths {
            #expect(PathResolution.standardized(path, in: "/ignored") == URL(fileURLWithPath: path).standardizedFileURL.path, "\(path)")
        }
    }

    /// Foundation resolves symbolic links before `..` when the path exists (`..` then leaves the
    /// real folder, as kustomize reads `../base` from a linked overlay): so do these paths.
    @Test func aDotDotAfterASymbolicLinkLeavesTheRealFolder() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-paths-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createDirectory(atPath: base + "/clusters/eu/prod", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: base + "/clusters/base", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: base + "/clusters/base/kustomization.yaml", contents: Data())
        try FileManager.default.createDirectory(atPath: base + "/overlays", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: base + "/overlays/prod", withDestinationPath: base + "/clusters/eu/prod")
        let folder = base + "/overlays/prod"
        for name in ["../../base", "../../base/kustomization.yaml", "./../../base/", "../prod/../../base"] {
            let foundation = URL(fileURLWithPath: folder).appendingPathComponent(name).standardizedFileURL.path
            #expect(PathResolution.standardized(name, in: folder) == foundation, "\(name)")
        }
        #expect(PathResolution.standardized("../../base", in: folder).hasSuffix("/clusters/base"))
    }

    /// The folder of a path, by bytes, as `NSString.deletingLastPathComponent` gives it.
    @Test func parentFolderMatchesFoundation() {
        let paths = ["/a/b/c.yaml", "/a/b/", "/a/b//", "/a", "/", "a/b", "a/b/", "//a", "/é/ü/x.yaml", "/with space/x", "/a/b/c/kustomization.yaml"]
        for path in paths {
            #expect(PathResolution.parentFolder(of: path) == (path as NSString).deletingLastPathComponent, "\(path)")
        }
        // Foundation on Linux traps on a lone name; its folder is the empty path.
        #expect(PathResolution.parentFolder(of: "a.yaml") == "")
    }

    @Test func theWorkingDirectoryIsTheDefaultFolder() {
        let cwd = FileManager.default.currentDirectoryPath
        #expect(PathResolution.absolute("x/../y.yaml") == URL(fileURLWithPath: cwd).appendingPathComponent("y.yaml").standardizedFileURL.path)
    }
}
