@testable import PortcullisManifest
import Synchronization
import Testing

/// `InputOrder.map(consuming:)` and `map(taking:)` hand each element to its job by move: what a job
/// leaves of it is freed when that job ends, not when every job has.
@Suite struct InputOrderTests {
    /// Counts the tokens alive (one counter per test).
    final class Census: Sendable {
        let alive = Atomic<Int>(0)
    }

    final class Token: Sendable {
        let census: Census
        init(_ census: Census) {
            self.census = census
            census.alive.wrappingAdd(1, ordering: .relaxed)
        }
        deinit { census.alive.wrappingSubtract(1, ordering: .relaxed) }
    }

    @Test func consumingFreesEachElementAsItsJobEnds() {
        let census = Census()
        var tokens: [Token] = []
        for _ in 0..<5 { tokens.append(Token(census)) }
        let alive = InputOrder.map(consuming: consume tokens, parallel: false) { (token: consuming Token) -> Int in
            _ = consume token
            return census.alive.load(ordering: .relaxed)
        }
        #expect(alive == [4, 3, 2, 1, 0])
    }

    @Test func takingFreesEachElementAsItsJobEnds() {
        let census = Census()
        var tokens: [Token?] = []
        for _ in 0..<5 { tokens.append(Token(census)) }
        let alive = InputOrder.map(taking: consume tokens, parallel: false) { (token: consuming Token) -> Int in
            _ = consume token
            return census.alive.load(ordering: .relaxed)
        }
        #expect(alive == [4, 3, 2, 1, 0])
    }
    /// Results go into the places given (in parallel too), the others stay as they were, and each
    /// element is freed as its job ends.
    @Test(arguments: [false, true])
    func takingIntoPlacesFillsThemAndNoOthers(_ parallel: Bool) {
        let census = Census()
        var tokens: [Token?] = []
        for _ in 0..<4 { tokens.append(Token(census)) }
        var results: [String?] = ["a", nil, "c", nil, nil, "f", nil]
        let places: [Int32] = [1, 3, 4, 6]
        InputOrder.map(taking: consume tokens, into: &results, at: places, parallel: parallel) { (token: consuming Token) -> String in
            _ = consume token
            return "job"
        }
        #expect(results == ["a", "job", "c", "job", "job", "f", "job"])
        #expect(census.alive.load(ordering: .relaxed) == 0)
    }
}
