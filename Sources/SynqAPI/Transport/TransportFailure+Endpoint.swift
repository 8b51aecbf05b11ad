import Foundation
import SynqText

extension TransportFailure {
    /// `host:port` of a URL (IPv6 in brackets), defaulting the port from the scheme.
    static func endpoint(of url: URL) -> String {
        let port = url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
        return hostPort(url.host ?? "?", port)
    }

    static func hostPort(_ host: String, _ port: Int) -> String {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return Sanitizer.clean(bare.contains(":") ? "[\(bare)]:\(port)" : "\(bare):\(port)")
    }
}
