import Foundation

/// How one request reaches its server: straight, or through a proxy.
public enum ProxyRoute: Sendable, Hashable {
    case direct
    /// An HTTP proxy, always used as a `CONNECT host:port` tunnel (for plain http too), so it
    /// carries bytes and never reads a request or its key.
    case http(host: String, port: Int, user: String?, password: Secret?)
    /// A SOCKS5 proxy.
    case socks5(host: String, port: Int)

    /// `host:port` of the proxy, for messages (never its credentials).
    public var endpoint: String? {
        switch self {
        case .direct: nil
        case .http(let host, let port, _, _), .socks5(let host, let port): TransportFailure.hostPort(host, port)
        }
    }
}

/// The proxy variables curl reads, resolved once: `https_proxy`/`HTTPS_PROXY` for https URLs,
/// `http_proxy`/`HTTP_PROXY` for http URLs, `all_proxy`/`ALL_PROXY` for either when its own
/// is unset, and `no_proxy`/`NO_PROXY` for hosts that go straight. The lower-case name wins
/// when both are set. (curl itself ignores upper-case `HTTP_PROXY`, a guard for CGI programs,
/// whose environment a request can set; synq is not one, and honours it.)
///
/// A proxy URL without a scheme is `http://`; without a port, port 1080, as in curl.
/// `socks5://` and `socks5h://` proxies are SOCKS5; an `https://` proxy (TLS to the proxy
/// itself) is not supported and fails the request with a clear error rather than going direct.
///
/// `NO_PROXY` is a comma-separated list: `*` alone matches every host; a name matches
/// itself and every name under it (`example.com` and `.example.com` both match
/// `api.example.com`); an IP address matches itself, and `10.0.0.0/8`-style ranges match
/// the addresses in them. Names compare without case, ports in the list are ignored.
public struct ProxySettings: Sendable, Hashable {
    enum Choice: Sendable, Hashable {
        case proxy(ProxyRoute)
        case unusable(variable: String, reason: String)
    }

    let https: Choice?
    let http: Choice?
    let noProxy: NoProxyList

    /// No proxy at all, whatever the environment says.
    public static let none = ProxySettings(environment: [:])

    public init(environment: [String: String]) {
        func value(_ names: String...) -> (String, String)? {
            for name in names {
                if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return (name, value) }
            }
            return nil
        }
        let all = value("all_proxy", "ALL_PROXY")
        https = (value("https_proxy", "HTTPS_PROXY") ?? all).map(Self.parse)
        http = (value("http_proxy", "HTTP_PROXY") ?? all).map(Self.parse)
        noProxy = NoProxyList(value("no_proxy", "NO_PROXY")?.1 ?? "")
    }

    /// The route for `url`, or why the configured proxy cannot be used.
    public func route(for url: URL) throws(TransportFailure) -> ProxyRoute {
        let scheme = url.scheme?.lowercased()
        guard let choice = scheme == "https" ? https : scheme == "http" ? http : nil else { return .direct }
        if let host = url.host, noProxy.matches(host) { return .direct }
        switch choice {
        case .proxy(let route): return route
        case .unusable(let variable, let reason): throw .proxy("\(variable) \(reason)")
        }
    }

    /// Parses one variable's value. Never quotes it back: it may hold a password.
    static func parse(_ variable: (name: String, value: String)) -> Choice {
        let text = variable.value.contains("://") ? variable.value : "http://" + variable.value
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            return .unusable(variable: variable.name, reason: "is not a proxy URL (scheme://host:port)")
        }
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let port = components.port ?? 1080
        guard (1...65535).contains(port) else { return .unusable(variable: variable.name, reason: "has a port out of range") }
        switch components.scheme?.lowercased() {
        case "http":
            let user = components.percentEncodedUser?.removingPercentEncoding
            let password = components.percentEncodedPassword?.removingPercentEncoding.map { Secret($0) }
            return .proxy(.http(host: bare, port: port, user: user, password: password))
        case "socks5", "socks5h":
            return .proxy(.socks5(host: bare, port: port))
        case "https":
            return .unusable(variable: variable.name, reason: "names an https:// proxy, which synq does not support (use http://)")
        default:
            return .unusable(variable: variable.name, reason: "names a proxy scheme synq does not support (http://, socks5://)")
        }
    }
}

/// The hosts `NO_PROXY` sends straight, matched as curl matches them.
struct NoProxyList: Sendable, Hashable {
    enum Entry: Sendable, Hashable {
        case name(String)
        case address([UInt8], prefixBits: Int)
    }

    let matchesEverything: Bool
    let entries: [Entry]

    init(_ text: String) {
        let items = text.split { $0 == "," || $0 == " " || $0 == "\t" }.map(String.init)
        matchesEverything = items == ["*"]
        entries = items.compactMap(Self.entry)
    }

    private static func entry(_ item: String) -> Entry? {
        var text = item.lowercased()
        while text.hasPrefix(".") { text.removeFirst() }
        if text.hasSuffix(".") { text.removeLast() }
        var prefixBits: Int?
        if let slash = text.firstIndex(of: "/") {
            prefixBits = Int(text[text.index(after: slash)...])
            text = String(text[..<slash])
        }
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            text = String(text[text.index(after: text.startIndex)..<close])
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            text = String(text[..<colon])  // host:port; the port does not matter
        }
        guard !text.isEmpty else { return nil }
        if let bytes = IPAddressBytes.parse(text) {
            let bits = min(max(prefixBits ?? bytes.count * 8, 0), bytes.count * 8)
            return .address(bytes, prefixBits: bits)
        }
        return prefixBits == nil ? .name(text) : nil
    }

    func matches(_ host: String) -> Bool {
        if matchesEverything { return true }
        var name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if name.hasSuffix(".") { name.removeLast() }
        let address = IPAddressBytes.parse(name)
        return entries.contains { entry in
            switch entry {
            case .name(let pattern):
                return address == nil && (name == pattern || name.hasSuffix("." + pattern))
            case .address(let network, let bits):
                guard let address, address.count == network.count else { return false }
                return IPAddressBytes.samePrefix(address, network, bits: bits)
            }
        }
    }
}

/// Numeric IPv4 and IPv6 addresses as bytes, through `inet_pton`.
enum IPAddressBytes {
    static func parse(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }

    static func samePrefix(_ a: [UInt8], _ b: [UInt8], bits: Int) -> Bool {
        var left = bits
        for (x, y) in zip(a, b) where left > 0 {
            let mask: UInt8 = left >= 8 ? 0xFF : ~(0xFF >> UInt8(left))
            if x & mask != y & mask { return false }
            left -= 8
        }
        return true
    }
}
