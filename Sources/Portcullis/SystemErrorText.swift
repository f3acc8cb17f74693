#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import PortcullisDiagnostics

/// A file-system error as a person reads it: the system's words for the errno behind it ("No
/// such file or directory"), not FoundationEssentials' `CocoaError(code: …, userInfo: …)`.
package enum SystemErrorText {
    package static func describe(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return Platform.ErrorNumber(rawValue: posix.code.rawValue).message }
        if let cocoa = error as? CocoaError, let posix = cocoa.underlying as? POSIXError {
            return Platform.ErrorNumber(rawValue: posix.code.rawValue).message
        }
        return String(describing: error)
    }
}
