import Foundation
import Hummingbird
import SynqAPI

/// JSON bodies, read with the client library's decoder so the sandbox reads exactly what the
/// clients write. With `requiresJSONContentType`, any other Content-Type is refused with
/// 415: a browser page can send a cross-origin `text/plain` POST without asking first, but
/// not an `application/json` one.
public struct JSONBodyDecoder: RequestDecoder {
    var requiresJSONContentType: Bool

    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        if requiresJSONContentType, !request.hasContentType("application/json") {
            throw HTTPError(.unsupportedMediaType, message: "Content-Type must be application/json")
        }
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return try JSONCoding.decoder().decode(T.self, from: Data(buffer: buffer))
    }
}

/// `application/x-www-form-urlencoded` bodies, as the Synvo API takes them. An empty body is
/// an empty form whatever its Content-Type; any other body must say it is a form.
public struct FormBodyDecoder: RequestDecoder {
    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        if buffer.readableBytes > 0, !request.hasContentType("application/x-www-form-urlencoded") {
            throw HTTPError(.badRequest, message: "Content-Type must be application/x-www-form-urlencoded")
        }
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw HTTPError(.badRequest, message: "Body is not valid UTF-8")
        }
        return try URLEncodedFormDecoder().decode(T.self, from: text)
    }
}

extension Request {
    /// Whether the Content-Type is `mediaType`, parameters such as `charset` aside.
    func hasContentType(_ mediaType: String) -> Bool {
        guard let value = headers[.contentType] else { return false }
        let type = value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        return type.trimmingCharacters(in: .whitespaces).lowercased() == mediaType
    }
}
