import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PortcullisDiagnostics

/// `portcullis serve`: runs `portcullis-server`, the admission endpoint, found beside this
/// executable, with the same arguments. The server is a binary of its own so that `check`, which a
/// pre-commit hook starts for every commit, never loads NIO or Hummingbird.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the policies as a Kubernetes admission webhook (runs portcullis-server; `portcullis serve --help` for its options).",
        discussion: "portcullis serve [--policy FILE|DIR]... [--config FILE] [--host H] --port N (--tls-cert F --tls-key F | --insecure-http)"
    )

    static let serverName = "portcullis-server"

    @Argument(parsing: .captureForPassthrough, help: "The server's arguments.")
    var arguments: [String] = []

    func run() throws {
        let server = Self.serverPath()
        guard FileManager.default.isExecutableFile(atPath: server) else {
            var err = OutputStream.standardError
            err.writeLine("error: \(server) not found: `portcullis serve` runs the admission endpoint, \(Self.serverName), which is installed beside portcullis (swift build --product \(Self.serverName))")
            err.flush()
            throw ExitCode(2)
        }
        let failure = Platform.replaceProcess(with: server, arguments: arguments)
        var err = OutputStream.standardError
        err.writeLine("error: cannot run \(server): \(failure.message)")
        err.flush()
        throw ExitCode(2)
    }

    /// `portcullis-server` in the folder of the running executable (links resolved).
    static func serverPath() -> String {
        let own = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        return URL(fileURLWithPath: own).deletingLastPathComponent().appendingPathComponent(serverName).path
    }
}
