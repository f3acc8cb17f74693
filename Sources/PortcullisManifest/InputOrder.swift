import Dispatch

/// Runs one job per input and returns the results in input order, whatever the scheduling.
///
/// Jobs for standard input run first, one by one, on the calling thread (so `-` given twice never
/// has two readers); the rest run on all cores when `parallel` is set.
package enum InputOrder {
    package static func map<Result: Sendable>(
        _ inputs: [InputFile], parallel: Bool, _ job: @Sendable (InputFile) -> Result
    ) -> [Result] {
        let pending = inputs.indices.filter { !inputs[$0].isStandardInput }
        return inPlace(inputs.count) { slot in
            for (offset, input) in inputs.enumerated() where input.isStandardInput {
                slot(offset, job(input))
            }
            if parallel && pending.count > 1 {
                DispatchQueue.concurrentPerform(iterations: pending.count) { index in
                    slot(pending[index], job(inputs[pending[index]]))
                }
            } else {
                for offset in pending { slot(offset, job(inputs[offset])) }
            }
        }
    }

    /// One job per element on all cores (when `parallel`), results in order.
    package static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], parallel: Bool, _ job: @Sendable (Element) -> Result
    ) -> [Result] {
        inPlace(elements.count) { slot in
            if parallel && elements.count > 1 {
                DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                    slot(index, job(elements[index]))
                }
            } else {
                for offset in elements.indices { slot(offset, job(elements[offset])) }
            }
        }
    }

    /// One job per element on all cores (when `parallel`), results in order; each job is handed its
    /// element by move, so what a job leaves of it is freed when that job ends, not when every job
    /// has (the caller's array is gone once the jobs start).
    package static func map<Element: Sendable, Result: Sendable>(
        consuming elements: consuming [Element], parallel: Bool, _ job: @Sendable (consuming Element) -> Result
    ) -> [Result] {
        var pending: [Element?] = []
        pending.reserveCapacity(elements.count)
        for element in consume elements { pending.append(element) }
        return map(taking: consume pending, parallel: parallel, job)
    }

    /// `map(consuming:)` over elements the caller holds as optionals already, each taken out of
    /// its place when its job starts (every element must be there): no second array of them is
    /// made, as `map(consuming:)` makes one to take them from.
    package static func map<Element: Sendable, Result: Sendable>(
        taking elements: consuming [Element?], parallel: Bool, _ job: @Sendable (consuming Element) -> Result
    ) -> [Result] {
        var pending = elements
        return inPlace(pending.count) { slot in
            takeEach(&pending, parallel: parallel) { index, element in slot(index, job(consume element)) }
        }
    }

    /// `map(taking:)` whose results go straight into `destination`, the element at `i` into the
    /// place `positions[i]` (one distinct empty place per element): a run whose files wait for a
    /// second pass keeps one array of results, not that one and the second pass's too.
    package static func map<Element: Sendable, Result: Sendable>(
        taking elements: consuming [Element?], into destination: inout [Result?], at positions: [Int32], parallel: Bool,
        _ job: @Sendable (consuming Element) -> Result
    ) {
        var pending = elements
        precondition(positions.count == pending.count, "one place per element")
        destination.withUnsafeMutableBufferPointer { results in
            nonisolated(unsafe) let results = results
            takeEach(&pending, parallel: parallel) { index, element in
                let place = Int(positions[index])
                precondition(place >= 0 && place < results.count, "a place out of range")
                if case .some = results[place] { preconditionFailure("a place given twice") }
                results[place] = job(consume element)
            }
        }
    }

    /// Hands `body` each element of `pending` with its position, taken out of its place as its
    /// call starts (on all cores when `parallel`), so what a call leaves of it is freed when that
    /// call ends.
    private static func takeEach<Element: Sendable>(
        _ pending: inout [Element?], parallel: Bool, _ body: @Sendable (Int, consuming Element) -> Void
    ) {
        let count = pending.count
        pending.withUnsafeMutableBufferPointer { inputs in
            nonisolated(unsafe) let inputs = inputs
            if parallel && count > 1 {
                DispatchQueue.concurrentPerform(iterations: count) { index in body(index, inputs[index].take()!) }
            } else {
                for index in 0..<count { body(index, inputs[index].take()!) }
            }
        }
    }

    /// An array of `count` results made where they end up: `fill` is handed a function that puts
    /// the result for each position in its place, and must give every position one, once (from
    /// any thread). A run keeps a result per file: made as optionals and copied out, they were
    /// held twice.
    private static func inPlace<Result: Sendable>(_ count: Int, _ fill: (@Sendable (Int, consuming Result) -> Void) -> Void) -> [Result] {
        [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let slots = buffer.baseAddress
            fill { index, result in
                precondition(index >= 0 && index < count, "a result out of range")
                (slots! + index).initialize(to: result)
            }
            initialized = count
        }
    }
}
