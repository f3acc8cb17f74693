import Foundation
import Testing

/// The command line links FoundationEssentials and not Foundation (nor its ICU data): with it, the
/// release binary was 87 MB instead of 38 MB, and every start-up mapped, relocated and scanned
/// Foundation's 1,800 protocol conformances for nothing. Checked on the binary the tests run (a
/// debug build links the Swift libraries dynamically, so what it needs is listed in it).
@Suite struct BinaryDependenciesTests {
    @Test func theCommandLineNeedsNoFoundationLibrary() throws {
        guard let readelf = ["/usr/bin/readelf", "/bin/readelf"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("skipped: readelf (binutils) is not installed")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: readelf)
        process.arguments = ["-d", PortcullisBinary.url.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let needed = text.split(separator: "\n").filter { $0.contains("(NEEDED)") }
        guard needed.contains(where: { $0.contains("libswiftCore") }) else {
            print("skipped: \(PortcullisBinary.url.lastPathComponent) links the Swift libraries statically (a release build); nothing to read")
            return
        }
        #expect(needed.contains { $0.contains("libFoundationEssentials") })
        #expect(!needed.contains { $0.contains("[libFoundation.so") || $0.contains("libFoundationInternationalization") }, "\(needed)")
    }
}
