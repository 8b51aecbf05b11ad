import Foundation

// libFuzzer target: every API response type, decoded and interpreted the way the clients
// do it, must either produce a value or a typed error — never trap.

private let interpreterEnterprise = ResponseInterpreter(service: .enterprise, redact: Redactor([Secret("fuzz-secret-key")]))
private let interpreterSynvo = ResponseInterpreter(service: .synvo, redact: Redactor([Secret("fuzz-secret-key")]))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let status = count > 0 ? [200, 201, 400, 401, 403, 404, 429, 500, 503][Int(data[data.startIndex]) % 9] : 200
    let response = HTTPResponse(status: status, headers: ["X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "7", "X-RateLimit-Reset": "1642694400"], body: data)
    _ = try? interpreterEnterprise.decode(SynchronizerList.self, from: response)
    _ = try? interpreterEnterprise.decode(SynchronizerResult.self, from: response)
    _ = try? interpreterEnterprise.decode(PreferencesResponse.self, from: response)
    _ = try? interpreterSynvo.decode(SynvoKeyList.self, from: response)
    _ = try? interpreterSynvo.decode(CreatedSynvoKey.self, from: response)
    let error = interpreterSynvo.error(for: response)
    let text = error.description
    if text.contains("fuzz-secret-key") { fatalError("secret leaked into an error description") }
    if text.unicodeScalars.contains(where: Sanitizer.isUnsafe) { fatalError("control character in an error description") }
    return 0
}
