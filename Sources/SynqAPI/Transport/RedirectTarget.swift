import Foundation
import SynqText

/// Where a 3xx pointed, fit for an error message: resolved against the request's URL, with
/// no user or password, no query and no fragment (any of which can carry a token), made
/// terminal-safe and cut to a sane length. Nothing is ever fetched from it.
enum RedirectTarget {
    static let maxLength = 160

    static func describe(_ location: String?, from requestURL: URL) -> String? {
        guard let location = location?.trimmingCharacters(in: .whitespaces), !location.isEmpty else { return nil }
        guard let resolved = URL(string: location, relativeTo: requestURL)?.absoluteURL,
              let parts = URLComponents(url: resolved, resolvingAgainstBaseURL: true),
              let scheme = parts.scheme, let host = parts.host, !host.isEmpty
        else { return "an unreadable location" }
        var text = scheme.lowercased() + "://" + (host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host)
        if let port = parts.port { text += ":\(port)" }
        text += parts.percentEncodedPath
        if parts.percentEncodedQuery != nil || parts.percentEncodedFragment != nil { text += "?…" }
        let clean = Sanitizer.clean(text)
        return clean.count > maxLength ? String(clean.prefix(maxLength)) + "…" : clean
    }
}
