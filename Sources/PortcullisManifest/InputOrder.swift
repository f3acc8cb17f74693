import Dispatch

/// Runs one job per input and returns the results in input order, whatever the scheduling; or
/// (`update`) one job per given place of an array, each changing its own place.
///
/// Jobs for standard input run first, one by one, on the calling thread (so `-` given twice never
/// has two readers); the rest run on all cores when `parallel` is set.
package enum InputOrder {
    package static func map<Result: Sendable>(
        _ inputs: [InputFile], parallel: Bool, _ job: @Sendable (InputFile) -> Result
    ) -> [Result] {
        map(inputs, parallel: parallel) { _, input in job(input) }
    }

    /// `map(_:parallel:_:)` handing each job its input's position too.
    package static func map<Result: Sendable>(
        _ inputs: [InputFile], parallel: Bool, _ job: @Sendable (Int, InputFile) -> Result
    ) -> [Result] {
        let pending = inputs.indices.filter { !inputs[$0].isStandardInput }
        return inPlace(inputs.count) { slot in
            for (offset, input) in inputs.enumerated() where input.isStandardInput {
                slot(offset, job(offset, input))
            }
            if parallel && pending.count > 1 {
                DispatchQueue.concurrentPerform(iterations: pending.count) { index in
                    slot(pending[index], job(pending[index], inputs[pending[index]]))
                }
            } else {
                for offset in pending { slot(offset, job(offset, inputs[offset])) }
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

    /// Hands `job` the elements of `elements` at `positions` (strictly increasing, so no place is
    /// handed twice), each in its place with its position, on all cores when `parallel`; the others
    /// stay as they are. A job takes what it needs out of its element and leaves its result there:
    /// a run whose files wait for a second pass keeps one array of them, the first pass's, each
    /// waiting file's place taking its second-pass result, and what a job took is freed when that
    /// job ends.
    package static func update<Element: Sendable>(
        _ elements: inout [Element], at positions: [Int32], parallel: Bool, _ job: @Sendable (Int, inout Element) -> Void
    ) {
        // Checked before any job runs, so a bad position changes nothing.
        for index in positions.indices.dropFirst() {
            precondition(positions[index - 1] < positions[index], "places not strictly increasing")
        }
        if let first = positions.first, let last = positions.last {
            precondition(first >= 0 && Int(last) < elements.count, "a place out of range")
        }
        elements.withUnsafeMutableBufferPointer { places in
            nonisolated(unsafe) let places = places
            @Sendable func run(_ index: Int) {
                let place = Int(positions[index])
                job(place, &places[place])
            }
            if parallel && positions.count > 1 {
                DispatchQueue.concurrentPerform(iterations: positions.count) { index in run(index) }
            } else {
                for index in positions.indices { run(index) }
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
