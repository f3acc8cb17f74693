import PortcullisManifest
import Synchronization

/// Files whose nodes a test helper hands out: a `Node` does not hold its arena (its file or
/// document does), so a helper that returns nodes of a file it loaded keeps the file here, for the
/// rest of the test process. Only small files are kept.
enum KeptFiles {
    private static let files = Mutex<[ManifestFile]>([])

    /// `file`, held until the process ends.
    static func keep(_ file: ManifestFile) -> ManifestFile {
        files.withLock { $0.append(file) }
        return file
    }
}
