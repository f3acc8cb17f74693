import Dispatch

/// Runs one job per input and returns the results in input order, whatever the scheduling.
///
/// Jobs for standard input run first, one by one, on the calling thread (so `-` given twice never
/// has two readers); the rest run on all cores when `parallel` is set.
package enum InputOrder {
    package static func map<Result: Sendable>(
        _ inputs: [InputFile], parallel: Bool, _ job: @Sendable (InputFile) -> Result
    ) -> [Result] {
        var results = [Result?](repeating: nil, count: inputs.count)
        for (offset, input) in inputs.enumerated() where input.isStandardInput {
            results[offset] = job(input)
        }
        let pending = inputs.indices.filter { !inputs[$0].isStandardInput }
        if parallel && pending.count > 1 {
            results.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let slots = buffer
                DispatchQueue.concurrentPerform(iterations: pending.count) { index in
                    slots[pending[index]] = job(inputs[pending[index]])
                }
            }
        } else {
            for offset in pending { results[offset] = job(inputs[offset]) }
        }
        return results.map { $0! }
    }

    /// One job per element on all cores (when `parallel`), results in order.
    package static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], parallel: Bool, _ job: @Sendable (Element) -> Result
    ) -> [Result] {
        var results = [Result?](repeating: nil, count: elements.count)
        if parallel && elements.count > 1 {
            results.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let slots = buffer
                DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                    slots[index] = job(elements[index])
                }
            }
        } else {
            for offset in elements.indices { results[offset] = job(elements[offset]) }
        }
        return results.map { $0! }
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
        var results = [Result?](repeating: nil, count: pending.count)
        let count = pending.count
        if parallel && count > 1 {
            pending.withUnsafeMutableBufferPointer { inputs in
                nonisolated(unsafe) let inputs = inputs
                results.withUnsafeMutableBufferPointer { buffer in
                    nonisolated(unsafe) let slots = buffer
                    DispatchQueue.concurrentPerform(iterations: count) { index in
                        slots[index] = job(inputs[index].take()!)
                    }
                }
            }
        } else {
            for offset in 0..<count { results[offset] = job(pending[offset].take()!) }
        }
        return results.map { $0! }
    }
}
