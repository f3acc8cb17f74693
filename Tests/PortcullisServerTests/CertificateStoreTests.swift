import Foundation
import Logging
@testable import PortcullisServer
import Testing

/// The serving pair's reload, driven call by call: a rotation seen half done (the key replaced, the
/// certificate not yet) waits a poll instead of counting a failure; a pair still wrong at the next
/// poll is refused; `force` refuses at once.
@Suite struct CertificateStoreTests {
    private func store(in folder: ScratchFolder) throws -> (CertificateStore, ServerMetrics) {
        for name in ["first", "second", "third"] { try LiveServerTests.makeCertificate(in: folder, name: name) }
        try LiveServerTests.install("first", in: folder)
        let metrics = ServerMetrics()
        let files = TLSFiles(certificatePath: folder.path + "/tls.crt", keyPath: folder.path + "/tls.key")
        return (try CertificateStore(files: files, metrics: metrics, logger: Logger(label: "test")), metrics)
    }

    private func replace(_ target: String, with source: String, in folder: ScratchFolder) throws {
        try? FileManager.default.removeItem(atPath: folder.path + "/next")
        try FileManager.default.copyItem(atPath: folder.path + "/" + source, toPath: folder.path + "/next")
        #expect(rename(folder.path + "/next", folder.path + "/" + target) == 0)
    }

    private func reloads(_ metrics: ServerMetrics, _ result: String) -> Int? {
        let text = String(decoding: metrics.render(), as: UTF8.self)
        let prefix = #"portcullis_tls_certificate_reloads_total{result="\#(result)"} "#
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
        return Int(line.dropFirst(prefix.count))
    }

    @Test(.enabled(if: LiveServerTests.hasTools, "skipped: openssl is needed (apt-get install openssl)"))
    func aRotationSeenHalfDoneWaitsAPollAndIsNotAFailure() throws {
        let folder = try ScratchFolder()
        let (store, metrics) = try store(in: folder)
        try replace("tls.key", with: "second.key", in: folder)
        #expect(store.reload() == false, "the new key with the old certificate does not load")
        #expect(reloads(metrics, "failure") == nil, "nor is it counted: the rotation may be under way")
        try replace("tls.crt", with: "second.crt", in: folder)
        #expect(store.reload() == true)
        #expect(reloads(metrics, "success") == 1)
        #expect(reloads(metrics, "failure") == nil)
        #expect(store.reload() == false, "nothing changed since")
    }

    @Test(.enabled(if: LiveServerTests.hasTools, "skipped: openssl is needed (apt-get install openssl)"))
    func aPairStillWrongAtTheNextPollIsRefusedOnce() throws {
        let folder = try ScratchFolder()
        let (store, metrics) = try store(in: folder)
        try replace("tls.crt", with: "third.crt", in: folder)
        #expect(store.reload() == false)
        #expect(reloads(metrics, "failure") == nil)
        #expect(store.reload() == false)
        #expect(reloads(metrics, "failure") == 1, "unchanged at the next poll: refused")
        #expect(store.reload() == false)
        #expect(reloads(metrics, "failure") == 1, "refused once, not at every poll")
        try replace("tls.key", with: "third.key", in: folder)
        #expect(store.reload() == true, "the matching key completes the pair")
        #expect(reloads(metrics, "success") == 1)
    }

    @Test(.enabled(if: LiveServerTests.hasTools, "skipped: openssl is needed (apt-get install openssl)"))
    func aForcedReloadRefusesAtOnce() throws {
        let folder = try ScratchFolder()
        let (store, metrics) = try store(in: folder)
        try replace("tls.key", with: "second.key", in: folder)
        #expect(store.reload(force: true) == false)
        #expect(reloads(metrics, "failure") == 1)
    }
}
