import Foundation
import Testing
import PortcullisDiagnostics

/// `Platform.runChild`: how kustomize renderings and git run, through `posix_spawn` and two pipes.
@Suite struct ChildProcessTests {
    static let shell = "/bin/sh"

    @Test func bothOutputsAndTheExitStatusAreCollected() throws {
        let outcome = try Platform.runChild(Self.shell, ["-c", "printf out; printf err >&2; exit 3"], workingDirectory: nil,
                                            timeout: .seconds(30)).get()
        #expect(outcome.status == 3)
        #expect(String(decoding: outcome.standardOutput, as: UTF8.self) == "out")
        #expect(String(decoding: outcome.standardError, as: UTF8.self) == "err")
        #expect(!outcome.timedOut)
    }

    /// Far more than a pipe holds, on both outputs at once: neither blocks the child.
    @Test func largeOutputsOnBothStreamsDoNotBlock() throws {
        let script = "i=0; while [ $i -lt 2000 ]; do echo 0123456789012345678901234567890123456789012345678901234567890123456789; "
            + "echo abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij >&2; i=$((i+1)); done"
        let outcome = try Platform.runChild(Self.shell, ["-c", script], workingDirectory: nil, timeout: .seconds(60)).get()
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.count == 2000 * 71)
        #expect(outcome.standardError.count == 2000 * 71)
    }

    @Test func theChildRunsInTheFolderGivenWithEmptyInput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Platform.runChild(Self.shell, ["-c", "pwd -P; cat; echo done"], workingDirectory: folder.path,
                                            timeout: .seconds(30)).get()
        let real = folder.resolvingSymlinksInPath().path
        #expect(String(decoding: outcome.standardOutput, as: UTF8.self) == real + "\ndone\n")
        let missing = Platform.runChild(Self.shell, ["-c", "true"], workingDirectory: folder.path + "/none", timeout: .seconds(30))
        // The folder is changed to in the child: a missing one ends it (posix_spawn fails, or the child exits 127).
        switch missing {
        case .success(let outcome): #expect(outcome.status != 0)
        case .failure: break
        }
    }

    @Test func aChildPastItsTimeIsStoppedAndSaidToBe() throws {
        let clock = ContinuousClock()
        var outcome: Platform.ChildOutcome?
        let elapsed = try clock.measure {
            outcome = try Platform.runChild(Self.shell, ["-c", "echo started; exec sleep 30"], workingDirectory: nil,
                                            timeout: .milliseconds(300)).get()
        }
        #expect(outcome?.timedOut == true)
        #expect(outcome?.status == SIGTERM)
        #expect(String(decoding: outcome?.standardOutput ?? [], as: UTF8.self) == "started\n")
        #expect(elapsed < .seconds(20))
    }

    /// One that ignores SIGTERM gets SIGKILL.
    @Test func aChildIgnoringTerminationIsKilled() throws {
        let outcome = try Platform.runChild(Self.shell, ["-c", "trap '' TERM; while true; do sleep 1; done"], workingDirectory: nil,
                                            timeout: .milliseconds(200)).get()
        #expect(outcome.timedOut)
        #expect(outcome.status == SIGKILL)
    }

    /// Outputs closed early do not end the wait: the child still meets its time limit.
    @Test func aChildThatClosesItsOutputsStillMeetsItsTimeLimit() throws {
        let outcome = try Platform.runChild(Self.shell, ["-c", "exec >&- 2>&-; exec sleep 30"], workingDirectory: nil,
                                            timeout: .milliseconds(300)).get()
        #expect(outcome.timedOut)
        #expect(outcome.status == SIGTERM)
    }

    /// A child that ends while something it started holds the pipes is read until its time limit.
    @Test func aGrandchildHoldingThePipesDoesNotHoldTheRun() throws {
        let clock = ContinuousClock()
        var outcome: Platform.ChildOutcome?
        let elapsed = try clock.measure {
            outcome = try Platform.runChild(Self.shell, ["-c", "echo parent; sleep 10 & exit 4"], workingDirectory: nil,
                                            timeout: .seconds(60)).get()
        }
        #expect(outcome?.status == 4)
        #expect(outcome?.timedOut == false)
        #expect(String(decoding: outcome?.standardOutput ?? [], as: UTF8.self) == "parent\n")
        // A second's silence after the child's end, not its time limit (nor the grandchild's ten seconds).
        #expect(elapsed < .seconds(8))
    }

    /// What a child wrote just before it ended is all read.
    @Test func everythingWrittenBeforeTheEndIsRead() throws {
        for _ in 0..<5 {
            let outcome = try Platform.runChild("/usr/bin/head", ["-c", "3000000", "/dev/zero"], workingDirectory: nil,
                                                timeout: .seconds(30)).get()
            #expect(outcome.status == 0)
            #expect(outcome.standardOutput.count == 3_000_000)
        }
    }

    @Test func aProgramThatCannotStartIsAFailureWithTheReason() {
        guard case .failure(let error) = Platform.runChild("/no/such/program", [], workingDirectory: nil, timeout: .seconds(5)) else {
            Issue.record("a missing program started")
            return
        }
        #expect(error.message == String(cString: strerror(ENOENT)))
    }
}
