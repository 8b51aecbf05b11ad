import Foundation
import SynqAPI

/// How `--dry-run` shows a request: method, URL, headers with the key masked, body.
enum RequestPreview {
    static func describe(_ method: String, baseURL: String, path: String, enterpriseKey: Secret, body: String? = nil, sent: Bool) -> String {
        var lines = ["\(sent ? "Sending (read-only)" : "Would send"): \(method) \(baseURL)\(path)",
                     "    X-Enterprise-API-Key: \(enterpriseKey.masked)"]
        if let body {
            lines.append("    Content-Type: application/json")
            lines.append("    \(body)")
        }
        return lines.joined(separator: "\n")
    }
}
