import Foundation
import Hummingbird
import SynqAPI

/// Builds JSON responses with the client library's encoder, so the sandbox writes exactly
/// what the clients read.
enum JSONResponses {
    static let contentType = "application/json; charset=utf-8"

    static func make<T: Encodable>(_ value: T, status: HTTPStatus = .ok) -> Response {
        let data = (try? JSONCoding.encoder().encode(value)) ?? Data(#"{"success":false,"message":"encoding failed"}"#.utf8)
        return raw(data, status: status)
    }

    static func raw(_ data: Data, status: HTTPStatus = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    static func enterpriseError(_ status: HTTPStatus, _ message: String) -> Response {
        make(EnterpriseErrorBody(message: message), status: status)
    }

    static func synvoError(_ status: HTTPStatus, _ message: String, code: String?) -> Response {
        make(SynvoErrorBody(error: message, code: code), status: status)
    }
}

/// The error bodies both APIs document, by name.
enum DocumentedErrors {
    static let unauthorized = "Unauthorized"
    static let nameRequired = "Synchronizer name is required"
    static let notFound = "Synchronizer not found"
    static let forbidden = "You can only modify your own synchronizers"
    static let invalidKey = "Invalid API key"
    static let revoked = "API key has been revoked"
    static let expired = "API key has expired"
    static let suspended = "API key is temporarily suspended"
    static let rateLimited = "Too many requests"
}
