// Child processes (kustomize renderings, git's changed files) through `posix_spawn` and two pipes,
// so the command line needs nothing of Foundation's `Process`.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Platform {
    /// What a child process did.
    package struct ChildOutcome: Sendable {
        /// Its exit status, or the number of the signal that ended it.
        package var status: Int32
        package var standardOutput: [UInt8]
        package var standardError: [UInt8]
        /// Stopped (SIGTERM, then SIGKILL two seconds later) because it ran past its time limit.
        package var timedOut: Bool
    }

    /// Runs `executable` (a path) with `arguments`, in `workingDirectory` when given, with this
    /// process's environment and an empty standard input; reads its standard output and error
    /// together (a full pipe never blocks it) until both close, and waits for it. Past `timeout`
    /// it is sent SIGTERM, and SIGKILL two seconds later. Fails only when it cannot be started.
    package static func runChild(_ executable: String, _ arguments: [String], workingDirectory: String?,
                                 timeout: Duration) -> Result<ChildOutcome, ErrorNumber> {
        var outputPipe: [Int32] = [-1, -1], errorPipe: [Int32] = [-1, -1]
        guard makePipe(&outputPipe) else { return .failure(.current) }
        guard makePipe(&errorPipe) else {
            let failure = ErrorNumber.current
            outputPipe.forEach { close($0) }
            return .failure(failure)
        }
        let spawned = spawn(executable, arguments, workingDirectory: workingDirectory, output: outputPipe[1], error: errorPipe[1])
        close(outputPipe[1])
        close(errorPipe[1])
        guard case .success(let child) = spawned else {
            close(outputPipe[0])
            close(errorPipe[0])
            if case .failure(let failure) = spawned { return .failure(failure) }
            return .failure(.current)
        }
        var outcome = ChildOutcome(status: 0, standardOutput: [], standardError: [], timedOut: false)
        collect(from: outputPipe[0], and: errorPipe[0], of: child, timeout: timeout, into: &outcome)
        close(outputPipe[0])
        close(errorPipe[0])
        return .success(outcome)
    }

    /// `execv`: this process becomes `executable` (a path) run with `arguments`; returns only when
    /// that fails, with the reason.
    package static func replaceProcess(with executable: String, arguments: [String]) -> ErrorNumber {
        let argv = argumentVector(executable, arguments)
        execv(executable, argv)
        let failure = ErrorNumber.current
        for argument in argv { free(argument) }
        return failure
    }

    /// `executable` and `arguments` as C strings ending with a null, as `execv` and `posix_spawn`
    /// take them; the caller frees each.
    private static func argumentVector(_ executable: String, _ arguments: [String]) -> [UnsafeMutablePointer<CChar>?] {
        ([executable] + arguments).map { strdup($0) } + [nil]
    }

    /// A pipe whose two ends close on `exec` (the child gets its own copies through `dup2`): made so
    /// at once with `pipe2` where there is one, so another thread's child cannot inherit them.
    private static func makePipe(_ ends: inout [Int32]) -> Bool {
        if let makeClosingPipe = pipeWithFlags {
            return ends.withUnsafeMutableBufferPointer { makeClosingPipe($0.baseAddress!, O_CLOEXEC) } == 0
        }
        guard pipe(&ends) == 0 else { return false }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return true
    }

    private static func spawn(_ executable: String, _ arguments: [String], workingDirectory: String?,
                              output: Int32, error: Int32) -> Result<pid_t, ErrorNumber> {
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        let initialized = posix_spawn_file_actions_init(&actions)
        guard initialized == 0 else { return .failure(ErrorNumber(rawValue: initialized)) }
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, error, 2)
        // Nothing else of this process reaches the child (as Foundation's `Process` closed them).
        if let closeFrom = spawnAddCloseFrom { _ = closeFrom(&actions, 3) }
        if let workingDirectory {
            guard let addChdir = spawnAddChdir else { return .failure(ErrorNumber(rawValue: ENOSYS)) }
            let status = addChdir(&actions, workingDirectory)
            guard status == 0 else { return .failure(ErrorNumber(rawValue: status)) }
        }
        // The child starts with no signal blocked and every signal at its default action, whatever
        // this process blocks or ignores (else a blocked SIGTERM would not stop it at its time limit).
        #if canImport(Darwin)
        var attributes: posix_spawnattr_t? = nil
        #else
        var attributes = posix_spawnattr_t()
        #endif
        let attributesInitialized = posix_spawnattr_init(&attributes)
        guard attributesInitialized == 0 else { return .failure(ErrorNumber(rawValue: attributesInitialized)) }
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = argumentVector(executable, arguments)
        defer { for argument in argv { free(argument) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, environ)
        return status == 0 ? .success(child) : .failure(ErrorNumber(rawValue: status))
    }

    /// Reads both pipes to their ends and waits for the child, sending SIGTERM at `timeout` and
    /// SIGKILL two seconds after; once killed, reading stops when the pipes close or a second after
    /// the kill. Once the child has ended, its pipes are read until they close, stay silent for a
    /// second (something it started may hold them open), or its time limit comes; what is already
    /// in them is always read. A child that closes its outputs and goes on running meets the same
    /// time limit.
    private static func collect(from output: Int32, and error: Int32, of child: pid_t, timeout: Duration,
                                into outcome: inout ChildOutcome) {
        let started = ContinuousClock.now
        var terminatedAt: ContinuousClock.Instant?
        var killedAt: ContinuousClock.Instant?
        var endedAt: ContinuousClock.Instant?
        var open = [output: true, error: true]
        var exitStatus: Int32?
        var buffer = [UInt8](repeating: 0, count: 65_536)

        /// Reads what the pipes hold, waiting up to `milliseconds`; whether anything came.
        func read(waiting milliseconds: Int) -> Bool {
            var watched = [output, error].filter { open[$0] == true }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            guard !watched.isEmpty else { return false }
            let ready = poll(&watched, nfds_t(watched.count), Int32(milliseconds))
            guard ready > 0 else { return false }
            var came = false
            for entry in watched where entry.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { readDescriptor(entry.fd, into: $0.baseAddress!, count: $0.count) }
                if count > 0 {
                    came = true
                    if entry.fd == output {
                        outcome.standardOutput.append(contentsOf: buffer[..<count])
                    } else {
                        outcome.standardError.append(contentsOf: buffer[..<count])
                    }
                } else if count == 0 || ErrorNumber.current != .interrupted {
                    open[entry.fd] = false
                }
            }
            return came
        }
        /// Reads what the pipes hold now, without waiting.
        func drain() {
            while open.values.contains(true) && read(waiting: 0) {}
        }

        while exitStatus == nil || open.values.contains(true) {
            let now = ContinuousClock.now
            if exitStatus == nil, let status = reaped(child) {
                exitStatus = status
                endedAt = now
            }
            if exitStatus != nil {
                // Ended: read on while something comes, within the time limit and a second's silence.
                let limit = min(started + timeout, endedAt! + .seconds(1))
                if now >= limit {
                    drain()
                    break
                }
                if !read(waiting: max(1, milliseconds(limit - now))) {
                    if open.values.contains(true), ContinuousClock.now >= endedAt! + .seconds(1) { break }
                } else {
                    endedAt = ContinuousClock.now
                }
                continue
            }
            if terminatedAt == nil, now - started >= timeout {
                outcome.timedOut = true
                kill(child, SIGTERM)
                terminatedAt = now
            }
            if let terminatedAt, killedAt == nil, now - terminatedAt >= .seconds(2) {
                kill(child, SIGKILL)
                killedAt = now
            }
            if let killedAt, now >= killedAt + .seconds(1) {
                drain()
                exitStatus = waitToEnd(child)
                break
            }
            let deadline: ContinuousClock.Instant = if let killedAt { killedAt + .seconds(1) }
                else if let terminatedAt { terminatedAt + .seconds(2) } else { started + timeout }
            // Short waits while the child is still to be reaped with its pipes closed.
            let longest = open.values.contains(true) ? 100 : 10
            let wait = max(1, min(longest, milliseconds(deadline - now)))
            if open.values.contains(true) {
                _ = read(waiting: wait)
            } else {
                _ = poll(nil, 0, Int32(wait))
            }
        }
        outcome.status = exitStatus ?? -1
    }

    /// Makes this process's ended children waitable again when it was started with SIGCHLD ignored
    /// (a parent's `SIG_IGN` survives `exec`): the kernel then reaps each child as it ends, and
    /// `runChild` could not learn git's or kustomize's exit status. For a program's start: at `exec`
    /// the signal is either ignored or default, so default is what it was meant to be. A library
    /// leaves its host's signal handling alone.
    package static func restoreChildStatus() {
        _ = signal(SIGCHLD, SIG_DFL)
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1_000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    /// The child's exit status (or the signal that ended it) if it has ended, reaping it; else `nil`.
    private static func reaped(_ child: pid_t) -> Int32? {
        var status: Int32 = 0
        while true {
            let result = waitpid(child, &status, WNOHANG)
            if result == child { return exitStatus(status) }
            if result == 0 { return nil }
            if ErrorNumber.current != .interrupted { return -1 }
        }
    }

    /// Waits for `child` to end (it has been sent SIGKILL): its exit status or signal.
    private static func waitToEnd(_ child: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 {
            guard ErrorNumber.current == .interrupted else { return -1 }
        }
        return exitStatus(status)
    }

    private static func exitStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : signal
    }
}

#if canImport(Darwin)
private typealias SpawnAddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t?>, UnsafePointer<CChar>) -> Int32
private var defaultSymbols: UnsafeMutableRawPointer? { UnsafeMutableRawPointer(bitPattern: -2) }  // RTLD_DEFAULT
#else
private typealias SpawnAddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
private var defaultSymbols: UnsafeMutableRawPointer? { nil }  // RTLD_DEFAULT
#endif

/// `posix_spawn_file_actions_addchdir_np` (glibc 2.29, musl 1.1.24, macOS 10.15): the child changes
/// folder before it runs. Looked up by name: Swift's Glibc module does not show this extension.
private let spawnAddChdir: SpawnAddChdir? = dlsym(defaultSymbols, "posix_spawn_file_actions_addchdir_np")
    .map { unsafeBitCast($0, to: SpawnAddChdir.self) }

#if canImport(Darwin)
private typealias SpawnAddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t?>, Int32) -> Int32
#else
private typealias SpawnAddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
#endif

/// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34): the child closes every descriptor from
/// the given one up. Where there is none, descriptors this process opened without close-on-exec
/// reach the child.
private let spawnAddCloseFrom: SpawnAddCloseFrom? = dlsym(defaultSymbols, "posix_spawn_file_actions_addclosefrom_np")
    .map { unsafeBitCast($0, to: SpawnAddCloseFrom.self) }

private typealias PipeWithFlags = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

/// `pipe2` (Linux, the BSDs): a pipe made close-on-exec at once.
private let pipeWithFlags: PipeWithFlags? = dlsym(defaultSymbols, "pipe2").map { unsafeBitCast($0, to: PipeWithFlags.self) }
