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

    /// A path left as it is by `standardized` (its text is already standard) is told from its bytes
    /// alone, and only such a path: what the text would change, and what goes to Foundation, is not.
    @Test func aPathAlreadyStandardIsToldByItsText() {
        let paths = ["/", "/a", "/a/b.yaml", "/with space/é.yaml", "/a/...", "/a/.b", "/a/b./c", "/..a", "/a/..b/c",
                     "/a/", "//a", "/a//b", "/./a", "/a/.", "/a/..", "/a/./b", "/..", "a/b", "a", "", "//",
                     "/private", "/private/x", "/privatex/y", "/var/automount/x", "/var/auto/x"]
        for path in paths {
            let bytes = Array(path.utf8)
            let names = PathResolution.names(of: bytes)
            let unchangedByText = path.hasPrefix("/") && !names.holdsParent && PathResolution.joined(names.kept, of: bytes) == path
            let leftToFoundation = path.hasPrefix("/private") || path.hasPrefix("/var/automount")
            #expect(PathResolution.isStandard(path) == (unchangedByText && !leftToFoundation), "\(path)")
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

    /// One run's standardizer remembers folders of paths with `..`; every answer is still
    /// Foundation's, asked in any order, with links anywhere on the way and at the end.
    @Test func theStandardizerAnswersAsFoundationDoes() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-standardizer-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let manager = FileManager.default
        try manager.createDirectory(atPath: base + "/repo/apps/web", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: base + "/real/deep", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: base + "/cwd", withIntermediateDirectories: true)
        for file in ["/repo/apps/web/a.yaml", "/repo/apps/web/b.yaml", "/real/deep/c.yaml", "/real/d.yaml"] {
            manager.createFile(atPath: base + file, contents: Data())
        }
        try manager.createSymbolicLink(atPath: base + "/repo/linked", withDestinationPath: base + "/real/deep")
        try manager.createSymbolicLink(atPath: base + "/repo/relative", withDestinationPath: "../real/deep")
        try manager.createSymbolicLink(atPath: base + "/repo/apps/web/link.yaml", withDestinationPath: "a.yaml")
        try manager.createSymbolicLink(atPath: base + "/repo/apps/web/dangling.yaml", withDestinationPath: "gone.yaml")
        try manager.createSymbolicLink(atPath: base + "/repo/apps/loop", withDestinationPath: "loop")
        let folder = base + "/cwd"
        let paths = ["../repo/apps/web/a.yaml", "../repo/apps/web/b.yaml", "../repo/apps/web/link.yaml", "../repo/apps/web/dangling.yaml",
                     "../repo/apps/web/missing.yaml", "../repo/linked/c.yaml", "../repo/linked/../d.yaml", "../repo/linked/../deep/c.yaml",
                     "../repo/relative/c.yaml", "../repo/relative/../d.yaml", "../repo/linked/missing/../c.yaml",
                     "../repo/apps/web/a.yaml/../b.yaml", "../repo/apps/loop/x.yaml", "../repo/apps/web/", "../repo/apps/web/..",
                     "../repo/apps//web/./a.yaml", "../repo/./apps/web/b.yaml", "../../../../../../../../../../tmp", "a.yaml",
                     base + "/repo/apps/web/../web/a.yaml", base + "/repo/linked/c.yaml", "/../private/x", "../repo/apps/web/a.yaml"]
        let standardizer = PathStandardizer()
        for round in 1...2 {
            for path in paths + paths.reversed() {
                let foundation = URL(fileURLWithPath: folder).appendingPathComponent(path).standardizedFileURL.path
                let expected = path.hasPrefix("/") ? URL(fileURLWithPath: path).standardizedFileURL.path : foundation
                #expect(standardizer.standardized(path, in: folder) == expected, "\(path), round \(round)")
            }
        }
        #expect(standardizer.standardized("../repo/linked/c.yaml", in: folder) == base + "/real/deep/c.yaml")
        #expect(standardizer.standardized("../repo/apps/web/link.yaml", in: folder) == base + "/repo/apps/web/a.yaml")
        for name in Self.names {
            let foundation = URL(fileURLWithPath: folder).appendingPathComponent(name).standardizedFileURL.path
            #expect(standardizer.standardized(name, in: folder) == foundation, "\(name)")
        }
    }

    /// Foundation's walk has a 1,026-byte buffer: a link to a long folder can make a file's walk
    /// fail where its folder's succeeded (then `..` goes by the text); so can a long path.
    @Test func theStandardizerAgreesWithFoundationAtItsBufferLimit() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-long-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let manager = FileManager.default
        // A folder of 1,000 bytes: its walk through the link fits the buffer, the file's does not.
        var deep = base + "/x"
        while deep.utf8.count < 940 { deep += "/" + String(repeating: "d", count: 40) }
        deep += "/" + String(repeating: "d", count: 999 - deep.utf8.count)
        try manager.createDirectory(atPath: deep + "/d2", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: base + "/a/d2", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: base + "/cwd", withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: base + "/a/L", withDestinationPath: deep)
        let file = String(repeating: "f", count: 32) + ".yaml"
        manager.createFile(atPath: deep + "/d2/" + file, contents: Data())
        manager.createFile(atPath: base + "/a/d2/" + file, contents: Data())
        var longFolder = base + "/y"
        while longFolder.utf8.count < 1_100 { longFolder += "/" + String(repeating: "e", count: 50) }
        let standardizer = PathStandardizer()
        for path in ["../a/L/../d2/" + file, "../a/L/d2/" + file, "../a/d2/" + file, longFolder + "/../z.yaml"] {
            let expected = URL(fileURLWithPath: base + "/cwd").appendingPathComponent(path).standardizedFileURL.path
            let absolute = path.hasPrefix("/") ? URL(fileURLWithPath: path).standardizedFileURL.path : expected
            #expect(standardizer.standardized(path, in: base + "/cwd") == absolute, "\(path)")
        }
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
