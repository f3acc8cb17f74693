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
                     "/with space/é.yaml"]
        for path in paths {
            #expect(PathResolution.standardized(path, in: "/ignored") == URL(fileURLWithPath: path).standardizedFileURL.path, "\(path)")
        }
    }

    @Test func theWorkingDirectoryIsTheDefaultFolder() {
        let cwd = FileManager.default.currentDirectoryPath
        #expect(PathResolution.absolute("x/../y.yaml") == URL(fileURLWithPath: cwd).appendingPathComponent("y.yaml").standardizedFileURL.path)
    }
}
