import Foundation
import SynqAPI
import SynqText

/// Reads a credential from a file or standard input. Like ssh with private keys, a file
/// that group or others can read is refused, since the key would not be private.
enum SecretFile {
    static func read(_ path: String) throws -> Secret {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            let attributes: [FileAttributeKey: Any]
            do {
                attributes = try FileManager.default.attributesOfItem(atPath: path)
            } catch {
                throw SecretFileError.unreadable(path)
            }
            if let mode = (attributes[.posixPermissions] as? NSNumber)?.uint16Value, mode & 0o077 != 0,
               (attributes[.type] as? FileAttributeType) == .typeRegular {
                throw SecretFileError.tooOpen(path, mode: mode)
            }
            guard let contents = FileManager.default.contents(atPath: path) else { throw SecretFileError.unreadable(path) }
            data = contents
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw SecretFileError.empty(path) }
        guard !text.contains(where: { $0.isNewline }) else { throw SecretFileError.multipleLines(path) }
        return Secret(text)
    }
}

/// Why a key file could not be used.
enum SecretFileError: Error, CustomStringConvertible, LocalizedError {
    case unreadable(String)
    case tooOpen(String, mode: UInt16)
    case empty(String)
    case multipleLines(String)

    var description: String {
        switch self {
        case .unreadable(let path): "cannot read key file \(Sanitizer.clean(path))"
        case .tooOpen(let path, let mode):
            "key file \(Sanitizer.clean(path)) is readable by others (mode \(String(mode & 0o777, radix: 8))); run: chmod 600 \(Sanitizer.clean(path))"
        case .empty(let path): "key file \(path == "-" ? "on standard input" : Sanitizer.clean(path)) is empty"
        case .multipleLines(let path): "key file \(path == "-" ? "on standard input" : Sanitizer.clean(path)) has more than one line"
        }
    }

    var errorDescription: String? { description }
}
