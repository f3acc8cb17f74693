import Foundation

/// Where a body that is not JSON goes wrong, in `JSONSerialization`'s words ("Unexpected end of
/// file", "Invalid value around character 0"): `JSONDecoder` says only that it is not JSON.
enum InvalidJSON {
    static func describe(_ bytes: [UInt8]) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes))
            return nil
        } catch {
            return (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        }
    }
}
