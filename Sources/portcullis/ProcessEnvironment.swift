#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The process's environment variables, read once: a command reads several of them (colour, the
/// progress line, policy folders, the cache folder) and nothing in it changes them.
enum ProcessEnvironment {
    static let variables: [String: String] = ProcessInfo.processInfo.environment
}
