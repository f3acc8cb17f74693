import Testing
import PortcullisDiagnostics
@testable import PortcullisManifest

/// `ManifestStorage.holdsKey`: what lets a file whose mappings never use a key skip looking it up
/// in each of its documents (the suppression annotation).
@Suite struct StorageKeyTests {
    @Test func aKeyOfAnyMappingOfAnyDocumentIsHeldAndNoOtherIs() throws {
        let text = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: a}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: b
              annotations: {portcullis.dev/ignore: "images/no-latest-tag -- pinned upstream"}
            data: [{nested: {deep: 1}}]
            """
        let file = ManifestLoader().load(SourceFile(path: "two.yaml", bytes: Array(text.utf8)))
        let storage = try #require(file.storage)
        for key in ["apiVersion", "kind", "metadata", "name", "annotations", "portcullis.dev/ignore", "data", "nested", "deep"] {
            #expect(storage.holdsKey(key), "\(key)")
        }
        // Values are not keys; a key's prefix is not the key.
        for key in ["v1", "ConfigMap", "a", "portcullis.dev", "deeper", "", "1"] {
            #expect(!storage.holdsKey(key), "\(key)")
        }
        let plain = ManifestLoader().load(SourceFile(path: "one.yaml", bytes: Array("kind: Pod\nmetadata: {name: p}\n".utf8)))
        #expect(try #require(plain.storage).holdsKey("portcullis.dev/ignore") == false)
    }
}
