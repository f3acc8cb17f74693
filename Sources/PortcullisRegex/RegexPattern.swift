internal import CPCRE2
internal import CRegexMatchData
import Synchronization

/// Why a pattern could not be compiled or matched.
package enum RegexError: Error, Sendable, Equatable {
    /// PCRE2 rejected the pattern: its message and the 0-based offset in the pattern.
    case invalidPattern(message: String, offset: Int)
    /// Matching hit the match or depth limit (catastrophic backtracking).
    case matchLimitExceeded
    /// Any other PCRE2 failure, with its message.
    case matchFailed(message: String)
}

/// A PCRE2 regular expression, compiled once and JIT-compiled at its first match, safe to share
/// across threads.
///
/// The JIT compilation waits for a first match because it is the costly part (about 110,000
/// instructions and a mapping of executable memory per pattern), and a run over a few files
/// matches few of the built-in packs' patterns: a pre-commit run no longer pays for all of them
/// at start-up.
///
/// Matching is bounded by `matchLimit` and `depthLimit`, so a catastrophic pattern fails with
/// `RegexError.matchLimitExceeded` instead of hanging.
package final class RegexPattern: @unchecked Sendable {
    // PCRE2 compiled code is read-only during matching; the JIT compilation is the one change
    // made to it, under `jitLock`, before any match (PCRE2 allows no match meanwhile).
    private let code: OpaquePointer
    private let matchContext: OpaquePointer?
    package let pattern: String
    /// Set (releasing) once the JIT compilation has been tried; read (acquiring) before each match.
    private let jitTried = Atomic<Bool>(false)
    /// Whether the JIT compiled the pattern, once tried.
    private let jitLock = Mutex<Bool?>(nil)

    /// Whether PCRE2's JIT compiled the pattern (it falls back to the interpreter otherwise); asking
    /// compiles it.
    package var isJITCompiled: Bool { compileJITOnce() }

    /// Compiles `pattern` (UTF-8, Unicode-aware).
    package init(_ pattern: String, matchLimit: UInt32 = 1_000_000, depthLimit: UInt32 = 10_000) throws(RegexError) {
        self.pattern = pattern
        var errorCode: Int32 = 0
        var errorOffset = 0
        let compiled: OpaquePointer? = pattern.withCString { cString in
            cString.withMemoryRebound(to: UInt8.self, capacity: pattern.utf8.count + 1) { pointer in
                pcre2_compile_8(pointer, pattern.utf8.count, UInt32(PCRE2_UTF | PCRE2_UCP), &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw .invalidPattern(message: RegexPattern.message(errorCode), offset: errorOffset)
        }
        code = compiled
        let context = pcre2_match_context_create_8(nil)
        if let context {
            pcre2_set_match_limit_8(context, matchLimit)
            pcre2_set_depth_limit_8(context, depthLimit)
        }
        matchContext = context
    }

    deinit {
        pcre2_code_free_8(code)
        if let matchContext { pcre2_match_context_free_8(matchContext) }
    }

    /// JIT-compiles the pattern on the first call (the others wait for it); whether the JIT took it.
    @discardableResult
    private func compileJITOnce() -> Bool {
        if jitTried.load(ordering: .acquiring) { return jitLock.withLock { $0 ?? false } }
        return jitLock.withLock { result in
            if let result { return result }
            let compiled = pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE)) == 0
            result = compiled
            jitTried.store(true, ordering: .releasing)
            return compiled
        }
    }

    /// Whether the pattern matches anywhere in `subject`.
    package func matches(_ subject: String) throws(RegexError) -> Bool {
        var subject = subject
        // A Swift string is valid UTF-8 by construction.
        let outcome = subject.withUTF8 { buffer in
            Result { () throws(RegexError) in try matches(validUTF8: UnsafeRawBufferPointer(buffer)) }
        }
        return try outcome.get()
    }

    /// Whether the pattern matches anywhere in `bytes`, which the caller knows to be valid UTF-8
    /// (ASCII, or the bytes of a `String`): PCRE2 does not check the subject again before each
    /// match (a long value's check cost more than the match), and invalid UTF-8 is undefined
    /// behaviour for it.
    package func matches(validUTF8 bytes: UnsafeRawBufferPointer) throws(RegexError) -> Bool {
        if !jitTried.load(ordering: .acquiring) { compileJITOnce() }
        let subject = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(bitPattern: 1)!
        // The thread's match data serves every match it makes (none is made and freed per match).
        let result: Int32
        if let data = OpaquePointer(portcullis_thread_match_data()) {
            result = pcre2_match_8(code, subject, bytes.count, 0, UInt32(PCRE2_NO_UTF_CHECK), data, matchContext)
        } else {
            let data = pcre2_match_data_create_from_pattern_8(code, nil)
            defer { pcre2_match_data_free_8(data) }
            result = pcre2_match_8(code, subject, bytes.count, 0, UInt32(PCRE2_NO_UTF_CHECK), data, matchContext)
        }
        if result >= 0 { return true }
        if result == PCRE2_ERROR_NOMATCH { return false }
        if result == PCRE2_ERROR_MATCHLIMIT || result == PCRE2_ERROR_DEPTHLIMIT || result == PCRE2_ERROR_JIT_STACKLIMIT {
            throw .matchLimitExceeded
        }
        throw .matchFailed(message: RegexPattern.message(result))
    }

    private static func message(_ code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return length > 0 ? String(decoding: buffer[0..<Int(length)], as: UTF8.self) : "PCRE2 error \(code)"
    }
}
