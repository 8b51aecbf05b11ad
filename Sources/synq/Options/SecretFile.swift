import Foundation
import SynqFiles
import SynqAPI
import SynqConfig
import SynqText

/// Reads a credential from a file or standard input. Like ssh with private keys, a file
/// that group or others can read, or that belongs to someone else, is refused, since the key
/// would not be private.
enum SecretFile {
    static func read(_ path: String) throws -> Secret {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            // The one private-file reader: owner, mode and type of the file actually opened.
            guard let contents = try SecureFile.readPrivate(path, followLinks: true) else { throw KeyFileError.unreadable(path) }
            data = contents
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw KeyFileError.empty(path) }
        guard !text.contains(where: { $0.isNewline }) else { throw KeyFileError.multipleLines(path) }
        return Secret(text)
    }
}

/// Why a key file could not be used.
enum KeyFileError: Error, CustomStringConvertible, LocalizedError {
    case unreadable(String)
    case empty(String)
    case multipleLines(String)

    var description: String {
        switch self {
        case .unreadable(let path): "cannot read key file \(Sanitizer.clean(path)): no such file"
        case .empty(let path): "key file \(path == "-" ? "on standard input" : Sanitizer.clean(path)) is empty"
        case .multipleLines(let path): "key file \(path == "-" ? "on standard input" : Sanitizer.clean(path)) has more than one line"
        }
    }

    var errorDescription: String? { description }
}
