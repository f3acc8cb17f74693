// Entry point only; the work is in Throughput.swift.
Throughput.main()
