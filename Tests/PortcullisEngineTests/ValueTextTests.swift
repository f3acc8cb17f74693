@testable import PortcullisEngine
import PortcullisDiagnostics
import PortcullisManifest
import Testing

/// A document scalar's text (`stringValue`, read from the node) is what its resolved value says.
@Suite struct ValueTextTests {
    @Test func scalarsReadAsTheirResolvedValues() throws {
        let file = ManifestLoader().load(SourceFile(path: "scalars.yaml", bytes: Array("""
            apiVersion: v1
            kind: ConfigMap
            data:
              - null
              - ~
              -
              - true
              - False
              - "true"
              - 8080
              - 0x1F
              - 1.50
              - 1e3
              - .inf
              - -.nan
              - 99999999999999999999999
              - text
              - 'quoted text that is longer than fifteen bytes'
              - "é"
              - !!str 12
              - !!int "7"
              - {a: 1}
              - [1]

            """.utf8)))
        let root = try #require(file.resources.first?.root)
        let items = try #require(root["data"]).elements
        #expect(items.count == 20)
        for item in items {
            let value = Value.node(item)
            #expect(value.stringValue == value.resolved.stringValue, "\(item.scalarText ?? "collection")")
        }
        #expect(Value.node(items[6]).stringValue == "8080")
        #expect(Value.node(items[0]).stringValue == nil)
        #expect(Value.node(items[18]).stringValue == nil && Value.node(items[19]).stringValue == nil)
    }
}
