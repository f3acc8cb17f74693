@testable import PortcullisManifest
import Synchronization
import Testing

/// `InputOrder.map(consuming:)` and `map(taking:)` hand each element to its job by move, and
/// `update(_:at:parallel:_:)` hands each job its place: what a job leaves of its element is freed
/// when that job ends, not when every job has.
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
    /// A place of the run: a token waiting for its job, or the job's result.
    enum Place: Sendable, Equatable {
        case token(Token)
        case result(String)
        case taken

        static func == (a: Place, b: Place) -> Bool {
            switch (a, b) {
            case (.result(let x), .result(let y)): x == y
            case (.taken, .taken): true
            case (.token(let x), .token(let y)): x === y
            default: false
            }
        }
    }

    /// Jobs get the places given (in parallel too), each with its position, and no others; what a
    /// job takes out of its place is freed when it ends.
    @Test(arguments: [false, true])
    func updateHandsJobsTheirPlacesAndNoOthers(_ parallel: Bool) {
        let census = Census()
        var places: [Place] = [.result("a"), .token(Token(census)), .result("c"), .token(Token(census)), .token(Token(census)),
                               .result("f"), .token(Token(census))]
        let handed = Mutex<[Int]>([])
        InputOrder.update(&places, at: [1, 3, 4, 6], parallel: parallel) { position, place in
            handed.withLock { $0.append(position) }
            guard case .token(let token) = place else {
                place = .result("handed a place not given")
                return
            }
            place = .taken
            _ = consume token
            place = .result("job at \(position)")
        }
        #expect(handed.withLock { $0.sorted() } == [1, 3, 4, 6])
        #expect(places == [.result("a"), .result("job at 1"), .result("c"), .result("job at 3"), .result("job at 4"), .result("f"),
                           .result("job at 6")])
        #expect(census.alive.load(ordering: .relaxed) == 0)
    }

    /// Each job's element is freed when that job ends, not when every job has.
    @Test func updateFreesWhatEachJobTakesAsItEnds() {
        let census = Census()
        var places: [Place] = (0..<5).map { _ in .token(Token(census)) }
        InputOrder.update(&places, at: [0, 1, 2, 3, 4], parallel: false) { _, place in
            guard case .token(let token) = place else { return }
            place = .taken
            _ = consume token
            place = .result("\(census.alive.load(ordering: .relaxed))")
        }
        #expect(places == ["4", "3", "2", "1", "0"].map { .result($0) })
    }
}
