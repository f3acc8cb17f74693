import Foundation
import Testing
import PortcullisDiagnostics
@testable import PortcullisManifest

@Suite struct InputDiscoveryTests {
    @Test func walksFoldersInNameOrderSkippingHiddenAndOtherExtensions() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("b.yaml", "")
        try dir.write("a/z.yml", "")
        try dir.write("a/y.json", "")
        try dir.write("a/readme.md", "")
        try dir.write(".git/config.yaml", "")
        try dir.write(".hidden.yaml", "")
        try dir.write("c/UPPER.YAML", "")
        let (files, diagnostics) = InputDiscovery().collect([dir.path])
        #expect(diagnostics.isEmpty)
        let relative = files.map { String($0.displayPath.dropFirst(dir.path.count + 1)) }
        #expect(relative == ["a/y.json", "a/z.yml", "b.yaml", "c/UPPER.YAML"])
    }

    @Test func explicitFilesAreTakenWhateverTheirExtension() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("manifest.txt", "apiVersion: v1\nkind: X\n")
        let (files, _) = InputDiscovery().collect([file])
        #expect(files.map(\.path) == [file])
    }

    @Test func excludeGlobs() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("base/app.yaml", "")
        try dir.write("vendor/lib/x.yaml", "")
        try dir.write("base/kustomization.yaml", "")
        let discovery = InputDiscovery(excludes: [GlobPattern("vendor/**"), GlobPattern("kustomization.yaml")])
        let (files, _) = discovery.collect([dir.path])
        #expect(files.map { ($0.displayPath as NSString).lastPathComponent } == ["app.yaml"])
    }

    @Test func standardInput() {
        let (files, _) = InputDiscovery(standardInputName: "from-pipe.yaml").collect(["-"])
        #expect(files == [InputFile(path: "-", displayPath: "from-pipe.yaml", isStandardInput: true)])
    }

    @Test func missingPath() {
        let (files, diagnostics) = InputDiscovery().collect(["/nonexistent/portcullis/x.yaml"])
        #expect(files.isEmpty)
        #expect(diagnostics.map(\.id) == [ManifestDiagnostic.notFound])
        #expect(diagnostics.first?.path == "/nonexistent/portcullis/x.yaml")
    }

    /// Regular files are taken from the folder's listing without a `stat`; links (which the listing
    /// names as links) are still followed to what they point at, file or folder.
    @Test func linksAreFollowedWhereTheListingTakesRegularFilesAsTheyAre() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("real/a.yaml", "")
        try dir.write("real/notes.txt", "")
        try dir.write("elsewhere/b.yaml", "")
        try dir.write("elsewhere/c.yml", "")
        try dir.link("real/linked.yaml", to: dir.path + "/elsewhere/b.yaml")
        try dir.link("real/folder", to: dir.path + "/elsewhere")
        let (files, diagnostics) = InputDiscovery().collect([dir.path + "/real"])
        #expect(diagnostics.isEmpty)
        let relative = files.map { String($0.displayPath.dropFirst(dir.path.count + 1)) }
        #expect(relative == ["real/a.yaml", "real/folder/b.yaml", "real/folder/c.yml", "real/linked.yaml"])
        let listed = try Platform.typedDirectoryEntries(dir.path + "/real").get().sorted { $0.name < $1.name }
        #expect(listed.map(\.name) == ["a.yaml", "folder", "linked.yaml", "notes.txt"])
        // Links are never taken as what they point at; a file system may leave every kind unknown.
        let kinds = Dictionary(uniqueKeysWithValues: listed.map { ($0.name, $0.kind) })
        #expect(kinds["linked.yaml"] == .unknown && kinds["folder"] == .unknown)
        #expect(kinds["a.yaml"] == .regular || kinds["a.yaml"] == .unknown)
        try dir.write("real/sub/d.yaml", "")
        let withFolder = try Platform.typedDirectoryEntries(dir.path + "/real").get()
        #expect(withFolder.contains { $0.name == "sub" && ($0.kind == .directory || $0.kind == .unknown) })
    }

    /// In a folder the process can list but not search, the files the listing names cannot be
    /// opened: each is reported where it was found and none is taken as an input (the listing's
    /// kinds are not trusted there). Root searches every folder, so the case exists for others only.
    @Test(.enabled(if: geteuid() != 0, "root may search every folder: the case cannot arise"))
    func filesOfAFolderThatCannotBeSearchedAreReported() throws {
        let dir = try TemporaryDirectory()
        defer {
            _ = chmod(dir.path + "/closed", 0o755)
            dir.remove()
        }
        try dir.write("closed/a.yaml", "apiVersion: v1\nkind: ConfigMap\n")
        try dir.write("open.yaml", "apiVersion: v1\nkind: ConfigMap\n")
        #expect(chmod(dir.path + "/closed", 0o644) == 0)
        let (files, diagnostics) = InputDiscovery().collect([dir.path])
        #expect(files.map { ($0.displayPath as NSString).lastPathComponent } == ["open.yaml"])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.path?.hasSuffix("closed/a.yaml") == true)
    }

    @Test func danglingSymlink() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.link("gone.yaml", to: dir.path + "/nothing-here.yaml")
        let (files, diagnostics) = InputDiscovery().collect([dir.path, dir.path + "/gone.yaml"])
        #expect(files.isEmpty)
        #expect(diagnostics.map(\.id) == [ManifestDiagnostic.notFound, ManifestDiagnostic.notFound])
    }

    @Test func symlinkLoopBetweenFiles() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.link("a.yaml", to: dir.path + "/b.yaml")
        try dir.link("b.yaml", to: dir.path + "/a.yaml")
        let (files, diagnostics) = InputDiscovery().collect([dir.path])
        #expect(files.isEmpty)
        #expect(diagnostics.map(\.id) == [ManifestDiagnostic.symlinkLoop, ManifestDiagnostic.symlinkLoop])
    }

    @Test func symlinkLoopBetweenFoldersEnds() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("apps/web.yaml", "apiVersion: v1\nkind: X\n")
        try dir.link("apps/again", to: dir.path + "/apps")
        let (files, diagnostics) = InputDiscovery().collect([dir.path])
        #expect(files.count == 1)
        #expect(diagnostics.map(\.id) == [ManifestDiagnostic.symlinkLoop])
        #expect(diagnostics.first?.path?.hasSuffix("apps/again") == true)
    }

    @Test func fifoIsNeverRead() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(mkfifo(dir.path + "/pipe.yaml", 0o644) == 0)
        let (files, diagnostics) = InputDiscovery().collect([dir.path])
        #expect(files.isEmpty)
        #expect(diagnostics.map(\.id) == [ManifestDiagnostic.notRegularFile])
        // Named explicitly it reaches the reader, which refuses it without blocking.
        let file = ManifestLoader().loadFile(atPath: dir.path + "/pipe.yaml")
        #expect(file.diagnostics.map(\.id) == [ManifestDiagnostic.notRegularFile])
    }

    @Test func fileOverTheSizeLimit() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("big.yaml", String(repeating: "# padding\n", count: 1000))
        let file = ManifestLoader(limits: ManifestLimits(maxFileBytes: 4096)).loadFile(atPath: path, displayPath: "big.yaml")
        #expect(file.diagnostics.map(\.id) == [ManifestDiagnostic.tooLarge])
        #expect(file.diagnostics.first?.path == "big.yaml")
        #expect(file.diagnostics.first?.message.contains("10000 bytes") == true)
    }

    @Test func unreadableFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("secret.yaml", "apiVersion: v1\nkind: X\n")
        chmod(path, 0)
        defer { chmod(path, 0o644) }
        let file = ManifestLoader().loadFile(atPath: path)
        if geteuid() == 0 {
            // root reads a mode-0 file; what is tested then is that a folder passed as a file is refused.
            let folder = ManifestLoader().loadFile(atPath: dir.path)
            #expect(folder.diagnostics.map(\.id) == [ManifestDiagnostic.notRegularFile])
        } else {
            #expect(file.diagnostics.map(\.id) == [ManifestDiagnostic.unreadable])
            #expect(file.diagnostics.first?.message.contains("Permission denied") == true)
        }
    }

    @Test func batchLoadingKeepsInputOrderAndGoesOnAfterBadFiles() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for i in 0..<40 {
            try dir.write(String(format: "f%02d.yaml", i), i % 7 == 3 ? "a: [\n" : "apiVersion: v1\nkind: K\(i)\n")
        }
        let (inputs, _) = InputDiscovery().collect([dir.path])
        let files = ManifestLoader().loadAll(inputs, parallel: true)
        #expect(files.map(\.path) == inputs.map(\.displayPath))
        #expect(files.filter(\.hasErrors).count == 6)
        #expect(files.flatMap(\.resources).count == 34)
        let serial = ManifestLoader().loadAll(inputs, parallel: false)
        #expect(serial.flatMap(\.resources).map(\.kind) == files.flatMap(\.resources).map(\.kind))
    }
}

@Suite struct GlobPatternTests {
    @Test(arguments: [
        ("*.yaml", "deploy.yaml", true), ("*.yaml", "a/b/deploy.yaml", true), ("*.yaml", "deploy.json", false),
        ("envs/prod/**", "envs/prod/app.yaml", true), ("envs/prod/**", "clusters/envs/prod/x/app.yaml", true),
        ("envs/prod/**", "envs/production/app.yaml", false), ("/envs/prod/**", "clusters/envs/prod/a.yaml", false),
        ("envs/*/app.yaml", "envs/dev/app.yaml", true), ("envs/*/app.yaml", "envs/dev/x/app.yaml", false),
        ("**/secrets/*.yaml", "a/b/secrets/db.yaml", true), ("**/secrets/*.yaml", "secrets/db.yaml", true),
        ("env?/a.yaml", "env1/a.yaml", true), ("[a-c]*.yaml", "b.yaml", true), ("[!a-c]*.yaml", "b.yaml", false),
        ("*.{yaml,yml}", "x.yml", true), ("./base/**", "base/a.yaml", true), ("vendor/**", "./vendor/x.yaml", true),
    ])
    func matching(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(GlobPattern(pattern).matches(path) == expected, "\(pattern) ~ \(path)")
    }

    @Test func pathologicalPatternStaysFast() {
        let pattern = GlobPattern(String(repeating: "*a", count: 30) + "b")
        #expect(!pattern.matches(String(repeating: "a", count: 200)))
    }
}
