import PortcullisEngine
import Testing

/// A finding's path is read from where the evaluator found it: right for every element of a long
/// list, and for a value shared through an alias (its place under the element iterated).
@Suite struct FindingPathTests {
    static let latest = EngineHarness("""
        policy "test/latest" {
          match workload
          for c in containers
          deny when c.image == "nginx:latest"
          message "{c.name}"
          at c.image
        }
        """)

    @Test func everyElementOfALongListHasItsOwnPath() {
        let count = 900
        var pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: many}\nspec:\n  containers:\n"
        for i in 0..<count { pod += "    - {name: c\(i), image: nginx:latest}\n" }
        let findings = Self.latest.run(pod)
        #expect(findings.count == count)
        #expect(findings.map(\.jsonPath) == (0..<count).map { "$.spec.containers[\($0)].image" })
        #expect(findings.last?.span.start.line == 5 + count)
    }

    @Test func anAliasedValueIsPlacedUnderTheElementIterated() {
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: shared}
            spec:
              containers:
                - name: a
                  image: &image nginx:latest
                - name: b
                  image: *image
              initContainers:
                - name: init
                  image: *image
            """
        let findings = Self.latest.run(pod)
        #expect(Set(findings.map(\.jsonPath)) == ["$.spec.initContainers[0].image", "$.spec.containers[0].image", "$.spec.containers[1].image"])
        #expect(findings.count == 3)
    }

    @Test func anAliasedContainerKeepsItsFirstPlace() {
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: shared}
            spec:
              containers:
                - &main {name: a, image: nginx:latest}
              initContainers:
                - *main
            """
        let findings = Self.latest.run(pod)
        #expect(findings.count == 2)
        #expect(findings.map(\.jsonPath).sorted() == ["$.spec.containers[0].image", "$.spec.containers[0].image"])
    }
}
