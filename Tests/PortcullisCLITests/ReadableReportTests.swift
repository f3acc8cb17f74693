import Foundation
import Testing

/// Reports people read at repository scale (issue 16): the per-policy summary, compact text,
/// Markdown for job summaries, the HTML page (checked by a parser and in a real browser), and the
/// progress line on a terminal. The real binary, real files.
@Suite struct ReadableReportTests {
    static let inputs = ReportCommandTests.inputs

    /// A manifest whose values are markup: the reports must show it as text.
    static let untrusted = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: "x</td></tr><script>document.title='injected'</script>"
          namespace: shop
          labels: {note: "a | b [link](https://example.com) *bold* `code` $x$"}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: "<script>document.title='injected'</script>"
                  image: "nginx:latest"
                  args: ["<img src=x onerror=alert(1)>"]

        """
    static let injectedMessage = "container '<script>document.title='injected'</script>' uses floating image 'nginx:latest'"

    // MARK: Summary and compact

    @Test func summaryTableSortsByCountAndAddsUp() throws {
        let result = try PortcullisBinary.run(["check", "--summary", "--color", "never"] + Self.inputs)
        #expect(result.status == 2)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("policy ") == true)
        #expect(lines.last?.hasPrefix("checked 9 files, 13 resources against 42 policies: 10 errors, 7 warnings") == true)
        let rows = lines.dropFirst().dropLast(2).map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        let counts = rows.map { Int($0[2])! }
        #expect(counts == counts.sorted(by: >), "sorted by findings, most first")
        #expect(counts.reduce(0, +) == 17)
        #expect(rows.map { Int($0[4])! }.reduce(0, +) == 6)
        // Aligned: every count column ends where its header ends.
        let header = lines[0]
        for line in lines.dropFirst().dropLast() { #expect(line.count == header.count, "\(line)") }
        #expect(!result.stdout.contains("\u{1B}["))
        let coloured = try PortcullisBinary.run(["check", "--summary", "--color", "always"] + Self.inputs)
        #expect(coloured.stdout.contains("\u{1B}[1;31merror\u{1B}[0m"))
        // --quiet keeps the text report to problems: no table.
        let quiet = try PortcullisBinary.run(["check", "--quiet", "fixtures/violations"])
        #expect(!quiet.stdout.contains("policy  "))
    }

    @Test func jsonSummaryByPolicyMatchesTheTotals() throws {
        let result = try PortcullisBinary.run(["check", "--format", "json"] + Self.inputs)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Any])
        let rows = try #require(summary["byPolicy"] as? [[String: Any]])
        let totals = try #require(summary["findings"] as? [String: Int])
        #expect(rows.compactMap { $0["findings"] as? Int }.reduce(0, +) == totals.values.reduce(0, +))
        #expect(rows.compactMap { $0["suppressed"] as? Int }.reduce(0, +) == summary["suppressed"] as? Int)
        #expect(rows.first?["policy"] as? String == "pod-security-extra/read-only-root-filesystem")
    }

    @Test func compactIsOneLinePerFindingEvenForMultilineValues() throws {
        let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: x}\nspec:\n  containers:\n    - {name: \"a\\nb\\u001b[31m\", image: \"nginx:latest\"}\n"
        let result = try PortcullisBinary.run(["check", "--compact", "--only", "images/no-latest-tag", "-", "--stdin-filename", "pod.yaml"], stdin: pod)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("pod.yaml:6:39: error: container 'a\\nb\\u{1B}[31m' uses floating image 'nginx:latest' [images/no-latest-tag]\nchecked 1 file"))
        let same = try PortcullisBinary.run(["check", "--format", "compact", "--quiet", "--only", "images/no-latest-tag", "-", "--stdin-filename", "pod.yaml"], stdin: pod)
        #expect(same.stdout.split(separator: "\n").count == 1)
    }

    // MARK: Markdown

    @Test func markdownEscapesManifestValuesAndLinksLines() throws {
        let result = try PortcullisBinary.run(["check", "--format", "markdown", "--only", "images/no-latest-tag", "-", "--stdin-filename", "apps/web.yaml",
                                               "--link-base", "https://github.com/o/r/blob/abc123"], stdin: Self.untrusted)
        #expect(result.status == 1)
        #expect(result.stdout.contains("- [line 15](https://github.com/o/r/blob/abc123/apps/web.yaml#L15) **error** `images/no-latest-tag`: "
                                       + "container '&lt;script&gt;document.title='injected'&lt;/script&gt;' uses floating image 'nginx:latest'\n"))
        #expect(!result.stdout.contains("<script>"))
    }

    /// 60 files of 10 Deployments each, about 11,000 findings.
    static let manyFindings: Result<String, any Error> = Result {
        let folder = try TemporaryFolder()
        for file in 0..<60 {
            var text = ""
            for index in 0..<10 {
                text += """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: app-\(file)-\(index)-with-a-longer-name, namespace: team-\(file)}
                    spec:
                      replicas: 3
                      selector: {matchLabels: {app: a\(index)}}
                      template:
                        metadata: {labels: {app: a\(index)}}
                        spec:
                          containers:
                            - {name: main-container-\(index), image: "registry.example.com/team/app:latest"}
                            - {name: sidecar-container-\(index), image: "registry.example.com/team/sidecar"}
                    ---

                    """
            }
            try folder.write("app-\(file).yaml", text)
        }
        return folder.path
    }

    /// A run with more findings than a job summary holds: cut under 1 MiB, `<details>` closed, a note.
    @Test func markdownStaysUnderTheJobSummaryLimit() throws {
        let folder = try Self.manyFindings.get()
        let result = try PortcullisBinary.run(["check", "--format", "markdown", folder])
        #expect(result.status == 1)
        let bytes = result.stdout.utf8.count
        #expect(bytes <= 1 << 20, "\(bytes) bytes")
        #expect(bytes > 900_000, "fills the summary before cutting: \(bytes) bytes")
        #expect(result.stdout.components(separatedBy: "<details>").count == result.stdout.components(separatedBy: "</details>").count)
        let note = try #require(result.stdout.split(separator: "\n").last)
        #expect(note.hasPrefix("> **Truncated:** "))
        #expect(note.contains("findings not shown, to keep this report under 1 MiB, GitHub's limit for a job summary"))
        let json = try PortcullisBinary.run(["check", "--format", "json", folder])
        let total = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let all = (total["findings"] as? [Any])?.count ?? 0
        let listed = result.stdout.split(separator: "\n").filter { $0.hasPrefix("- line ") }.count  // outside the repository: no links
        let omitted = Int(note.dropFirst("> **Truncated:** ".count).prefix { $0.isNumber })
        #expect(listed + (omitted ?? 0) == all, "every finding is listed or counted in the note")
    }

    // MARK: HTML

    /// The page over fixtures/ (and a manifest of markup) is self-contained and well formed.
    @Test(.enabled(if: PortcullisBinary.pythonHas(module: "html.parser"), "skipped: python3 is not installed"))
    func htmlIsSelfContainedAndEscaped() throws {
        let folder = try TemporaryFolder()
        let page = folder.path + "/report.html"
        let result = try PortcullisBinary.run(["check", "--format", "html", "--output", page] + Self.inputs + ["-", "--stdin-filename", "untrusted/markup.yaml"],
                                              stdin: Self.untrusted)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let check = try PortcullisBinary.runScript("check_html_report.py", [page, "--text", Self.injectedMessage, "--text", "<img src=x onerror=alert(1)>"])
        #expect(check.status == 0, "\(check.stdout)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.components(separatedBy: "<svg class=\"chart\"").count == 4, "three charts")
        #expect(html.contains("<h2>Suppressed findings (6)</h2>"))
        #expect(html.contains("<mark>nginx:latest</mark>"), "the excerpt marks the finding's node")
        // The same run gives the same bytes (no times).
        let again = try PortcullisBinary.run(["check", "--format", "html"] + Self.inputs + ["-", "--stdin-filename", "untrusted/markup.yaml"], stdin: Self.untrusted)
        #expect(again.stdout == html)
    }

    @Test func htmlShowsBaselineHeldFindingsApart() throws {
        let folder = try TemporaryFolder()
        _ = try PortcullisBinary.run(["check", "fixtures/violations/secret.yaml", "--write-baseline", folder.path + "/baseline.json"])
        let result = try PortcullisBinary.run(["check", "--format", "html", "fixtures/violations", "--baseline", folder.path + "/baseline.json"])
        #expect(result.stdout.contains("<h2>Held by the baseline (1)</h2>"))
        #expect(result.stdout.contains("Secret &#39;database&#39; keeps plaintext values"))
    }

    /// Chromium (Debian's package), headless, opens the page written for fixtures/: the charts and
    /// the table render, a policy filter (from the address) hides the other rows, the markup of a
    /// manifest is text, and a screenshot lands in the build folder.
    @Test(.enabled(if: Browser.path != nil, "skipped: Chromium is not installed (apt-get install chromium)"))
    func htmlWorksInARealBrowser() throws {
        let browser = try #require(Browser.path)
        let folder = try TemporaryFolder()
        let page = folder.path + "/report.html"
        _ = try PortcullisBinary.run(["check", "--format", "html", "--output", page] + Self.inputs + ["-", "--stdin-filename", "untrusted/markup.yaml"],
                                     stdin: Self.untrusted)
        let dom = try Browser.run(browser, ["--dump-dom", "file://\(page)#policy=images%2Fno-latest-tag"], profile: folder.path + "/profile")
        #expect(dom.contains("<title>Portcullis report</title>"), "the manifest's script did not run")
        #expect(dom.components(separatedBy: "<script").count == 2, "the page's own script only")
        #expect(dom.contains("container '&lt;script&gt;document.title='injected'&lt;/script&gt;' uses floating image"))
        #expect(dom.components(separatedBy: "<rect class=").count > 10, "bars drawn")
        let rows = dom.components(separatedBy: "<tr data-index=").dropFirst().map { $0.prefix { $0 != ">" } }
        let shown = rows.filter { !$0.contains("hidden") }
        #expect(shown.count == 2, "web.yaml's and the markup manifest's")
        #expect(shown.allSatisfy { $0.contains("data-policy=\"images/no-latest-tag\"") })
        #expect(dom.contains("Showing 2 of \(rows.count) findings"))
        #expect(!dom.contains("<form id=\"filters\" class=\"filters\" hidden"), "the script showed the filters")

        let screenshot = PortcullisBinary.packageRoot.appendingPathComponent(".build/portcullis-report.png").path
        try? FileManager.default.removeItem(atPath: screenshot)
        _ = try Browser.run(browser, ["--window-size=1280,1800", "--screenshot=\(screenshot)", "file://\(page)"], profile: folder.path + "/profile")
        let png = try #require(FileManager.default.contents(atPath: screenshot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    // MARK: Progress

    static var pythonHasPTY: Bool { PortcullisBinary.pythonHas(module: "pty") }

    /// The progress line shows on a terminal (here a pseudo-terminal) and is erased at the end; never
    /// in a pipe, never with --quiet or --no-progress, and not for a run shorter than a second.
    @Test(.enabled(if: pythonHasPTY, "skipped: python3 with pty is not available"))
    func progressOnlyOnATerminal() throws {
        func underTerminal(_ arguments: [String], after: String? = "0") throws -> (stdout: String, stderr: String) {
            let env = after.map { ["--env", "PORTCULLIS_PROGRESS_AFTER=" + $0] } ?? []
            let run = try PortcullisBinary.runScript("run_with_pty.py", env + ["--", PortcullisBinary.url.path] + arguments)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            return (json["stdout"] as? String ?? "", json["stderr"] as? String ?? "")
        }
        // 600 documents: long enough (in a debug build) for lines drawn mid-run, every 0.2 s from 0.1 s on.
        let shown = try underTerminal(["check", "--summary", try Self.manyFindings.get()], after: "0.1")
        #expect(shown.stderr.contains("/60 files · "), "\(shown.stderr.debugDescription)")
        #expect(shown.stderr.contains(" documents/s · "))
        #expect(shown.stderr.hasPrefix("\r"))
        #expect(shown.stderr.hasSuffix("\r\u{1B}[K"), "erased at the end")
        #expect(shown.stdout.contains("checked 60 files"))
        #expect(!shown.stdout.contains("documents/s"), "never in the report")

        let piped = try PortcullisBinary.run(["check", "fixtures/violations"], environment: ["PORTCULLIS_PROGRESS_AFTER": "0"])
        #expect(piped.stderr.isEmpty)
        #expect(try underTerminal(["check", "--quiet", "fixtures/violations"]).stderr.isEmpty)
        #expect(try underTerminal(["check", "--no-progress", "fixtures/violations"]).stderr.isEmpty)
        #expect(try underTerminal(["check", "fixtures/valid"], after: nil).stderr.isEmpty, "a short run shows nothing")
    }
}

/// Headless Chromium, when installed.
enum Browser {
    static let path: String? = {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// Runs the browser headless (no sandbox: tests may run as root), returns its standard output;
    /// stopped after a minute.
    static func run(_ browser: String, _ arguments: [String], profile: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(profile)"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = DispatchTime.now() + .seconds(60)
        DispatchQueue.global().asyncAfter(deadline: deadline) { if process.isRunning { process.terminate() } }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
